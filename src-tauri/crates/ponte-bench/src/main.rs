//! `ponte-bench`: measures what the issues set goals for, prints the figures and writes
//! `docs/BENCHMARKS.md`. Run with `bash .ci/bench` (an optimised build; figures from a debug build
//! mean nothing).
//!
//! Import (issues 5 and 11), N bookings (10 000 and 100 000; `PONTE_BENCH_SIZES` overrides): the
//! simulator's pages rendered once and served from memory, a lean reference import of them, Ponte's
//! import and re-import (each import in a child process, so its peak RSS is its own). Why each measure
//! exists: `import_bench.rs`.
//!
//! Start-up and memory (issue 13): Ponte beside a minimal Tauri app (`ponte-bench-floor`), launch → first
//! screen, idle PSS of every process, binary size; how: `startup_bench.rs`.
//!
//! `PONTE_BENCH_ONLY=home`, `=import` or `=startup`: that section alone, a quick look (docs/BENCHMARKS.md
//! is only written by full runs).
//!
//! Hidden modes for counting instructions (`.ci/profile-choice`, docs/RELEASE-PROFILE.md), so that Ponte's
//! import runs alone under `valgrind --tool=callgrind` while the pages are served by another process:
//! `serve-pages N` serves N bookings' pages and prints `URL PASSWORD` (it stops when its stdin closes);
//! `child-import-once URL PASSWORD` is `child-import` without the re-import.

mod agency_seed;
mod home_bench;
mod import_bench;
mod pages_server;
mod paging_bench;
mod reference_import;
mod reminders_bench;
mod report;
mod startup_bench;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("child-import") => import_bench::child(&args[1..], true),
        Some("child-import-once") => import_bench::child(&args[1..], false),
        Some("serve-pages") => import_bench::serve_pages(&args[1..]),
        Some("child-reference") => import_bench::child_reference(&args[1..]),
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
            // PONTE_BENCH_ONLY=home, import or startup: just that section (a quick look; docs/BENCHMARKS.md is
            // written by full runs).
            match std::env::var("PONTE_BENCH_ONLY").as_deref() {
                Ok("home") => return home_bench::run(paging_rows, 10_000, &mut r),
                Ok("import") => return import_bench::run(&sizes, &mut r),
                Ok("startup") => return startup_bench::run(&mut r),
                Ok("") | Err(_) => {}
                Ok(other) => panic!("PONTE_BENCH_ONLY={other}: expected home, import or startup"),
            }
            import_bench::run(&sizes, &mut r);
            paging_bench::run(paging_rows, &mut r);
            home_bench::run(paging_rows, 10_000, &mut r);
            reminders_bench::run(100_000, &mut r);
            reminders_bench::idle(&mut r);
            startup_bench::run(&mut r);
            r.finish();
        }
    }
}
