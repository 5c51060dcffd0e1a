//! Imports against the simulator over real loopback HTTP: both suppliers, both modes, idempotency,
//! product kinds, agency-direct payments, preview, cancel and every fault the issue lists.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};

use common::*;
use ponte_import::history::{self, Outcome};
use ponte_import::run;
use ponte_sim::{Fault, FaultKind, Supplier};
use ponte_suppliers::sales_source::Query;
use tokio_util::sync::CancellationToken;

const N: usize = 150;

#[tokio::test]
async fn infotravel_by_date_is_complete_idempotent_and_maps_kinds() {
    let w = world(N).await;
    let never = CancellationToken::new();
    let pages = AtomicU32::new(0);
    let progress = |p: &ponte_import::Progress| {
        pages.store(p.pages_done, Ordering::SeqCst);
    };
    let first = run(&w.db, &w.secrets, &opts(w.infotravel, whole_year()), &never, &progress)
        .await
        .unwrap();
    assert_eq!(first.outcome, Outcome::Completed, "{:?}", first.error);
    assert_eq!(first.counts.new as usize, N);
    assert_eq!(first.counts.errors, 0);
    assert!(first.pages >= 4 && pages.load(Ordering::SeqCst) == first.pages);
    assert_eq!(w.count("SELECT count(*) FROM sales") as usize, N);

    // Circuits are tour packages, transfers ground transport; no product is dropped
    // (docs/PROTOCOLS.md#imported-product-kinds).
    let kinds = |list: &str| {
        w.count(&format!(
            "SELECT count(DISTINCT kind) FROM sale_products WHERE supplier_type = '{list}'"
        ))
    };
    for list in [
        "bookingCircuits",
        "bookingTransfers",
        "bookingHotels",
        "bookingVehicles",
    ] {
        assert_eq!(kinds(list), 1, "{list}");
    }
    assert_eq!(
        w.count(
            "SELECT count(*) FROM sale_products WHERE supplier_type = 'bookingCircuits' AND kind <> 'tour_package'"
        ),
        0
    );
    assert_eq!(
        w.count("SELECT count(*) FROM sale_products WHERE supplier_type = 'bookingTransfers' AND kind <> 'ground_transport'"),
        0
    );
    // Agency-direct payments: the sale is flagged, the payment itself is not imported.
    let flagged = w.count("SELECT count(*) FROM sales WHERE needs_manual_payment = 1");
    assert!(flagged > 0);
    assert_eq!(flagged as u32, first.counts.flagged);
    assert_eq!(
        w.count("SELECT count(*) FROM sale_payments WHERE type = 'AGENCY_DIRECT'"),
        0
    );
    // Money is exact: every stored total is the supplier's amount in cents.
    assert_eq!(w.count("SELECT count(*) FROM sales WHERE total_cents <= 0"), 0);

    let again = w.import(w.infotravel, whole_year()).await;
    assert_eq!((again.counts.new, again.counts.updated), (0, 0));
    assert_eq!(again.counts.unchanged as usize, N);
    assert_eq!(w.count("SELECT count(*) FROM sales") as usize, N);
    let runs = history::list(&w.db.lock().unwrap(), Some(w.infotravel), 10).unwrap();
    assert_eq!(runs.len(), 2);
    assert!(runs.iter().all(|r| r.outcome == Outcome::Completed));
}

#[tokio::test]
async fn by_document_is_exact_and_case_sensitive() {
    let w = world(N).await;
    w.import(w.infotravel, whole_year()).await;
    let locator: String = {
        let g = w.db.lock().unwrap();
        let all: Vec<String> = g
            .conn()
            .prepare("SELECT locators FROM sales ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        all.iter()
            .flat_map(|l| l.split(' '))
            .find(|c| c.chars().any(|ch| ch.is_ascii_uppercase()))
            .expect("some locator has letters")
            .to_string()
    };
    let one = w.preview(w.infotravel, Query::Document(locator.clone())).await;
    assert_eq!(one.items.len(), 1, "{locator}");
    assert_eq!(one.counts.unchanged, 1);
    let lower = w.preview(w.infotravel, Query::Document(locator.to_lowercase())).await;
    assert!(
        lower.items.is_empty(),
        "{} matched case-insensitively",
        locator.to_lowercase()
    );
}

#[tokio::test]
async fn wooba_by_date_and_document() {
    let w = world(N).await;
    let s = w.import(w.wooba, whole_year()).await;
    assert_eq!(s.outcome, Outcome::Completed, "{:?}", s.error);
    assert_eq!(s.counts.new as usize, N);
    assert!(s.counts.flagged > 0);
    assert_eq!(
        w.count("SELECT count(*) FROM sale_payments WHERE type = 'DiretoAgencia'"),
        0
    );
    let kinds = w.count("SELECT count(DISTINCT kind) FROM sale_products");
    assert_eq!(
        kinds, 4,
        "Wooba imports car rental, hotel nights, air tickets and travel insurance"
    );
    let locator: String = {
        let g = w.db.lock().unwrap();
        g.conn()
            .query_row("SELECT locators FROM sales ORDER BY id LIMIT 1", [], |r| {
                r.get::<_, String>(0)
            })
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .to_string()
    };
    let one = w.import(w.wooba, Query::Document(locator)).await;
    assert_eq!(one.counts.unchanged, 1);
}

#[tokio::test]
async fn preview_writes_nothing() {
    let w = world(N).await;
    let p = w.preview(w.infotravel, whole_year()).await;
    assert_eq!(p.counts.new as usize, N);
    assert_eq!(p.items.len(), N);
    assert!(p.run_id.is_none());
    assert_eq!(w.count("SELECT count(*) FROM sales"), 0);
    assert_eq!(w.count("SELECT count(*) FROM import_runs"), 0);
}

#[tokio::test]
async fn cancel_leaves_whole_pages_and_a_recorded_run() {
    let w = world(N).await;
    // Pages after the second come slowly, so the cancel lands while a page is being fetched.
    w.sim.faults().push(
        Fault::new(FaultKind::Slow { delay_ms: 1500 })
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .after(2),
    );
    let cancel = CancellationToken::new();
    let stop_after_two = |p: &ponte_import::Progress| {
        if p.pages_done == 2 {
            cancel.cancel();
        }
    };
    let s = run(
        &w.db,
        &w.secrets,
        &opts(w.infotravel, whole_year()),
        &cancel,
        &stop_after_two,
    )
    .await
    .unwrap();
    assert_eq!(s.outcome, Outcome::Cancelled);
    let stored = w.count("SELECT count(*) FROM sales");
    assert!(
        stored % 40 == 0 && stored >= 80 && (stored as usize) < N,
        "whole pages of 40 only: {stored}"
    );
    assert_eq!(
        w.count("SELECT count(*) FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_products p WHERE p.sale_id = s.id)"),
        0
    );
    let r = history::get(&w.db.lock().unwrap(), s.run_id.unwrap()).unwrap();
    assert_eq!((r.outcome, i64::from(r.pages_done)), (Outcome::Cancelled, stored / 40));
    assert!(r.pages_done < 4);
    // Re-running completes the rest without duplicates.
    w.sim.faults().clear();
    let s = w.import(w.infotravel, whole_year()).await;
    assert_eq!(
        (s.counts.new as i64, s.counts.unchanged as i64),
        (N as i64 - stored, stored)
    );
    assert_eq!(w.count("SELECT count(*) FROM sales") as usize, N);
}

#[tokio::test]
async fn transient_faults_are_retried_and_the_result_is_exact() {
    let w = world(N).await;
    let faults = [
        Fault::new(FaultKind::ServerError { status: 503 })
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .times(2)
            .after(1),
        Fault::new(FaultKind::RateLimited { retry_after_secs: 1 })
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .times(1)
            .after(3),
        Fault::new(FaultKind::TruncatedBody)
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .times(1)
            .after(5),
        Fault::new(FaultKind::ConnectionReset)
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .times(1)
            .after(6),
        Fault::new(FaultKind::Slow { delay_ms: 2500 })
            .on(Supplier::Infotravel)
            .on_path("/booking")
            .times(1)
            .after(7),
    ];
    for f in faults {
        w.sim.faults().push(f);
    }
    let retry_seen = AtomicU32::new(0);
    let progress = |p: &ponte_import::Progress| {
        if p.retry_in_s.is_some() {
            retry_seen.fetch_add(1, Ordering::SeqCst);
        }
    };
    let s = run(
        &w.db,
        &w.secrets,
        &opts(w.infotravel, whole_year()),
        &CancellationToken::new(),
        &progress,
    )
    .await
    .unwrap();
    assert_eq!(s.outcome, Outcome::Completed, "{:?}", s.error);
    assert_eq!(s.counts.new as usize, N);
    assert!(retry_seen.load(Ordering::SeqCst) >= 5);
    assert_eq!(w.count("SELECT count(*) FROM sales") as usize, N);
    assert_eq!(
        w.count("SELECT count(*) - count(DISTINCT supplier_sale_id) FROM sales"),
        0
    );
}

#[tokio::test]
async fn expired_token_mid_run_reauthenticates_once() {
    let w = world(N).await;
    let expire = |p: &ponte_import::Progress| {
        if p.pages_done == 1 {
            w.sim.expire_infotravel_tokens();
        }
    };
    let s = run(
        &w.db,
        &w.secrets,
        &opts(w.infotravel, whole_year()),
        &CancellationToken::new(),
        &expire,
    )
    .await
    .unwrap();
    assert_eq!(s.outcome, Outcome::Completed, "{:?}", s.error);
    assert_eq!(s.counts.new as usize, N);
}

#[tokio::test]
async fn rejected_credentials_mid_run_stop_with_the_fix_and_keep_whole_pages() {
    let w = world(N).await;
    w.sim
        .faults()
        .push(Fault::new(FaultKind::BadCredentials).on(Supplier::Infotravel).after(3));
    let s = w.import(w.infotravel, whole_year()).await;
    assert_eq!(s.outcome, Outcome::Failed);
    let e = s.error.unwrap();
    assert_eq!(e.key, "error.supplier.invalid_credentials");
    let stored = w.count("SELECT count(*) FROM sales");
    assert_eq!(stored % 40, 0, "only whole pages: {stored}");
    let r = history::get(&w.db.lock().unwrap(), s.run_id.unwrap()).unwrap();
    assert_eq!(r.error_code.as_deref(), Some("invalid_credentials"));
}

#[tokio::test]
async fn a_malformed_booking_is_reported_and_the_rest_imported() {
    let w = world(N).await;
    w.sim.faults().push(
        Fault::new(FaultKind::MalformedBooking)
            .on(Supplier::Infotravel)
            .times(1),
    );
    let s = w.import(w.infotravel, whole_year()).await;
    assert_eq!(s.outcome, Outcome::Completed);
    assert_eq!(s.counts.errors, 1);
    assert_eq!(s.counts.new as usize, N - 1);
    let issues = history::issues(&w.db.lock().unwrap(), s.run_id.unwrap()).unwrap();
    assert_eq!(issues.iter().filter(|i| i.kind == "malformed").count(), 1);
    assert!(issues[0].supplier_sale_id.is_some());
    // The next run, without the fault, brings the missing one in.
    let s = w.import(w.infotravel, whole_year()).await;
    assert_eq!(s.counts.new, 1);
}

#[tokio::test]
async fn persistent_server_errors_fail_with_the_fix() {
    let w = world(N).await;
    w.sim
        .faults()
        .push(Fault::new(FaultKind::ServerError { status: 500 }).on(Supplier::Wooba));
    let s = w.import(w.wooba, whole_year()).await;
    assert_eq!(s.outcome, Outcome::Failed);
    assert_eq!(s.error.unwrap().key, "error.supplier.server_error");
}
