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
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let pages =
            std::panic::catch_unwind(|| count(dir.path(), "SELECT coalesce(max(pages_done), 0) FROM import_runs"))
                .unwrap_or(0);
        if pages >= 3 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the import never reached page 3"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
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
