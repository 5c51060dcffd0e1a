//! A date range is fetched in windows of a few days: suppliers' servers time out on long ranges, and a
//! run that stops (cancelled, failed, killed) is continued from its first unfinished window instead of
//! from the start. Each window is fetched page by page like a whole query; the run records how many
//! windows are written, in the same transaction as each window's last page, so what is recorded as done
//! is exactly what is stored.
//!
//! The window size is a setting of each integration (15 days unless changed); a continued run keeps the
//! size of the run it continues, so its windows are the same.

use chrono::{Duration, NaiveDate};
use ponte_core::db::Db;
use ponte_core::{settings, CoreError, FieldIssue};
use ponte_suppliers::sales_source::Query;

/// Days per window when the integration has no setting.
pub const DEFAULT_DAYS: u32 = 15;
/// A window never spans more than the longest range one run may ask for.
pub const MAX_DAYS: u32 = crate::query::MAX_RANGE_DAYS as u32;

fn key(integration_id: i64) -> String {
    format!("import.window_days.{integration_id}")
}

/// The windows of `from..=to`, `days` long (the last one shorter), in order, with no gap and no overlap.
pub fn split(from: NaiveDate, to: NaiveDate, days: u32) -> Vec<(NaiveDate, NaiveDate)> {
    let step = Duration::days(i64::from(days.clamp(1, MAX_DAYS)));
    let mut out = Vec::new();
    let mut start = from;
    while start <= to {
        let end = (start + step - Duration::days(1)).min(to);
        out.push((start, end));
        start = end + Duration::days(1);
    }
    out
}

/// The queries a run fetches one after the other: a document is one; a date range is its windows.
pub fn queries(q: &Query, days: u32) -> Vec<Query> {
    match q {
        Query::Document(_) => vec![q.clone()],
        Query::Dates { from, to } => split(*from, *to, days)
            .into_iter()
            .map(|(from, to)| Query::Dates { from, to })
            .collect(),
    }
}

/// The integration's window size in days.
pub fn get(db: &Db, integration_id: i64) -> Result<u32, CoreError> {
    Ok(settings::get(db, &key(integration_id))?
        .and_then(|v| v.parse().ok())
        .filter(|d| (1..=MAX_DAYS).contains(d))
        .unwrap_or(DEFAULT_DAYS))
}

/// A window size is 1 to [`MAX_DAYS`] days.
pub fn check(days: u32) -> Result<(), CoreError> {
    if (1..=MAX_DAYS).contains(&days) {
        return Ok(());
    }
    Err(CoreError::Invalid(vec![FieldIssue::new(
        "window_days",
        "error.import.window_days",
    )
    .with("max", MAX_DAYS)]))
}

/// Sets the integration's window size ([`check`]ed).
pub fn set(db: &Db, integration_id: i64, days: u32) -> Result<u32, CoreError> {
    check(days)?;
    settings::set(db, &key(integration_id), &days.to_string())?;
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn windows_cover_the_range_without_gap_or_overlap() {
        assert_eq!(
            split(d("2026-01-01"), d("2026-01-31"), 15),
            vec![
                (d("2026-01-01"), d("2026-01-15")),
                (d("2026-01-16"), d("2026-01-30")),
                (d("2026-01-31"), d("2026-01-31")),
            ]
        );
        assert_eq!(
            split(d("2026-03-05"), d("2026-03-05"), 15),
            vec![(d("2026-03-05"), d("2026-03-05"))]
        );
        for days in [1, 2, 7, 15, 31, 366, 0, 10_000] {
            let w = split(d("2024-02-20"), d("2025-02-19"), days);
            assert_eq!(w.first().unwrap().0, d("2024-02-20"));
            assert_eq!(w.last().unwrap().1, d("2025-02-19"));
            for pair in w.windows(2) {
                assert_eq!(pair[0].1 + Duration::days(1), pair[1].0, "{days}: {pair:?}");
            }
            assert!(w.iter().all(|(a, b)| a <= b));
        }
        assert!(split(d("2026-02-01"), d("2026-01-01"), 15).is_empty());
    }

    #[test]
    fn the_size_is_a_checked_setting_per_integration() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path()).unwrap();
        assert_eq!(get(&db, 3).unwrap(), DEFAULT_DAYS);
        assert_eq!(set(&db, 3, 7).unwrap(), 7);
        assert_eq!((get(&db, 3).unwrap(), get(&db, 4).unwrap()), (7, DEFAULT_DAYS));
        for bad in [0, MAX_DAYS + 1] {
            let e = set(&db, 3, bad).unwrap_err();
            assert_eq!(e.reply().code, "invalid_input");
            assert_eq!(e.reply().fields[0].key, "error.import.window_days");
        }
        assert_eq!(get(&db, 3).unwrap(), 7);
    }
}
