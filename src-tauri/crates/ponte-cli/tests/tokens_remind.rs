//! Tokens from the CLI against the PayTourist simulator, and reminders that really reach the desktop:
//! a notification server (python-dbusmock's notification_daemon) on the test's D-Bus session records
//! the Notify call, and the test reads its title and body back.

use std::process::{Child, Command as Std, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use ponte_sim::{SimConfig, SimHandle};

fn ponte(dir: &std::path::Path) -> Std {
    let mut c = Std::cargo_bin("ponte").unwrap();
    c.arg("--data-dir").arg(dir).env_remove("PONTE_DATA_DIR");
    c
}

fn json(out: std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A PayTourist integration pointing at the simulator, and one Booking user; returns the user id.
fn setup(dir: &std::path::Path, sim: &SimHandle) -> String {
    let p = sim.client_info().paytourist;
    let person = json(
        ponte(dir)
            .args([
                "people",
                "add",
                "--json",
                "--kind",
                "company",
                "--name",
                "Hotel Bellavista",
            ])
            .output()
            .unwrap(),
    );
    let integ = json(
        ponte(dir)
            .args([
                "integrations",
                "add",
                "--json",
                "--type",
                "paytourist",
                "--description",
                "PayTourist Firenze",
            ])
            .arg("--person")
            .arg(person["id"].to_string())
            .args(["--field", "comune=firenze"])
            .arg("--field")
            .arg(format!("structure_id={}", p.structures[0].id))
            .arg("--field")
            .arg(format!("software_id={}", p.software_id))
            .arg("--field")
            .arg(format!("api_url={}", p.url))
            .output()
            .unwrap(),
    );
    let user = json(
        ponte(dir)
            .args([
                "tokens",
                "user-add",
                "--json",
                "--name",
                "Booking Bellavista",
                "--email",
                "booking@bellavista.it",
            ])
            .arg("--integration")
            .arg(integ["integration"]["id"].to_string())
            .output()
            .unwrap(),
    );
    user["id"].to_string()
}

#[test]
fn add_verify_list_remove_tokens() {
    let sim = SimHandle::start_blocking(SimConfig::new(3, 10).with_test_key()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let user = setup(dir.path(), &sim);
    let p = sim.client_info().paytourist;
    let add = |token: &str| {
        ponte(dir.path())
            .args([
                "--lang",
                "it",
                "tokens",
                "add",
                "--json",
                "--name",
                "Gestionale",
                "--user",
                &user,
            ])
            .env("PONTE_SECRET_TOKEN", token)
            .output()
            .unwrap()
    };
    // Refused: inner space, rejected by PayTourist; accepted with the Bearer prefix the portal shows.
    let refused = |token: &str| {
        let out = add(token);
        assert_eq!(out.status.code(), Some(1), "{token}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // Field problems carry their own key; other errors only the top-level one.
        v["error"]["fields"][0]["key"]
            .as_str()
            .or(v["error"]["key"].as_str())
            .unwrap()
            .to_string()
    };
    assert_eq!(refused("abc def"), "error.token.inner_space");
    assert_eq!(refused(&p.revoked_tokens[0]), "error.supplier.token_rejected");
    let out = ponte(dir.path())
        .args(["--lang", "it", "tokens", "add", "--name", "Gestionale", "--user", &user])
        .env("PONTE_SECRET_TOKEN", "abc def")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("senza spazi"));
    let token = json(add(&format!("Bearer {}\n", p.valid_tokens[0])));
    let id = token["id"].to_string();
    assert_eq!(
        token["last4"].as_str().unwrap(),
        &p.valid_tokens[0][p.valid_tokens[0].len() - 4..]
    );
    assert_eq!(refused(&p.valid_tokens[0]), "error.token.duplicate");

    // The dates as the portal shows them: the window's rule (expiry after creation) refuses the rest.
    let created = token["created_on"].as_str().unwrap().to_string();
    let fixed = json(
        ponte(dir.path())
            .args(["tokens", "set-expiry", &id, "--expires", "2029-01-15", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (fixed["created_on"].as_str(), fixed["expires_on"].as_str()),
        (Some(created.as_str()), Some("2029-01-15"))
    );
    let out = ponte(dir.path())
        .args([
            "tokens",
            "set-expiry",
            &id,
            "--created",
            "2026-05-01",
            "--expires",
            "2026-04-01",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));

    let listed = ponte(dir.path()).args(["tokens", "list", "--json"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&listed.stdout).contains(&p.valid_tokens[0]));
    assert!(ponte(dir.path())
        .args(["tokens", "verify", &id])
        .status()
        .unwrap()
        .success());
    sim.revoke_paytourist_token(&p.valid_tokens[0]);
    let out = ponte(dir.path())
        .args(["tokens", "verify", &id, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "rejected");
    assert!(ponte(dir.path())
        .args(["tokens", "remove", &id])
        .status()
        .unwrap()
        .success());
}

struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn mock_calls() -> String {
    let out = Std::new("/usr/bin/python3")
        .args([
            "-c",
            "import dbus; o = dbus.SessionBus().get_object('org.freedesktop.Notifications', '/org/freedesktop/Notifications'); \
             print(repr(dbus.Interface(o, 'org.freedesktop.DBus.Mock').GetCalls()))",
        ])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).to_string()
}

#[test]
fn a_token_near_expiry_reaches_the_desktop_once() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "needs a D-Bus session: run through .ci/with-keyring"
    );
    let daemon = Daemon(
        Std::new("/usr/bin/python3")
            .args(["-m", "dbusmock", "--template", "notification_daemon"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-dbusmock is installed (.ci/install)"),
    );
    let started = Instant::now();
    while !mock_calls().starts_with("dbus.Array") {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "notification mock did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let sim = SimHandle::start_blocking(SimConfig::new(4, 10).with_test_key()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let user = setup(dir.path(), &sim);
    let p = sim.client_info().paytourist;
    let expires = (chrono::Local::now().date_naive() + chrono::Duration::days(3)).to_string();
    let created = (chrono::Local::now().date_naive() - chrono::Duration::days(1000)).to_string();
    json(
        ponte(dir.path())
            .args(["tokens", "add", "--json", "--name", "Gestionale", "--user", &user])
            .args(["--created", &created, "--expires", &expires])
            .env("PONTE_SECRET_TOKEN", &p.valid_tokens[0])
            .output()
            .unwrap(),
    );
    let set_quiet = |start: &str, end: &str| {
        let c = rusqlite::Connection::open(dir.path().join("ponte.db")).unwrap();
        c.execute(
            "INSERT INTO settings (key, value) VALUES ('reminders.quiet_hours', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [format!(r#"{{"start":"{start}","end":"{end}"}}"#)],
        )
        .unwrap();
    };
    let remind = || {
        json(
            ponte(dir.path())
                .args(["--lang", "it", "remind", "--once", "--json"])
                .output()
                .unwrap(),
        )
    };
    // Quiet hours around now delay the reminder: nothing reaches the desktop yet.
    let now = chrono::Local::now().time();
    let hm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    set_quiet(
        &hm(now - chrono::Duration::minutes(30)),
        &hm(now + chrono::Duration::minutes(30)),
    );
    assert!(remind().as_array().unwrap().is_empty());
    assert!(!mock_calls().contains("Notify"), "shown during quiet hours");
    // Without quiet hours it fires now, in Italian, naming the integration and the days left.
    set_quiet("00:00", "00:00");
    let fired = remind();
    assert_eq!(fired.as_array().unwrap().len(), 1, "{fired}");
    let calls = mock_calls();
    assert!(calls.contains("Notify"), "{calls}");
    assert!(calls.contains("Token in scadenza: PayTourist Firenze"), "{calls}");
    assert!(calls.contains("scade tra 3 giorni"), "{calls}");
    // Fired once: the next run finds nothing due.
    assert!(remind().as_array().unwrap().is_empty());
    drop(daemon);
}

/// `ponte tokens expiring --ics FILE`: a standard parser (Python's `icalendar`) reads the calendar back:
/// one event on the expiry day, the token's name and integration in the summary, one alarm per reminder
/// day, a stable UID — and not the token.
#[test]
fn the_expiry_calendar_reads_back_in_a_standard_parser() {
    let sim = SimHandle::start_blocking(SimConfig::new(4, 10).with_test_key()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let user = setup(dir.path(), &sim);
    let token = sim.client_info().paytourist.valid_tokens[0].clone();
    json(
        ponte(dir.path())
            .args([
                "tokens",
                "add",
                "--json",
                "--name",
                "Gestionale Ericsoft",
                "--user",
                &user,
            ])
            .args(["--created", "2026-01-15", "--expires", "2029-01-15"])
            .env("PONTE_SECRET_TOKEN", &token)
            .output()
            .unwrap(),
    );
    let ics = dir.path().join("scadenze.ics");
    let out = ponte(dir.path())
        .args(["--lang", "it", "tokens", "expiring", "--within", "0", "--ics"])
        .arg(&ics)
        .output()
        .unwrap();
    assert!(out.status.code() == Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(!text.contains(&token), "the token is in the calendar");
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = list(cal.walk('VEVENT'))
assert len(events) == 1, len(events)
e = events[0]
print(e.decoded('DTSTART').isoformat())
print(str(e.get('SUMMARY')))
print(str(e.get('UID')))
print(sorted(-a.decoded('TRIGGER').days for a in e.walk('VALARM')))
"#;
    // Debian's python3-icalendar (.ci/install), as the dbusmock tests use Debian's python3.
    let py = Std::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .arg(&ics)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&py.stdout);
    assert!(
        py.status.success(),
        "python icalendar: {}{stdout}",
        String::from_utf8_lossy(&py.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "2029-01-15", "the expiry day, as a date");
    assert!(
        lines[1].contains("Gestionale Ericsoft") && lines[1].contains("scade"),
        "{}",
        lines[1]
    );
    assert!(lines[2].ends_with("@io.ponte.desktop"), "{}", lines[2]);
    assert_eq!(lines[3], "[0, 1, 7, 30, 60]", "one alarm per default reminder day");
}
