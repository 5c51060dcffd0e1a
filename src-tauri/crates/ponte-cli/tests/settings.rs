//! `ponte settings …` and `ponte import schedule …` as a headless install runs them: each setting written
//! and read back (text and JSON), refused with the core's own message and exit code 1, and the Wooba
//! Developer-Token read from standard input or the environment and found nowhere but the keyring.

use assert_cmd::Command;
use ponte_core::i18n::{t, Locale};
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::vendor_settings;
use secrecy::ExposeSecret;
use serde_json::{json, Value};

fn ponte(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("ponte").unwrap();
    c.arg("--data-dir")
        .arg(dir)
        .env_remove("PONTE_DATA_DIR")
        .env_remove("PONTE_SECRET_DEVELOPER_TOKEN")
        .env_remove("PONTE_SECRET_PASSWORD");
    c
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok_json(cmd: &mut Command) -> Value {
    let r = run(cmd);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// The core's message for `key`, in English: what the window shows for the same refusal.
fn msg(key: &str) -> String {
    t(Locale::En, key, &Default::default())
}

/// These tests write the service the app uses (`io.ponte.desktop`): only inside `.ci/with-keyring`'s
/// throw-away keyring, never in a developer's own (where the real Wooba token may live).
fn require_test_keyring() {
    assert!(
        std::env::var_os("PONTE_KEYRING_INNER").is_some(),
        "run under `bash .ci/with-keyring cargo nextest run -p ponte-cli`: this test writes the app's keyring service"
    );
}

#[test]
fn language_is_set_read_back_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Without --lang, the confirmation already speaks the new language.
    let r = run(ponte(d).args(["settings", "language", "it"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Salvato.\nLingua: Italiano (it)"), "{}", r.stdout);
    let r = run(ponte(d).args(["settings", "language"]));
    assert_eq!(r.stdout, "Lingua: Italiano (it)\n");
    assert_eq!(
        ok_json(ponte(d).args(["settings", "language", "--json"])),
        json!({"language": "it"})
    );

    // With --lang, messages keep that language.
    let r = run(ponte(d).args(["--lang", "en", "settings", "language", "pt-BR"]));
    assert_eq!(r.stdout, "Saved.\nLanguage: Português (Brasil) (pt-BR)\n");
    assert_eq!(
        ok_json(ponte(d).args(["--json", "settings", "language", "en"])),
        json!({"language": "en"})
    );
    assert_eq!(
        ok_json(ponte(d).args(["settings", "language", "--json"])),
        json!({"language": "en"})
    );

    // Only the window's three tags: not a BCP 47 look-alike, not another language.
    for bad in ["fr", "pt", "EN", ""] {
        let r = run(ponte(d).args(["settings", "language", bad]));
        assert_eq!(r.code, 1, "{bad}: {}", r.stderr);
        assert!(
            r.stderr.contains(&format!("LANG: {}", msg("error.settings.language"))),
            "{bad}: {}",
            r.stderr
        );
    }
    let v: Value = serde_json::from_str(&run(ponte(d).args(["settings", "language", "de", "--json"])).stdout).unwrap();
    assert_eq!(v["error"]["code"], "invalid_input");
    assert_eq!(
        v["error"]["fields"],
        json!([{"field": "language", "key": "error.settings.language", "params": {}}])
    );
    assert_eq!(
        ok_json(ponte(d).args(["settings", "language", "--json"])),
        json!({"language": "en"})
    );
}

#[test]
fn reminders_are_set_read_back_and_refused_with_the_core_messages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let defaults = ok_json(ponte(d).args(["settings", "reminders", "--json"]));
    assert_eq!(
        defaults,
        json!({"thresholds": [60, 30, 7, 1, 0], "quiet_hours": {"start": "22:00", "end": "08:00"}, "clipboard_clear_secs": 30})
    );

    let set = ok_json(ponte(d).args([
        "settings",
        "reminders",
        "--json",
        "--thresholds",
        "14, 90,3",
        "--quiet-start",
        "21:30",
        "--quiet-end",
        "07:15",
        "--clipboard-clear-secs",
        "45",
    ]));
    // Stored as the core keeps them: most distant first.
    let expected = json!({"thresholds": [90, 14, 3], "quiet_hours": {"start": "21:30", "end": "07:15"}, "clipboard_clear_secs": 45});
    assert_eq!(set, expected);
    // One option changes only its part.
    let set = ok_json(ponte(d).args(["settings", "reminders", "--json", "--clipboard-clear-secs", "120"]));
    let mut expected = expected;
    expected["clipboard_clear_secs"] = json!(120);
    assert_eq!(set, expected);
    assert_eq!(ok_json(ponte(d).args(["settings", "reminders", "--json"])), expected);

    let r = run(ponte(d).args(["--lang", "en", "settings", "reminders"]));
    assert_eq!(
        r.stdout,
        "Days before expiry: 90, 14, 3\nQuiet hours: 21:30–07:15\n\
         Clear a copied token from the clipboard after (seconds): 120\n"
    );
    let r = run(ponte(d).args(["--lang", "en", "settings", "reminders", "--quiet-start", "23:00"]));
    assert!(r.stdout.starts_with("Reminders saved.\n"), "{}", r.stdout);
    assert!(r.stdout.contains("Quiet hours: 23:00–07:15"), "{}", r.stdout);
    expected["quiet_hours"]["start"] = json!("23:00");

    // (options, the core's field, its message key)
    let refused: &[(&[&str], &str, &str)] = &[
        (
            &["--thresholds", "30,-1"],
            "thresholds",
            "error.reminders.thresholds_range",
        ),
        (
            &["--thresholds", "4000"],
            "thresholds",
            "error.reminders.thresholds_range",
        ),
        (
            &["--thresholds", "1,2,3,4,5,6,7,8,9,10,11"],
            "thresholds",
            "error.reminders.thresholds_count",
        ),
        (&["--thresholds", ""], "thresholds", "error.reminders.thresholds_count"),
        (
            &["--thresholds", "7,7"],
            "thresholds",
            "error.reminders.thresholds_duplicate",
        ),
        (
            &["--thresholds", "a week"],
            "thresholds",
            "error.reminders.threshold_number",
        ),
        (&["--quiet-start", "25:00"], "quiet_start", "error.reminders.time"),
        (&["--quiet-end", "noon"], "quiet_end", "error.reminders.time"),
        (
            &["--clipboard-clear-secs", "4"],
            "clipboard_clear_secs",
            "error.reminders.clipboard_secs",
        ),
        (
            &["--clipboard-clear-secs", "601"],
            "clipboard_clear_secs",
            "error.reminders.clipboard_secs",
        ),
        (
            &["--clipboard-clear-secs", "-5"],
            "clipboard_clear_secs",
            "error.reminders.clipboard_secs",
        ),
        (
            &["--clipboard-clear-secs", "soon"],
            "clipboard_clear_secs",
            "error.reminders.clipboard_secs",
        ),
    ];
    for (opts, field, key) in refused {
        let r = run(ponte(d).args(["--lang", "en", "settings", "reminders"]).args(*opts));
        assert_eq!(r.code, 1, "{opts:?}: {}{}", r.stdout, r.stderr);
        let flag = format!("--{}", field.replace('_', "-"));
        assert!(
            r.stderr.contains(&format!("{flag}: {}", msg(key))),
            "{opts:?}: {}",
            r.stderr
        );
        let r = run(ponte(d).args(["settings", "reminders", "--json"]).args(*opts));
        assert_eq!(r.code, 1, "{opts:?}");
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["error"]["fields"][0]["field"], *field, "{opts:?}");
        assert_eq!(v["error"]["fields"][0]["key"], *key, "{opts:?}");
    }
    // Refused as a whole: a valid part next to an invalid one is not stored either.
    let r = run(ponte(d).args(["settings", "reminders", "--thresholds", "5", "--quiet-end", "9pm"]));
    assert_eq!(r.code, 1);
    assert_eq!(ok_json(ponte(d).args(["settings", "reminders", "--json"])), expected);

    // In the user's language.
    let r = run(ponte(d).args([
        "--lang",
        "pt-BR",
        "settings",
        "reminders",
        "--clipboard-clear-secs",
        "2",
    ]));
    assert!(
        r.stderr.contains(&format!(
            "--clipboard-clear-secs: {}",
            t(Locale::PtBr, "error.reminders.clipboard_secs", &Default::default())
        )),
        "{}",
        r.stderr
    );
}

fn keyring_token() -> Option<String> {
    Secrets::native(SERVICE)
        .unwrap()
        .get(&vendor_settings::developer_token_id())
        .unwrap()
        .map(|s| s.expose_secret().to_string())
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

const PEM: &str =
    "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEponteTESTkey\n-----END PUBLIC KEY-----";

#[test]
fn wooba_token_comes_from_stdin_or_env_and_lives_only_in_the_keyring() {
    require_test_keyring();
    const STDIN_TOKEN: &str = "wooba-dev-STDIN-7f3a9c";
    const ENV_TOKEN: &str = "wooba-dev-ENV-51be02";
    const REFUSED_TOKEN: &str = "wooba-dev-NOTSTORED-c0ffee";
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut seen = Vec::new();
    let mut watch = |r: Run| {
        seen.push(format!("{}{}", r.stdout, r.stderr));
        r
    };

    // From standard input; the spaces around a paste are not the token's.
    let r = watch(run(ponte(d)
        .args(["--lang", "en", "settings", "wooba", "--developer-token"])
        .write_stdin(format!("  {STDIN_TOKEN}  \n"))));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Wooba settings saved.\n"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Wooba Developer-Token: set in the system keyring"),
        "{}",
        r.stdout
    );
    assert_eq!(keyring_token().as_deref(), Some(STDIN_TOKEN));

    // From the environment, standard input untouched.
    let r = watch(run(ponte(d)
        .args(["settings", "wooba", "--developer-token", "--json"])
        .env("PONTE_SECRET_DEVELOPER_TOKEN", ENV_TOKEN)
        .write_stdin("not-this-one\n")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v, json!({"developer_token_set": true, "public_key_pem": null}));
    assert_eq!(keyring_token().as_deref(), Some(ENV_TOKEN));

    // Asked to replace it with nothing: refused, the stored token kept.
    let r = watch(run(ponte(d)
        .args(["--lang", "en", "settings", "wooba", "--developer-token"])
        .write_stdin("\n")));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains(&format!("--developer-token: {}", msg("error.field.required"))),
        "{}",
        r.stderr
    );
    assert_eq!(keyring_token().as_deref(), Some(ENV_TOKEN));

    // The public key, from a file (its trailing newline is the file's, not the key's).
    let pem_file = d.join("wooba.pem");
    std::fs::write(&pem_file, format!("{PEM}\n")).unwrap();
    let r = watch(run(ponte(d)
        .args(["settings", "wooba", "--json", "--public-key-pem"])
        .arg(&pem_file)));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v, json!({"developer_token_set": true, "public_key_pem": PEM}));

    // A file that is not a key: the core's message; the token of the same call is not stored either.
    let bad = d.join("not-a-key.pem");
    std::fs::write(&bad, "ssh-ed25519 AAAA… me@host\n").unwrap();
    let r = watch(run(ponte(d)
        .args([
            "--lang",
            "en",
            "settings",
            "wooba",
            "--developer-token",
            "--public-key-pem",
        ])
        .arg(&bad)
        .env("PONTE_SECRET_DEVELOPER_TOKEN", REFUSED_TOKEN)));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains(&format!("--public-key-pem: {}", msg("error.settings.pem"))),
        "{}",
        r.stderr
    );
    assert_eq!(keyring_token().as_deref(), Some(ENV_TOKEN));
    let r = watch(run(ponte(d)
        .args(["settings", "wooba", "--json", "--public-key-pem"])
        .arg(&bad)));
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["error"]["fields"],
        json!([{"field": "public_key_pem", "key": "error.settings.pem", "params": {}}])
    );
    // A path that is not there.
    let r = watch(run(ponte(d)
        .args(["--lang", "en", "settings", "wooba", "--public-key-pem"])
        .arg(d.join("missing.pem"))));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("--public-key-pem: Could not read the key file (") && r.stderr.contains("missing.pem"),
        "{}",
        r.stderr
    );

    // Read back: the token only as set, as the window shows it; the key as stored.
    let r = watch(run(ponte(d).args(["--lang", "en", "settings", "wooba"])));
    assert_eq!(
        r.stdout,
        format!(
            "Wooba Developer-Token: set in the system keyring\nWooba public key (PEM):\n{}\n",
            PEM.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
        )
    );
    let r = watch(run(ponte(d).args(["settings", "wooba", "--json"])));
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v, json!({"developer_token_set": true, "public_key_pem": PEM}));
    let r = watch(run(ponte(d).args(["settings", "show", "--json"])));
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["wooba"], json!({"developer_token_set": true, "public_key_pem": PEM}));
    let r = watch(run(ponte(d).args(["--lang", "it", "settings", "show"])));
    assert!(
        r.stdout
            .contains("Developer-Token di Wooba: impostato nel portachiavi di sistema"),
        "{}",
        r.stdout
    );

    // Nowhere but the keyring: not in any output, not in any file of the data folder (the database,
    // its WAL, the logs).
    for token in [STDIN_TOKEN, ENV_TOKEN, REFUSED_TOKEN] {
        for s in &seen {
            assert!(!s.contains(token), "{token} printed: {s}");
        }
        let files = files_under(d);
        assert!(files.iter().any(|f| f.ends_with("ponte.db")), "{files:?}");
        for f in files {
            let bytes = std::fs::read(&f).unwrap();
            assert!(
                !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
                "{token} found in {}",
                f.display()
            );
        }
    }
}

#[test]
fn import_schedule_get_set_clear_and_in_settings_show() {
    require_test_keyring();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let person = ok_json(ponte(d).args([
        "people",
        "add",
        "--json",
        "--kind",
        "company",
        "--name",
        "BWT Operadora",
    ]));
    let person = person["id"].to_string();
    // First a PayTourist integration (no secret, no sales): the Infotravel one below gets id 2, so its
    // keyring entry never meets the id-1 entries of the other CLI tests sharing this keyring.
    let paytourist = ok_json(
        ponte(d)
            .args([
                "integrations",
                "add",
                "--json",
                "--type",
                "paytourist",
                "--description",
                "PayTourist Firenze",
            ])
            .args(["--person", &person])
            .args([
                "--field",
                "comune=firenze",
                "--field",
                "structure_id=1",
                "--field",
                "software_id=2",
            ])
            .args(["--field", "api_url=https://paytourist.example"]),
    );
    let paytourist = paytourist["integration"]["id"].to_string();
    let infotravel = ok_json(
        ponte(d)
            .args([
                "integrations",
                "add",
                "--json",
                "--preset",
                "bwt-infotravel",
                "--person",
                &person,
            ])
            .args([
                "--field",
                "agency_code=1234",
                "--field",
                "username=agencia.api",
                "--secret",
                "password",
            ])
            .env("PONTE_SECRET_PASSWORD", "schedule-test-password"),
    );
    let id = infotravel["integration"]["id"].as_i64().unwrap();
    assert_ne!(id, 1);
    let name = infotravel["integration"]["description"].as_str().unwrap().to_string();
    let ids = id.to_string();

    let get = |d: &std::path::Path| ok_json(ponte(d).args(["import", "schedule", "get", &ids, "--json"]));
    assert_eq!(get(d), json!({"integration_id": id, "time": null}));
    let r = run(ponte(d).args(["--lang", "en", "import", "schedule", "get", &ids]));
    assert_eq!(r.stdout, "Off.\n");

    let r = run(ponte(d).args(["--lang", "en", "import", "schedule", "set", &ids, "07:30"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with(&format!("“{name}” will import yesterday's sales every day at 07:30.\n")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with("On: every day at 07:30.\n"), "{}", r.stdout);
    assert_eq!(get(d), json!({"integration_id": id, "time": "07:30"}));
    let r = run(ponte(d).args(["--lang", "it", "import", "schedule", "get", &ids]));
    assert_eq!(r.stdout, "Attiva: ogni giorno alle 07:30.\n");
    assert_eq!(
        ok_json(ponte(d).args(["import", "schedule", "set", &ids, "06:05", "--json"])),
        json!({"integration_id": id, "time": "06:05"})
    );

    // Refused by the core's rule, with its message; the stored time kept.
    for bad in ["24:00", "7h", "noon", " "] {
        let r = run(ponte(d).args(["--lang", "en", "import", "schedule", "set", &ids, bad]));
        assert_eq!(r.code, 1, "{bad}");
        assert!(
            r.stderr.contains(&format!("TIME: {}", msg("error.reminders.time"))),
            "{bad}: {}",
            r.stderr
        );
    }
    let r = run(ponte(d).args(["import", "schedule", "set", &ids, "25:61", "--json"]));
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(
        v["error"]["fields"],
        json!([{"field": "time", "key": "error.reminders.time", "params": {}}])
    );
    assert_eq!(get(d)["time"], "06:05");

    // No sales to import: the import engine's refusal. An unknown id: not found. Both exit 1.
    let r = run(ponte(d).args(["--lang", "en", "import", "schedule", "set", &paytourist, "07:00"]));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&msg("error.import.not_importable")), "{}", r.stderr);
    let r = run(ponte(d).args(["import", "schedule", "get", "999", "--json"]));
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["error"]["code"], "not_found");

    // `settings show` has every setting, the schedules included.
    ok_json(ponte(d).args(["settings", "language", "en", "--json"]));
    let v = ok_json(ponte(d).args(["settings", "show", "--json"]));
    assert_eq!(v["language"], "en");
    assert_eq!(v["reminders"]["thresholds"], json!([60, 30, 7, 1, 0]));
    assert_eq!(
        v["import_schedules"],
        json!([{"integration_id": id, "integration": name, "time": "06:05"}])
    );
    let r = run(ponte(d).args(["settings", "show"]));
    for line in [
        "Language: English (en)\n".to_string(),
        "Days before expiry: 60, 30, 7, 1, 0\n".to_string(),
        "Quiet hours: 22:00–08:00\n".to_string(),
        "Clear a copied token from the clipboard after (seconds): 30\n".to_string(),
        format!("Automatic import:\n  #{id} {name}: On: every day at 06:05.\n"),
        "Start Ponte with the system: only in the window (Settings > Startup)".to_string(),
    ] {
        assert!(r.stdout.contains(&line), "{line}: {}", r.stdout);
    }

    let r = run(ponte(d).args(["--lang", "en", "import", "schedule", "clear", &ids]));
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, format!("Automatic import of “{name}” turned off.\nOff.\n"));
    assert_eq!(get(d), json!({"integration_id": id, "time": null}));
    let v = ok_json(ponte(d).args(["settings", "show", "--json"]));
    assert_eq!(v["import_schedules"], json!([]));
}

#[test]
fn import_keeps_its_flat_form_beside_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // `ponte import ID` is still the run: without a query it asks for one (before any keyring or network).
    let r = run(ponte(d).args(["--lang", "en", "import", "5"]));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--document: "), "{}", r.stderr);
    // Bad usage is clap's exit 2: no ID, a schedule without its action, or both forms at once.
    for args in [
        &["import"][..],
        &["import", "schedule"],
        &["import", "schedule", "set", "5"],
        &["import", "5", "schedule", "get", "5"],
    ] {
        let r = run(ponte(d).args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    }
}
