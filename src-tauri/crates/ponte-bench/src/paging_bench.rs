use std::time::{Duration, Instant};

use ponte_core::db::Db;
use ponte_core::sales::{self, SalesCursor, SalesFilter};

use crate::report::Report;

/// Fills `n` sales straight with SQL (the import path is measured elsewhere), then times pages of 100.
pub fn run(n: usize, r: &mut Report) {
    r.section(&format!("Vendas: a page of 100 out of {n} sales (keyset pagination)"));
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let t = Instant::now();
    db.conn()
        .execute_batch(&format!(
            "INSERT INTO people (kind, name, search_text, created_at, updated_at) VALUES ('company', 'BWT', 'bwt', '', '');
             INSERT INTO integrations (type, description, person_id, field_values, created_at, updated_at)
                 VALUES ('infotravel', 'bench', 1, '{{}}', '', '');
             BEGIN;
             WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {n})
             INSERT INTO sales (integration_id, supplier_sale_id, locators, sale_date, status, supplier_status,
                 customer_name, total_cents, currency, needs_manual_payment, content_hash, raw, first_imported_at, updated_at)
             SELECT 1, i, 'L' || i, date('2026-01-01', '+' || (i % 365) || ' days'), 'confirmed', 'CONFIRMED',
                 'Cliente ' || i, i * 7, 'BRL', i % 10 = 0, '', '{{}}', '', '' FROM k;
             INSERT INTO sale_products (sale_id, position, kind, supplier_type)
                 SELECT id, 0, 'hotel', 'bookingHotels' FROM sales;
             COMMIT;"
        ))
        .unwrap();
    r.row(
        "fill (SQL, not the import)",
        format!("{:.1} s", t.elapsed().as_secs_f64()),
        "",
    );
    let f = SalesFilter::default();
    let time = |cursor: Option<&SalesCursor>, filter: &SalesFilter| {
        let mut best = Duration::MAX;
        let mut times = Vec::new();
        for _ in 0..30 {
            let t = Instant::now();
            let p = sales::page(&db, filter, cursor, 100).unwrap();
            let e = t.elapsed();
            assert_eq!(p.rows.len(), 100);
            best = best.min(e);
            times.push(e);
        }
        times.sort();
        times[times.len() / 2]
    };
    let first = time(None, &f);
    let verdict = |d: Duration| {
        if d.as_millis() <= 10 {
            "goal ≤ 10 ms: met"
        } else {
            "goal ≤ 10 ms: MISSED"
        }
    };
    r.row(
        "first page (median of 30)",
        format!("{:.2} ms", first.as_secs_f64() * 1000.0),
        verdict(first),
    );
    // Walk to the middle with real cursors, 500 rows at a time.
    let mut cursor = None;
    for _ in 0..(n / 1000) {
        match sales::page(&db, &f, cursor.as_ref(), 500).unwrap().next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let deep = time(cursor.as_ref(), &f);
    r.row(
        "a page deep in the list (median of 30)",
        format!("{:.2} ms", deep.as_secs_f64() * 1000.0),
        verdict(deep),
    );
    let flagged = SalesFilter {
        flagged_only: true,
        ..Default::default()
    };
    let fl = time(None, &flagged);
    r.row(
        "first page, flagged for manual payment only",
        format!("{:.2} ms", fl.as_secs_f64() * 1000.0),
        verdict(fl),
    );
    let count_t = Instant::now();
    let total = sales::count(&db, &f).unwrap();
    r.row(
        "count of all sales",
        format!("{total} in {:.1} ms", count_t.elapsed().as_secs_f64() * 1000.0),
        "",
    );
}
