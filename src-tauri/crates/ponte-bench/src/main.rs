//! `ponte-bench`: measures what the issues set goals for, prints the figures and writes
//! `docs/BENCHMARKS.md`. Run with `bash .ci/bench` (an optimised build; figures from a debug build
//! mean nothing).
//!
//! Import (issue 5), against the simulator on loopback with N bookings:
//! (a) fetch + parse every page, writing nothing; (b) insert the same sales alone, one transaction;
//! (c) the real import (in a child process, so its peak RSS is its own); then a re-import.

mod home_bench;
mod import_bench;
mod paging_bench;
mod reminders_bench;
mod report;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("child-import") => import_bench::child(&args[1..]),
        _ => {
            let sizes: Vec<usize> = std::env::var("PONTE_BENCH_SIZES")
                .ok()
                .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
                .unwrap_or_else(|| vec![10_000, 100_000]);
            let paging_rows: usize = std::env::var("PONTE_BENCH_SALES")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(1_000_000);
            let mut r = report::Report::new();
            // PONTE_BENCH_ONLY=home: just Início (a quick look; docs/BENCHMARKS.md is written by full runs).
            if std::env::var("PONTE_BENCH_ONLY").as_deref() == Ok("home") {
                home_bench::run(paging_rows, 10_000, &mut r);
                return;
            }
            for n in sizes {
                import_bench::run(n, &mut r);
            }
            paging_bench::run(paging_rows, &mut r);
            home_bench::run(paging_rows, 10_000, &mut r);
            reminders_bench::run(100_000, &mut r);
            reminders_bench::idle(&mut r);
            r.finish();
        }
    }
}
