//! `ponte import` as a scheduler runs it, against the simulator: a run, a re-run without duplicates,
//! and a run killed with SIGKILL mid-page that leaves whole sales only and is recorded as interrupted.

use std::process::{Command as Std, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use ponte_sim::{Fault, FaultKind, SimConfig, SimHandle, Supplier};

const N: usize = 120;

fn ponte(dir: &std::path::Path) -> Std {
    let mut c = Std::cargo_bin("ponte").unwrap();
    c.arg("--data-dir")
        .arg(dir)
        .arg("--lang")
        .arg("en")
        .env_remove("PONTE_DATA_DIR");
    c
}

fn setup() -> (tempfile::TempDir, SimHandle, String) {
    let sim = SimHandle::start_blocking(SimConfig::new(5, N).with_test_key()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let info = sim.client_info().infotravel;
    let out = ponte(dir.path())
        .args([
            "people",
            "add",
            "--json",
            "--kind",
            "company",
            "--name",
            "BWT Operadora",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let person: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = ponte(dir.path())
        .args([
            "integrations",
            "add",
            "--json",
            "--preset",
            "bwt-infotravel",
            "--person",
        ])
        .arg(person["id"].to_string())
        .arg("--description")
        .arg(format!("BWT kill test {}", std::process::id()))
        .arg("--field")
        .arg(format!("url={}", info.url))
        .arg("--field")
        .arg(format!("agency_code={}", info.agency))
        .arg("--field")
        .arg(format!("username={}", info.username))
        .args(["--secret", "password"])
        .env("PONTE_SECRET_PASSWORD", &info.password)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let saved: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = saved["integration"]["id"].to_string();
    (dir, sim, id)
}

fn count(dir: &std::path::Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(dir.join("ponte.db")).unwrap();
    c.busy_timeout(Duration::from_secs(5)).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Waits until `sql` counts at least `at_least` in the import's database, lets the next request start,
/// then kills the import with SIGKILL.
fn kill_when(dir: &std::path::Path, sql: &str, at_least: i64, child: &mut std::process::Child) {
    let started = Instant::now();
    // The database may not exist yet, or be between two writes: a failed read counts as 0.
    while std::panic::catch_unwind(|| count(dir, sql)).unwrap_or(0) < at_least {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "never reached {at_least}: {sql}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
}

fn import(dir: &std::path::Path, id: &str) -> std::process::Output {
    ponte(dir)
        .args([
            "import",
            id,
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--page-size",
            "20",
            // One request for the whole year: these tests count whole pages (windows: below).
            "--window-days",
            "366",
            "--json",
        ])
        .output()
        .unwrap()
}

#[test]
fn import_then_reimport_without_duplicates() {
    let (dir, _sim, id) = setup();
    let out = import(dir.path(), &id);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["counts"]["new"], N as u64);
    let out = import(dir.path(), &id);
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (s["counts"]["new"].as_u64(), s["counts"]["unchanged"].as_u64()),
        (Some(0), Some(N as u64))
    );
    assert_eq!(count(dir.path(), "SELECT count(*) FROM sales"), N as i64);

    let out = ponte(dir.path())
        .args(["import", &id, "--document", "NO SUCH"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("exactly as the supplier shows it"));
}

#[test]
fn killed_mid_page_leaves_whole_sales_and_the_rerun_completes() {
    let (dir, sim, id) = setup();
    // From the fourth page on, each reply takes a while: the kill lands while a page is in flight.
    sim.faults().push(
        Fault::new(FaultKind::Slow { delay_ms: 1500 })
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .after(3),
    );
    let mut child = ponte(dir.path())
        .args([
            "import",
            &id,
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--page-size",
            "20",
            "--window-days",
            "366",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    kill_when(
        dir.path(),
        "SELECT coalesce(max(pages_done), 0) FROM import_runs",
        3,
        &mut child,
    );
    sim.faults().clear();

    let stored = count(dir.path(), "SELECT count(*) FROM sales");
    assert_eq!(stored % 20, 0, "a killed run leaves whole pages only: {stored}");
    assert!(stored >= 60 && (stored as usize) < N);
    assert_eq!(
        count(
            dir.path(),
            "SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_products p WHERE p.sale_id = s.id)"
        ),
        0
    );
    assert_eq!(
        count(dir.path(), "SELECT count(*) FROM import_runs WHERE outcome = 'running'"),
        1
    );

    let out = import(dir.path(), &id);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(count(dir.path(), "SELECT count(*) FROM sales"), N as i64);
    assert_eq!(
        count(
            dir.path(),
            "SELECT count(*) - count(DISTINCT supplier_sale_id) FROM sales"
        ),
        0
    );
    assert_eq!(
        count(
            dir.path(),
            "SELECT count(*) FROM import_runs WHERE outcome = 'interrupted'"
        ),
        1
    );
    assert_eq!(
        count(
            dir.path(),
            "SELECT count(*) FROM import_runs WHERE outcome = 'completed'"
        ),
        1
    );
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The sales stored, as (supplier id, hash), in order: what "exactly the sales of one clean run" means.
fn sales(dir: &std::path::Path) -> Vec<(String, String)> {
    let c = rusqlite::Connection::open(dir.join("ponte.db")).unwrap();
    let mut stmt = c
        .prepare("SELECT supplier_sale_id, content_hash FROM sales ORDER BY supplier_sale_id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn killed_in_its_third_window_then_resumed_ends_with_the_sales_of_one_clean_run() {
    let (clean_dir, _clean_sim, clean_id) = setup();
    let full = |dir: &std::path::Path, id: &str| {
        ponte(dir)
            .args([
                "import",
                id,
                "--from",
                "2026-01-01",
                "--to",
                "2026-12-31",
                "--page-size",
                "20",
                "--json",
            ])
            .output()
            .unwrap()
    };
    json(&full(clean_dir.path(), &clean_id));

    let (dir, sim, id) = setup();
    let out = ponte(dir.path())
        .args(["import", "window", "set", &id, "30", "--json"])
        .output()
        .unwrap();
    assert_eq!(json(&out)["window_days"], 30);
    // From the third window's request on, replies are slow: the kill lands in the third window.
    sim.faults().push(
        Fault::new(FaultKind::Slow { delay_ms: 3000 })
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .after(2),
    );
    let mut child = ponte(dir.path())
        .args([
            "import",
            &id,
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--page-size",
            "20",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // SIGKILL in the third window's request.
    kill_when(
        dir.path(),
        "SELECT coalesce(max(windows_done), 0) FROM import_runs",
        2,
        &mut child,
    );
    sim.faults().clear();
    let run = count(dir.path(), "SELECT id FROM import_runs");
    assert_eq!(count(dir.path(), "SELECT windows_done FROM import_runs"), 2);
    let partial = sales(dir.path()).len();
    assert!(partial > 0 && partial < N, "{partial} sales");

    // Listed as one to continue, with the command that does it.
    let out = ponte(dir.path()).args(["import", "history"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("ponte import --resume {run}")), "{text}");
    assert!(text.contains("2 of 13 periods"), "{text}");

    let out = ponte(dir.path())
        .args(["import", "--resume", &run.to_string(), "--json"])
        .output()
        .unwrap();
    let s = json(&out);
    assert_eq!(s["outcome"], "completed", "{s}");
    assert_eq!(s["counts"]["new"].as_u64().unwrap() as usize + partial, N);
    assert_eq!(
        sales(dir.path()),
        sales(clean_dir.path()),
        "exactly the sales of one clean run"
    );
    assert_eq!(
        count(
            dir.path(),
            "SELECT count(*) FROM import_runs WHERE resumes = (SELECT min(id) FROM import_runs)"
        ),
        1
    );

    // Not twice, and not a finished run: refused with the fix, exit 1.
    for r in [run, run + 1] {
        let out = ponte(dir.path())
            .args(["import", "--resume", &r.to_string()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("Start a new import instead"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Days per request are checked by the setting's rule.
    let out = ponte(dir.path())
        .args(["import", "window", "set", &id, "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("from 1 to 366"));
}
