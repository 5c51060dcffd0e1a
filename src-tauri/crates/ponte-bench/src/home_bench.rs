use std::time::{Duration, Instant};

use ponte_core::db::Db;

use crate::agency_seed::{self, Agency};
use crate::report::Report;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Início over `sales` sales (two years of them) and `credentials` tokens (issue 12: ≤ 50 ms for
/// 1 000 000 sales and 10 000 credentials). The reference is the same aggregates as bare SQL, in the
/// same database, so the ratio shows what the summary adds on top of SQLite.
pub fn run(sales: usize, credentials: usize, r: &mut Report) {
    r.section(&format!(
        "Início: the summary over {sales} sales and {credentials} credentials"
    ));
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    // Every 10th sale flagged; tokens expiring over three years (i % 1100 days); 200 runs.
    let agency = Agency {
        sales,
        flagged_every: 10,
        tokens: credentials,
        expiry_step: 1,
        expiry_span: 1100,
        runs: 200,
    };
    agency_seed::seed(&db, &agency).unwrap();
    let today = ponte_core::tokens::today();
    let mut ours = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let s = ponte_core::home::summary(&db, today).unwrap();
        ours.push(t.elapsed());
        assert_eq!(s.sales_per_day.len(), 30);
        assert!(s.manual_payments > 0 && !s.failing.is_empty() && !s.expiring.is_empty());
    }
    let first = (today - chrono::Duration::days(29)).to_string();
    let mut reference = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let c = db.conn();
        let _: i64 = c
            .query_row("SELECT count(*) FROM sales WHERE needs_manual_payment = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        let mut st = c
            .prepare("SELECT sale_date, count(*) FROM sales WHERE sale_date >= ?1 GROUP BY sale_date")
            .unwrap();
        let _: Vec<(String, i64)> = st
            .query_map([&first], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut st = c
            .prepare(
                "SELECT id, expires_on FROM api_tokens WHERE expires_on <= date('now', '+90 days') ORDER BY expires_on",
            )
            .unwrap();
        let _: Vec<(i64, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        reference.push(t.elapsed());
    }
    let (ms, ref_ms) = (median(ours), median(reference));
    r.row(
        "reference: the bare aggregates in SQL (median of 15)",
        format!("{ref_ms:.1} ms"),
        "",
    );
    r.row(
        "home_summary (median of 15)",
        format!("{ms:.1} ms"),
        if ms <= 50.0 {
            "goal ≤ 50 ms: met"
        } else {
            "goal ≤ 50 ms: MISSED"
        },
    );
    r.row(
        "reference / home_summary",
        format!("{:.2}", ref_ms / ms),
        "what the summary adds: every credential's expiry is computed (Lembretes' rule)",
    );
}
