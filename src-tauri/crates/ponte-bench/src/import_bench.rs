use std::collections::BTreeMap;
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use keyring_core::mock;
use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::sales::SupplierSale;
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_import::retry::RetryPolicy;
use ponte_import::RunOptions;
use ponte_sim::{SimConfig, SimHandle};
use ponte_suppliers::http::Limits;
use ponte_suppliers::infotravel;
use ponte_suppliers::sales_source::{Query, Source, PAGE_SIZE};
use serde_json::json;
use tokio_util::sync::CancellationToken;

use crate::report::Report;

fn year() -> Query {
    Query::Dates {
        from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    }
}

fn limits() -> Limits {
    Limits {
        timeout: Duration::from_secs(120),
        ..Limits::default()
    }
}

/// (a): every page fetched and mapped, nothing written. Returns the sales for (b).
async fn fetch_parse(sim: &SimHandle) -> (Duration, Vec<SupplierSale>) {
    let i = sim.client_info().infotravel;
    let mut src: Source = Box::new(infotravel::Client::new(
        infotravel::Credentials {
            url: i.url,
            supplier_id: i.client,
            agency_code: i.agency,
            username: i.username,
            password: i.password.into(),
        },
        limits(),
    ));
    let started = Instant::now();
    let mut all = Vec::new();
    let mut index = 0;
    loop {
        let page = src
            .page(&year(), index, PAGE_SIZE, chrono_tz::America::Sao_Paulo)
            .await
            .expect("page");
        let last = page.last;
        all.extend(page.sales.into_iter().map(|r| r.expect("well-formed")));
        if last {
            break;
        }
        index += 1;
    }
    (started.elapsed(), all)
}

/// (b): the same sales inserted alone, in one transaction, into a fresh file.
fn bulk_insert(sales: &[SupplierSale]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _, id) = fresh(dir.path(), "http://127.0.0.1:9", "x");
    let started = Instant::now();
    let tx = db.conn_mut().transaction().unwrap();
    for s in sales {
        ponte_core::sales::upsert(&tx, id, s).unwrap();
    }
    tx.commit().unwrap();
    started.elapsed()
}

/// A fresh database with one Infotravel integration whose password sits in an in-memory keyring
/// (the keyring is not what is measured here).
fn fresh(dir: &std::path::Path, url: &str, password: &str) -> (Db, Secrets, i64) {
    let mut db = Db::open(dir).unwrap();
    keyring_core::set_default_store(mock::Store::new().unwrap());
    let store = Secrets::in_store(keyring_core::get_default_store().unwrap(), SERVICE);
    let person = people::create(
        &db,
        &PersonInput {
            kind: Some(PersonKind::Company),
            name: "BWT".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let id = integrations::create(
        &mut db,
        &store,
        &ponte_suppliers::registry::spec(IntegrationType::Infotravel),
        &IntegrationInput {
            ty: IntegrationType::Infotravel,
            description: "bench".into(),
            person_id: Some(person),
            values: BTreeMap::from([
                ("url".into(), url.into()),
                ("supplier_id".into(), "BWT".into()),
                ("agency_code".into(), "4521".into()),
                ("username".into(), "ponte.integracao".into()),
            ]),
            secrets: BTreeMap::from([("password".into(), password.into())]),
        },
    )
    .unwrap()
    .integration
    .id;
    (db, store, id)
}

fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// (c) in its own process: `child-import URL PASSWORD` prints one JSON line.
pub fn child(args: &[String]) {
    let (url, password) = (&args[0], &args[1]);
    let dir = tempfile::tempdir().unwrap();
    let (db, store, id) = fresh(dir.path(), url, password);
    let db = Mutex::new(db);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut opts = RunOptions::new(id, year());
    opts.limits = limits();
    opts.retry = RetryPolicy::default();
    let never = CancellationToken::new();
    let rss_before = rss_kb("VmRSS:");
    let t = Instant::now();
    let first = rt
        .block_on(ponte_import::run(&db, &store, &opts, &never, &|_| {}))
        .unwrap();
    let first_ms = t.elapsed().as_millis();
    let peak = rss_kb("VmHWM:");
    let t = Instant::now();
    let again = rt
        .block_on(ponte_import::run(&db, &store, &opts, &never, &|_| {}))
        .unwrap();
    let again_ms = t.elapsed().as_millis();
    let products: i64 = db
        .lock()
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM sale_products", [], |r| r.get(0))
        .unwrap();
    println!(
        "{}",
        json!({
            "first_ms": first_ms, "again_ms": again_ms, "new": first.counts.new, "again_new": again.counts.new,
            "again_unchanged": again.counts.unchanged, "outcome": first.outcome.as_str(),
            "peak_rss_kb": peak, "rss_before_kb": rss_before, "products": products
        })
    );
}

pub fn run(n: usize, r: &mut Report) {
    r.section(&format!(
        "Import of {n} Infotravel bookings from the simulator (loopback)"
    ));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let sim = rt
        .block_on(ponte_sim::Sim::start(SimConfig::new(42, n).with_test_key()))
        .unwrap();
    let (a, sales) = rt.block_on(fetch_parse(&sim));
    let products: usize = sales.iter().map(|s| s.products.len()).sum();
    let b = bulk_insert(&sales);
    drop(sales);
    let me = std::env::current_exe().unwrap();
    let out = Command::new(me)
        .args(["child-import", &sim.base_url(), &sim.client_info().infotravel.password])
        .output()
        .expect("child runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c_ms = c["first_ms"].as_u64().unwrap() as f64;
    let (a_ms, b_ms) = (a.as_millis() as f64, b.as_millis() as f64);
    r.row(
        "bookings / products",
        format!("{n} / {products}"),
        "~3 products per booking",
    );
    r.row("(a) fetch + parse all pages, no writes", format!("{a_ms:.0} ms"), "");
    r.row(
        "(b) insert the same sales alone, one transaction",
        format!("{b_ms:.0} ms"),
        "",
    );
    r.row(
        "(c) real import (fetch, parse, write per page)",
        format!("{c_ms:.0} ms"),
        "",
    );
    let ratio = a_ms.max(b_ms) / c_ms;
    r.row(
        "max(a, b) / c",
        format!("{ratio:.2}"),
        if ratio >= 0.5 {
            "goal ≥ 0.5: met"
        } else {
            "goal ≥ 0.5: MISSED"
        },
    );
    let peak_mb = c["peak_rss_kb"].as_f64().unwrap() / 1024.0;
    r.row(
        "peak RSS of (c) (VmHWM of the importing process)",
        format!("{peak_mb:.1} MB"),
        if peak_mb <= 120.0 {
            "goal ≤ 120 MB: met"
        } else {
            "goal ≤ 120 MB: MISSED"
        },
    );
    let again = c["again_ms"].as_f64().unwrap();
    r.row(
        "re-import of the same range",
        format!("{again:.0} ms, {} new", c["again_new"]),
        if again <= c_ms && c["again_new"] == 0 {
            "goal: no new rows, ≤ first: met"
        } else {
            "goal: no new rows, ≤ first: MISSED"
        },
    );
    r.row(
        "sales imported by (c)",
        format!("{}", c["new"]),
        &format!("expected {n}"),
    );
    rt.block_on(sim.shutdown());
}
