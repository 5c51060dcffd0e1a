//! Date ranges in windows, and runs that continue where they stopped: against the simulator over real
//! loopback HTTP, a real SQLite file and the real keyring.

mod common;

use common::*;
use ponte_import::history::{self, Outcome};
use ponte_import::{run, ImportError, RunOptions};
use tokio_util::sync::CancellationToken;

const N: usize = 300;

fn windowed(integration: i64, days: u32) -> RunOptions {
    RunOptions {
        window_days: Some(days),
        ..opts(integration, whole_year())
    }
}

/// The sales stored, as (supplier id, hash), in order: what "exactly the sales of one clean run" means.
fn stored(w: &World) -> Vec<(String, String)> {
    let g = w.db.lock().unwrap();
    let mut stmt = g
        .conn()
        .prepare("SELECT supplier_sale_id, content_hash FROM sales ORDER BY supplier_sale_id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test]
async fn a_year_in_windows_imports_what_one_request_does() {
    let w = world(N).await;
    let never = CancellationToken::new();
    let s = run(&w.db, &w.secrets, &windowed(w.infotravel, 30), &never, &|_| {})
        .await
        .unwrap();
    assert_eq!(s.outcome, Outcome::Completed, "{:?}", s.error);
    assert_eq!(s.counts.new as usize, N);
    let r = history::get(&w.db.lock().unwrap(), s.run_id.unwrap()).unwrap();
    // 365 days in windows of 30: twelve whole ones and one of 5 days.
    assert_eq!(
        (r.window_days, r.windows_done, r.windows_total),
        (Some(30), 13, Some(13))
    );
    assert!(!r.resumable);
    assert!(s.pages >= 13, "at least one page per window: {}", s.pages);
    // The same year in one request finds every sale, unchanged.
    let whole = w.import(w.infotravel, whole_year()).await;
    assert_eq!((whole.counts.new, whole.counts.updated), (0, 0));
    assert_eq!(whole.counts.unchanged as usize, N);
}

#[tokio::test]
async fn a_run_stopped_in_its_third_window_continues_with_no_gap_and_no_duplicate() {
    // The reference: one clean run in another data folder on an identical simulator.
    let clean = world(N).await;
    clean.import(clean.infotravel, whole_year()).await;

    let w = world(N).await;
    let cancel = CancellationToken::new();
    let stop_in_third = |p: &ponte_import::Progress| {
        if p.windows_done >= 2 {
            cancel.cancel();
        }
    };
    let first = run(&w.db, &w.secrets, &windowed(w.infotravel, 30), &cancel, &stop_in_third)
        .await
        .unwrap();
    assert_eq!(first.outcome, Outcome::Cancelled);
    let stopped = history::get(&w.db.lock().unwrap(), first.run_id.unwrap()).unwrap();
    assert!(
        (2..13).contains(&stopped.windows_done),
        "stopped after {} windows",
        stopped.windows_done
    );
    assert!(stopped.resumable);
    let partial = stored(&w).len();
    assert!(partial > 0 && partial < N, "{partial} sales before the resume");

    let never = CancellationToken::new();
    let resumed = run(
        &w.db,
        &w.secrets,
        &RunOptions {
            limits: windowed(w.infotravel, 30).limits,
            ..RunOptions::resume(w.infotravel, stopped.id)
        },
        &never,
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!(resumed.outcome, Outcome::Completed, "{:?}", resumed.error);
    assert_eq!(
        resumed.counts.new as usize + partial,
        N,
        "every sale not stored yet, once"
    );
    let r = history::get(&w.db.lock().unwrap(), resumed.run_id.unwrap()).unwrap();
    assert_eq!(r.resumes, Some(stopped.id));
    assert_eq!(
        (r.window_days, r.windows_done, r.windows_total),
        (Some(30), 13, Some(13))
    );
    // It fetched only the windows left: fewer pages than the whole range takes.
    assert!(
        resumed.pages <= 13 - stopped.windows_done + 1,
        "{} pages",
        resumed.pages
    );
    assert_eq!(stored(&w), stored(&clean), "exactly the sales of one clean run");

    // Continued once: the stopped run is no longer offered, and cannot be continued again.
    let old = history::get(&w.db.lock().unwrap(), stopped.id).unwrap();
    assert!(!old.resumable);
    let again = run(
        &w.db,
        &w.secrets,
        &RunOptions::resume(w.infotravel, stopped.id),
        &never,
        &|_| {},
    )
    .await;
    assert!(matches!(again, Err(ImportError::NotResumable)), "{again:?}");
    assert_eq!(again.unwrap_err().reply().key, "error.import.not_resumable");
}

#[tokio::test]
async fn only_stopped_date_runs_of_the_same_integration_continue() {
    let w = world(40).await;
    let never = CancellationToken::new();
    let done = w.import(w.infotravel, whole_year()).await;
    let refused = |opts: RunOptions| {
        let (db, secrets, never) = (&w.db, &w.secrets, &never);
        async move { run(db, secrets, &opts, never, &|_| {}).await }
    };
    // A completed run, an unknown run, another integration's run, and a preview.
    for opts in [
        RunOptions::resume(w.infotravel, done.run_id.unwrap()),
        RunOptions::resume(w.wooba, done.run_id.unwrap()),
    ] {
        assert!(matches!(refused(opts).await, Err(ImportError::NotResumable)));
    }
    assert!(matches!(
        refused(RunOptions::resume(w.infotravel, 9_999)).await,
        Err(ImportError::Core(ponte_core::CoreError::NotFound))
    ));
    let preview = ponte_import::preview(
        &w.db,
        &w.secrets,
        &RunOptions::resume(w.infotravel, done.run_id.unwrap()),
        &never,
        &|_| {},
    )
    .await;
    assert!(matches!(preview, Err(ImportError::NotResumable)));
    // A document is one request: no windows, nothing to continue.
    let doc = w
        .import(w.infotravel, ponte_suppliers::sales_source::Query::Document("x".into()))
        .await;
    let r = history::get(&w.db.lock().unwrap(), doc.run_id.unwrap()).unwrap();
    assert_eq!((r.window_days, r.windows_total, r.resumable), (None, None, false));
}
