//! Imports against a hostile supplier (the simulator's hostile faults) over real loopback HTTP: lists
//! that never end, redirects to another origin, replies that drip or never come, credentials echoed back,
//! absurd token lifetimes and every list field missing, null, of the wrong type, huge, nested without end
//! or not UTF-8. Each run ends (bounded), is recorded, fails only with a typed error whose text exists in
//! every language, and leaves no secret in the database (file and WAL) nor at any other host.

mod common;

use std::time::{Duration, Instant};

use common::*;
use ponte_core::i18n::LOCALES;
use ponte_import::history::{self, Outcome};
use ponte_import::RunSummary;
use ponte_sim::{Fault, FaultKind, Mutation, Sim, SimConfig, Supplier};
use ponte_suppliers::mask::reveals;
use serde_json::json;
use tokio_util::sync::CancellationToken;

const N: usize = 150;

/// Both importable suppliers: (simulator id, integration id, list path).
fn suppliers(w: &World) -> [(Supplier, i64, &'static str); 2] {
    [
        (Supplier::Infotravel, w.infotravel, "/booking"),
        (Supplier::Wooba, w.wooba, "/sales/list"),
    ]
}

fn secrets(w: &World) -> Vec<String> {
    let i = w.sim.client_info();
    vec![i.infotravel.password, i.wooba.password, i.wooba.developer_token]
}

/// A run under the faults set, bounded by `bound`; checks the outcome is recorded, the error typed and in
/// every language, and no secret is in the summary or in the database files.
async fn hostile_run(w: &World, integration: i64, bound: Duration) -> RunSummary {
    let started = Instant::now();
    let s = tokio::time::timeout(
        bound,
        ponte_import::run(
            &w.db,
            &w.secrets,
            &opts(integration, whole_year()),
            &CancellationToken::new(),
            &quiet,
        ),
    )
    .await
    .unwrap_or_else(|_| panic!("the run did not end within {bound:?}"))
    .expect("the run starts");
    assert!(started.elapsed() <= bound);
    let secrets = secrets(w);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    assert!(!reveals(&format!("{s:?}"), &secrets), "{s:?}");
    if let Some(e) = &s.error {
        assert_eq!(s.outcome, Outcome::Failed);
        for l in LOCALES {
            assert!(l.catalogue().contains_key(&e.key), "{} has no {} text", e.key, l.tag());
        }
    }
    let r = history::get(&w.db.lock().unwrap(), s.run_id.unwrap()).unwrap();
    assert_eq!(r.outcome, s.outcome);
    assert_eq!(r.error_code.as_deref(), s.error.as_ref().map(|e| e.code.as_str()));
    assert_no_secret_stored(w, &secrets);
    s
}

/// A secret as JSON writes it: as is (serde_json), or with `\/` and every non-ASCII character as `\uXXXX`.
fn json_forms(secret: &str) -> Vec<String> {
    let plain = serde_json::to_string(secret).unwrap();
    let mut ascii = String::new();
    for c in secret.chars() {
        match c {
            '"' => ascii.push_str("\\\""),
            '\\' => ascii.push_str("\\\\"),
            '/' => ascii.push_str("\\/"),
            c if c.is_ascii() => ascii.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    ascii.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    vec![secret.to_string(), plain[1..plain.len() - 1].to_string(), ascii]
}

/// Every byte of the database folder (the SQLite file, its WAL): no secret, raw or JSON-escaped.
fn assert_no_secret_stored(w: &World, secrets: &[&str]) {
    let forms: Vec<String> = secrets.iter().flat_map(|s| json_forms(s)).collect();
    for entry in std::fs::read_dir(w._dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            for f in &forms {
                assert!(!text.contains(f.as_str()), "a secret in {}", path.display());
            }
        }
    }
}

#[tokio::test]
async fn endless_pagination_ends_with_a_named_error() {
    let w = world(N).await;
    for (supplier, id, path) in suppliers(&w) {
        for repeat in [false, true] {
            w.sim.faults().clear();
            w.sim.clear_requests();
            w.sim.faults().push(
                Fault::new(FaultKind::EndlessPages { repeat })
                    .on(supplier)
                    .on_path(path),
            );
            let s = hostile_run(&w, id, Duration::from_secs(60)).await;
            let e = s
                .error
                .clone()
                .unwrap_or_else(|| panic!("{supplier:?} repeat={repeat}: {s:?}"));
            assert_eq!(e.key, "error.supplier.endless_pages", "{supplier:?} {e:?}");
            // 150 sales in pages of 40: the first page says 4; the bound is a little more than that.
            let pages: u32 = e.params["pages"].parse().unwrap();
            if repeat {
                assert_eq!(pages, 2, "the second page is the first again: no progress");
            } else {
                assert!((5..=20).contains(&pages), "{pages}");
            }
            assert!(w.sim.request_count(Some(supplier)) <= 25);
        }
    }
}

#[tokio::test]
async fn a_redirect_mid_run_is_refused_and_the_other_origin_sees_nothing() {
    let w = world(N).await;
    let elsewhere = Sim::start(SimConfig::new(11, N).with_test_key()).await.unwrap();
    for (supplier, id, path) in suppliers(&w) {
        for (after, status) in [(0, 307), (2, 308), (1, 302)] {
            w.sim.faults().clear();
            let location = format!("{}{}", elsewhere.base_url(), "/api/v1/authenticate");
            w.sim.faults().push(
                Fault::new(FaultKind::Redirect { status, location })
                    .on(supplier)
                    .on_path(path)
                    .after(after),
            );
            let s = hostile_run(&w, id, Duration::from_secs(20)).await;
            assert_eq!(
                s.error.as_ref().map(|e| e.key.as_str()),
                Some("error.supplier.redirect_refused"),
                "{supplier:?}: {s:?}"
            );
        }
        // Authentication redirected (Infotravel's password is in that body).
        w.sim.faults().clear();
        w.sim.faults().push(
            Fault::new(FaultKind::Redirect {
                status: 307,
                location: format!("{}/api/v1/authenticate", elsewhere.base_url()),
            })
            .on(supplier),
        );
        let s = hostile_run(&w, id, Duration::from_secs(20)).await;
        assert_eq!(s.error.unwrap().key, "error.supplier.redirect_refused");
    }
    assert_eq!(elsewhere.request_count(None), 0, "{:?}", elsewhere.requests());
}

#[tokio::test]
async fn a_dripping_or_silent_supplier_ends_the_run_in_bounded_time() {
    let w = world(N).await;
    // The options of `common`: 2 s per request, 4 attempts. A timeout is tried once more, no more.
    for (supplier, id, path) in suppliers(&w) {
        for kind in [
            FaultKind::Drip { interval_ms: 1000 },
            FaultKind::Slow { delay_ms: 120_000 },
        ] {
            w.sim.faults().clear();
            w.sim.faults().push(Fault::new(kind.clone()).on(supplier).on_path(path));
            let started = Instant::now();
            let s = hostile_run(&w, id, Duration::from_secs(30)).await;
            assert_eq!(s.error.as_ref().map(|e| e.key.as_str()), Some("error.supplier.timeout"));
            assert!(
                started.elapsed() < Duration::from_millis(6500),
                "{supplier:?} {kind:?}: {:?}",
                started.elapsed()
            );
        }
    }
}

#[tokio::test]
async fn an_absurd_token_lifetime_is_survived() {
    let w = world(N).await;
    for value in [json!(18446744073709551615u64), json!(-1), json!(1e300), json!("x")] {
        w.sim.faults().clear();
        w.sim.faults().push(
            Fault::new(FaultKind::Mutate {
                field: "expire_seconds".into(),
                mutation: Mutation::Value(value.clone()),
            })
            .on(Supplier::Infotravel)
            .on_path("/authenticate"),
        );
        let s = hostile_run(&w, w.infotravel, Duration::from_secs(30)).await;
        assert_eq!(s.outcome, Outcome::Completed, "{value}: {:?}", s.error);
    }
}

#[tokio::test]
async fn echoed_credentials_are_stored_nowhere() {
    let w = world(N).await;
    for (supplier, id, _) in suppliers(&w) {
        for status in [400, 200] {
            for escape_levels in 0..=2 {
                for pad in [0, 60, 120] {
                    w.sim.faults().clear();
                    w.sim.faults().push(
                        Fault::new(FaultKind::EchoCredentials {
                            status,
                            escape_levels,
                            pad,
                        })
                        .on(supplier)
                        .after(1),
                    );
                    let s = hostile_run(&w, id, Duration::from_secs(20)).await;
                    assert_eq!(
                        s.outcome,
                        Outcome::Failed,
                        "{supplier:?} {status}/{escape_levels}: {s:?}"
                    );
                }
            }
        }
    }
}

/// Every list field, every way wrong: each run ends, recorded, with whole pages and no secret. The
/// first reply is left alone (`after`), so a page that fails comes after one that was written.
async fn mutation_matrix(supplier: Supplier, path: &str, fields: &[&str]) {
    let w = world(90).await;
    let id = if supplier == Supplier::Wooba {
        w.wooba
    } else {
        w.infotravel
    };
    let mutations = [
        Mutation::Missing,
        Mutation::Null,
        Mutation::WrongType,
        Mutation::Huge,
        Mutation::Nested,
        Mutation::InvalidUtf8,
    ];
    for field in fields {
        for mutation in &mutations {
            w.sim.faults().clear();
            w.sim.faults().push(
                Fault::new(FaultKind::Mutate {
                    field: field.to_string(),
                    mutation: mutation.clone(),
                })
                .on(supplier)
                .on_path(path)
                .after(u32::from(path != "/authenticate")),
            );
            let s = hostile_run(&w, id, Duration::from_secs(30)).await;
            assert!(
                s.outcome == Outcome::Completed || s.outcome == Outcome::Failed,
                "{supplier:?} {field} {mutation:?}: {s:?}"
            );
        }
    }
}

#[tokio::test]
async fn every_infotravel_list_field_missing_null_wrong_huge_nested_or_not_utf8() {
    let fields = [
        "",
        "content",
        "last",
        "totalPages",
        "totalElements",
        "content.0",
        "content.0.id",
        "content.0.bookingAmount",
        "content.0.createdAt",
    ];
    mutation_matrix(Supplier::Infotravel, "/booking", &fields).await;
}

#[tokio::test]
async fn every_infotravel_authentication_field_missing_null_wrong_huge_nested_or_not_utf8() {
    mutation_matrix(
        Supplier::Infotravel,
        "/authenticate",
        &["", "accessToken", "expire_seconds", "type"],
    )
    .await;
}

#[tokio::test]
async fn every_wooba_list_field_missing_null_wrong_huge_nested_or_not_utf8() {
    let fields = [
        "",
        "Sales",
        "TotalPages",
        "Exception",
        "Sales.0",
        "Sales.0.SaleId",
        "Sales.0.Products",
    ];
    mutation_matrix(Supplier::Wooba, "/sales/list", &fields).await;
}
