//! Import (issues 5 and 11): how close Ponte's import comes to the leanest import of the same data, how
//! little a re-import of unchanged sales costs, and how much memory it takes, for N bookings.
//!
//! Each measure and why it exists:
//! - **The pages**: every booking is rendered once, before anything is timed, and each page is served
//!   from memory ([`crate::pages_server`]): the simulator generates each booking on request, which is
//!   fine for tests and the demo but would put the server's own work inside every figure.
//! - **Server, fetch only**: every page fetched with reqwest and thrown away. It shows the server and
//!   the loopback are never the bottleneck: it must stay a small fraction of the imports below.
//! - **Reference import** ([`crate::reference_import`]): typed structs, plain inserts, a transaction per
//!   page, fetch + parse and writes pipelined, into the same schema. It is the yardstick: what this
//!   machine can do with these pages. It runs in its own process, so its peak RSS is its own.
//! - **Ponte's first import**: `ponte_import::run` into a fresh database, in a child process (its peak
//!   RSS is its own), with the integration's password in an in-memory keyring. **reference / Ponte**
//!   is the figure issue 11 sets a goal for: 1.0 would be as fast as the reference.
//! - **Re-import of the unchanged range**: the same run again: nothing is new, so it should cost much
//!   less than the first (**re-import / first**).
//! - **Peak RSS** (VmHWM) of Ponte's import at each size (the median of three processes: it varies by a few
//!   MB from one to the next), and the ratio between the largest and the smallest size: an import holds
//!   about a page at a time, so its memory must not grow with the range.
//! - **Sales and products written**: the reference and Ponte must write the same number of both (the
//!   bench stops if not), so that the two times are for the same work.

use std::collections::BTreeMap;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use keyring_core::mock;
use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_import::retry::RetryPolicy;
use ponte_import::RunOptions;
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::Query;
use serde_json::json;
use tokio_util::sync::CancellationToken;

use crate::pages_server::{self, Access, Pages, PagesServer};
use crate::reference_import;
use crate::report::Report;

/// The range imported: the simulator's whole year of sales.
fn from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn to() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
}

fn year() -> Query {
    Query::Dates { from: from(), to: to() }
}

/// The agency's time zone (Ponte's default, which the fresh database keeps).
fn tz() -> ponte_core::zone::Zone {
    ponte_core::zone::Zone::default_zone()
}

fn limits() -> Limits {
    Limits {
        timeout: Duration::from_secs(120),
        ..Limits::default()
    }
}

/// A fresh database with one Infotravel integration whose password sits in an in-memory keyring
/// (the keyring is not what is measured here).
fn fresh(dir: &std::path::Path, url: &str, password: &str) -> (Db, Secrets, i64) {
    let mut db = Db::open(dir).unwrap();
    keyring_core::set_default_store(mock::Store::new().unwrap());
    let store = Secrets::in_store(keyring_core::get_default_store().unwrap(), SERVICE);
    let access = Access::at(url.to_string());
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
                ("supplier_id".into(), access.client),
                ("agency_code".into(), access.agency),
                ("username".into(), access.username),
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

fn count(db: &Db, table: &str) -> i64 {
    db.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Ponte's import in its own process: `child-import URL PASSWORD` prints one JSON line. With `again`
/// false (`child-import-once`) there is no re-import: the first import alone (its instructions counted, or
/// one more peak RSS).
pub fn child(args: &[String], again: bool) {
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
    if !again {
        let db = db.lock().unwrap();
        println!(
            "{}",
            json!({
                "first_ms": first_ms, "new": first.counts.new, "outcome": first.outcome.as_str(),
                "peak_rss_kb": peak, "sales": count(&db, "sales"), "products": count(&db, "sale_products"),
            })
        );
        return;
    }
    let t = Instant::now();
    let again = rt
        .block_on(ponte_import::run(&db, &store, &opts, &never, &|_| {}))
        .unwrap();
    let again_ms = t.elapsed().as_millis();
    let db = db.lock().unwrap();
    println!(
        "{}",
        json!({
            "first_ms": first_ms, "again_ms": again_ms, "new": first.counts.new, "again_new": again.counts.new,
            "again_unchanged": again.counts.unchanged, "outcome": first.outcome.as_str(),
            "peak_rss_kb": peak, "rss_before_kb": rss_before, "sales": count(&db, "sales"),
            "products": count(&db, "sale_products"), "passengers": count(&db, "sale_passengers"),
            "payments": count(&db, "sale_payments"),
        })
    );
}

/// The reference import in its own process: `child-reference URL` prints one JSON line.
pub fn child_reference(args: &[String]) {
    let access = Access::at(args[0].clone());
    let dir = tempfile::tempdir().unwrap();
    let (db, _, id) = fresh(dir.path(), &access.url, &access.password);
    let rss_before = rss_kb("VmRSS:");
    let o = reference_import::run(db, id, &access, from(), to(), tz());
    println!(
        "{}",
        json!({
            "ms": o.ms as u64, "parse_ms": o.parse_ms as u64, "write_ms": o.write_ms as u64, "pages": o.pages, "sales": o.sales, "products": o.products,
            "passengers": o.passengers, "payments": o.payments,
            "peak_rss_kb": rss_kb("VmHWM:"), "rss_before_kb": rss_before,
        })
    );
}

/// `serve-pages N`: the pages of N bookings served from memory, as the import bench serves them, until
/// stdin closes. Prints `URL PASSWORD` (one line) once the server listens.
pub fn serve_pages(args: &[String]) {
    use std::io::{Read, Write};
    let n: usize = args.first().and_then(|n| n.parse().ok()).expect("serve-pages N");
    let server = PagesServer::start(Arc::new(Pages::render(n)));
    let mut out = std::io::stdout();
    writeln!(out, "{} {}", server.access.url, server.access.password).unwrap();
    out.flush().unwrap();
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    drop(server);
}

fn run_child(args: &[&str]) -> serde_json::Value {
    let me = std::env::current_exe().unwrap();
    let out = Command::new(me).args(args).output().expect("child runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn verdict(met: bool, goal: &str) -> String {
    format!("{goal}: {}", if met { "met" } else { "MISSED" })
}

fn mb(kb: &serde_json::Value) -> f64 {
    kb.as_f64().unwrap() / 1024.0
}

/// Every size, then (with two sizes or more) how Ponte's peak RSS grows from the smallest to the largest.
pub fn run(sizes: &[usize], r: &mut Report) {
    let mut peaks = Vec::new();
    for (k, &n) in sizes.iter().enumerate() {
        peaks.push((n, one(n, k == 0, r)));
    }
    let (Some(small), Some(large)) = (peaks.iter().min_by_key(|p| p.0), peaks.iter().max_by_key(|p| p.0)) else {
        return;
    };
    if small.0 == large.0 {
        return;
    }
    r.section(&format!("Import: peak RSS from {} to {} bookings", small.0, large.0));
    let ratio = large.1 / small.1;
    r.row(
        &format!("Ponte's peak RSS at {} / at {}", large.0, small.0),
        format!("{ratio:.2} ({:.1} / {:.1} MB)", large.1, small.1),
        &verdict(ratio <= 1.25, "goal flat (≤ 1.25 for 10× the sales)"),
    );
}

/// One size; returns Ponte's peak RSS in MB. `explain`: write what the measures are above the table.
fn one(n: usize, explain: bool, r: &mut Report) -> f64 {
    r.section(&format!(
        "Import of {n} Infotravel bookings (pages rendered once, served from memory on loopback)"
    ));
    if explain {
        r.note(
            "One year of the simulator's bookings, every page rendered once before anything is timed and served \
             from memory, so the server's share (first row) stays small. The reference is the leanest import of \
             the same pages: typed serde structs, plain prepared inserts into the same schema, one transaction \
             per 500-booking page, fetch + parse on one thread and writes on another; it must write as many \
             sales and products as Ponte. Ponte's import is `ponte_import::run` into a fresh database, then again \
             over the unchanged range. Each import runs in its own process, so each peak RSS is its own.",
        );
    }
    let pages = Arc::new(Pages::render(n));
    let bookings = pages.count(from(), to());
    let page_count = bookings.div_ceil(pages_server::SIZE);
    let json_mb = pages.total_bytes(from(), to()) as f64 / 1e6;
    let server = PagesServer::start(pages);
    let access = server.access.clone();

    // The server's share: the median of three passes.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut fetch: Vec<Duration> = (0..3)
        .map(|_| {
            rt.block_on(pages_server::fetch_only(&access, from(), to(), page_count))
                .0
        })
        .collect();
    fetch.sort();
    let fetch_ms = fetch[1].as_secs_f64() * 1000.0;

    let reference = run_child(&["child-reference", &access.url]);
    let ponte = run_child(&["child-import", &access.url, &access.password]);
    // The same import's peak swings by a few MB from one process to the next (20.4–23.1 MB at 10 000
    // bookings on one day), enough to tip the growth ratio below: two more first imports, the median of three.
    let mut peaks_kb: Vec<f64> = std::iter::once(ponte["peak_rss_kb"].as_f64().unwrap())
        .chain((0..2).map(|_| {
            run_child(&["child-import-once", &access.url, &access.password])["peak_rss_kb"]
                .as_f64()
                .unwrap()
        }))
        .collect();
    peaks_kb.sort_by(f64::total_cmp);
    drop(server);

    for what in ["sales", "products"] {
        assert_eq!(
            reference[what], ponte[what],
            "the reference and Ponte wrote different numbers of {what}: the times are not comparable\n\
             reference: {reference}\nPonte: {ponte}"
        );
    }
    assert_eq!(
        reference["sales"].as_u64(),
        Some(bookings as u64),
        "every booking written once"
    );
    let ref_ms = reference["ms"].as_f64().unwrap();
    let first_ms = ponte["first_ms"].as_f64().unwrap();
    let again_ms = ponte["again_ms"].as_f64().unwrap();

    r.row(
        "bookings / products / pages / JSON",
        format!("{bookings} / {} / {page_count} / {json_mb:.0} MB", ponte["products"]),
        "~3 products per booking",
    );
    let share = fetch_ms / ref_ms;
    r.row(
        "server: fetch every page, bytes discarded (reqwest)",
        format!("{fetch_ms:.0} ms"),
        &verdict(
            share <= 0.1,
            &format!(
                "{share:.2} of the reference, {:.2} of Ponte; goal ≤ 0.1 of the reference",
                fetch_ms / first_ms
            ),
        ),
    );
    r.row(
        "reference import (typed structs, plain inserts, pipelined)",
        format!("{ref_ms:.0} ms"),
        "",
    );
    r.row(
        "reference: busy parsing / busy writing (the two threads)",
        format!("{} / {} ms", reference["parse_ms"], reference["write_ms"]),
        "",
    );
    r.row(
        "Ponte: first import (ponte_import::run)",
        format!("{first_ms:.0} ms"),
        "",
    );
    let ratio = ref_ms / first_ms;
    r.row(
        "reference / Ponte",
        format!("{ratio:.2}"),
        &verdict(ratio >= 0.5, "goal ≥ 0.5"),
    );
    r.row(
        "Ponte: re-import of the unchanged range",
        format!("{again_ms:.0} ms, {} new", ponte["again_new"]),
        "",
    );
    let again = again_ms / first_ms;
    r.row(
        "re-import / first",
        format!("{again:.2}"),
        &verdict(again <= 0.5 && ponte["again_new"] == 0, "goal ≤ 0.5, no new rows"),
    );
    let peak = peaks_kb[1] / 1024.0;
    r.row(
        "peak RSS of Ponte's import (VmHWM of its process, median of 3)",
        format!("{peak:.1} MB"),
        &verdict(peak <= 120.0, "goal ≤ 120 MB"),
    );
    r.row(
        "peak RSS of the reference import",
        format!("{:.1} MB", mb(&reference["peak_rss_kb"])),
        "",
    );
    r.row(
        "sales / products / passengers / payments: Ponte",
        format!(
            "{} / {} / {} / {}",
            ponte["sales"], ponte["products"], ponte["passengers"], ponte["payments"]
        ),
        &format!(
            "reference: {} / {} / {} / {}",
            reference["sales"], reference["products"], reference["passengers"], reference["payments"]
        ),
    );
    peak
}
