//! `ponte` as a user runs it: a real binary, a real data folder, real exit codes.

use assert_cmd::Command;

fn ponte(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("ponte").unwrap();
    c.arg("--data-dir").arg(dir).env_remove("PONTE_DATA_DIR");
    c
}

#[test]
fn version() {
    let out = Command::cargo_bin("ponte").unwrap().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn people_add_list_show_json() {
    let dir = tempfile::tempdir().unwrap();
    let out = ponte(dir.path())
        .args([
            "people",
            "add",
            "--json",
            "--kind",
            "company",
            "--name",
            "BWT Operadora Ltda",
        ])
        .args([
            "--trade-name",
            "BWT",
            "--document",
            "12.ABC.345/01DE-35",
            "--email",
            "a@bwt.com.br",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["document_display"], "12.ABC.345/01DE-35");
    let id = p["id"].as_i64().unwrap();

    let out = ponte(dir.path())
        .args(["people", "list", "--json", "-q", "operadora"])
        .output()
        .unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.len(), 1);

    let out = ponte(dir.path())
        .args(["--lang", "pt-BR", "people", "show", &id.to_string()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Razão social: BWT Operadora Ltda"), "{text}");
    assert!(text.contains("Pessoa Jurídica"), "{text}");
}

#[test]
fn refusals_are_translated_with_the_field_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = ponte(dir.path())
        .args([
            "--lang",
            "it",
            "people",
            "add",
            "--kind",
            "individual",
            "--name",
            "Mario",
        ])
        .args(["--document", "111.111.111-11"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--document"), "{err}");
    assert!(err.contains("cifra ripetuta"), "{err}");

    let out = ponte(dir.path())
        .args(["people", "show", "999", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["error"]["code"], "not_found");
}

#[test]
fn unusable_data_dir_is_an_environment_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    let out = ponte(&file.join("sub"))
        .args(["--lang", "en", "people", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot be used") && err.contains("--data-dir"), "{err}");
}

#[test]
fn doctor_reports_each_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = ponte(dir.path()).args(["doctor", "--json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let checks = v["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 3);
    assert_eq!(checks[0]["ok"], true, "data dir: {v}");
    assert_eq!(checks[1]["ok"], true, "database: {v}");
    // The keyring line is OK inside the test script's gnome-keyring session, and says what to do outside it.
    let keyring_ok = checks[2]["ok"].as_bool().unwrap();
    if std::env::var_os("PONTE_KEYRING_INNER").is_some() {
        assert!(keyring_ok, "keyring: {v}");
        assert!(out.status.success());
    } else if !keyring_ok {
        assert_eq!(out.status.code(), Some(3));
        assert!(checks[2]["fix"].as_str().unwrap().starts_with("error.keyring"));
    }
}

#[test]
fn doctor_without_any_keyring_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = ponte(dir.path())
        .args(["--lang", "en", "doctor"])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ponte-test-bus")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("FAIL System keyring reachable"), "{text}");
    assert!(text.contains("never stores passwords in plain text"), "{text}");
}

/// `ponte people list | head -1` with many lines: the command ends when the reader stops, no panic.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let out = ponte(dir.path())
        .args(["people", "add", "--kind", "individual", "--name", "Ana"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // More than a pipe holds (64 KiB), so the command is still writing when the reader stops.
    let db = rusqlite::Connection::open(dir.path().join("ponte.db")).unwrap();
    for i in 0..199 {
        let name = format!("Pessoa {i:03} {}", "x".repeat(180));
        db.execute(
            "INSERT INTO people (kind, name, search_text, created_at, updated_at) VALUES ('individual', ?1, ?1, 'x', 'x')",
            [&name],
        )
        .unwrap();
    }
    drop(db);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ponte"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["people", "list", "--json"])
        .env_remove("PONTE_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(status.code(), Some(101), "{status:?}");
}

/// The window's switch and a secret's expiry, headless: the same core rules refuse the same input.
#[test]
fn integrations_switch_off_and_on_and_a_password_expires() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        ponte(dir.path())
            .args(args)
            .env("PONTE_SECRET_PASSWORD", "s3nha-da-agencia")
            .output()
            .unwrap()
    };
    let json = |out: std::process::Output| -> serde_json::Value {
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let person = json(run(&[
        "people",
        "add",
        "--json",
        "--kind",
        "company",
        "--name",
        "BWT Operadora",
    ]));
    let person = person["id"].to_string();
    let saved = json(run(&[
        "integrations",
        "add",
        "--json",
        "--preset",
        "bwt-infotravel",
        "--person",
        &person,
        "--field",
        "agency_code=4521",
        "--field",
        "username=agencia.api",
        "--secret",
        "password",
    ]));
    let id = saved["integration"]["id"].to_string();
    assert_eq!(json(run(&["integrations", "disable", &id, "--json"]))["enabled"], false);
    let listed = String::from_utf8(run(&["integrations", "list"]).stdout).unwrap();
    assert!(listed.contains("(off)"), "{listed}");
    assert_eq!(json(run(&["integrations", "enable", &id, "--json"]))["enabled"], true);
    assert_eq!(run(&["integrations", "enable", "999"]).status.code(), Some(1));

    let set = json(run(&[
        "integrations",
        "secret-expiry",
        &id,
        "password",
        "--expires",
        "2027-03-31",
        "--json",
    ]));
    assert_eq!(set["expires_on"], "2027-03-31");
    let soon = String::from_utf8(run(&["tokens", "expiring", "--within", "100000", "--json"]).stdout).unwrap();
    assert!(soon.contains("2027-03-31"), "{soon}");
    // Not a secret of this type, not a date, not this integration: refused as the window refuses them.
    for (args, code) in [
        (
            vec![
                "integrations",
                "secret-expiry",
                &id,
                "username",
                "--expires",
                "2027-03-31",
            ],
            1,
        ),
        (
            vec![
                "integrations",
                "secret-expiry",
                &id,
                "password",
                "--expires",
                "31/03/2027",
            ],
            1,
        ),
        (
            vec![
                "integrations",
                "secret-expiry",
                "999",
                "password",
                "--expires",
                "2027-03-31",
            ],
            1,
        ),
        (vec!["integrations", "secret-expiry", &id, "password"], 2),
    ] {
        assert_eq!(run(&args).status.code(), Some(code), "{args:?}");
    }
    let cleared = json(run(&[
        "integrations",
        "secret-expiry",
        &id,
        "password",
        "--clear",
        "--json",
    ]));
    assert_eq!(cleared["expires_on"], serde_json::Value::Null);
    let soon = String::from_utf8(run(&["tokens", "expiring", "--within", "100000", "--json"]).stdout).unwrap();
    assert!(!soon.contains("2027-03-31"), "{soon}");
}
