//! Scheduled imports: an integration may import yesterday's sales every day at a set time. Pure
//! schedule arithmetic here (any clock); the app's backend sleeps until the next one, and OS schedulers
//! can run `ponte import` instead.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use ponte_core::db::Db;
use ponte_core::{settings, CoreError};

fn key(integration_id: i64) -> String {
    format!("import.schedule.{integration_id}")
}

fn last_key(integration_id: i64) -> String {
    format!("import.schedule_last.{integration_id}")
}

/// One daily schedule: when, and the last day it ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Daily {
    pub integration_id: i64,
    pub at: NaiveTime,
    pub last_run: Option<NaiveDate>,
}

/// Schedules due at `now` (today's time passed and not run today — also after the machine was off)
/// and the next time one falls due.
pub fn plan(schedules: &[Daily], now: NaiveDateTime) -> (Vec<i64>, Option<NaiveDateTime>) {
    let today = now.date();
    let mut due = Vec::new();
    let mut next: Option<NaiveDateTime> = None;
    for s in schedules {
        let today_at = today.and_time(s.at);
        let ran_today = s.last_run == Some(today);
        let at = if !ran_today && today_at <= now {
            due.push(s.integration_id);
            (today + Duration::days(1)).and_time(s.at)
        } else if ran_today || today_at <= now {
            (today + Duration::days(1)).and_time(s.at)
        } else {
            today_at
        };
        if next.is_none_or(|n| at < n) {
            next = Some(at);
        }
    }
    (due, next)
}

pub fn get(db: &Db, integration_id: i64) -> Result<Option<String>, CoreError> {
    settings::get(db, &key(integration_id))
}

/// Sets ("07:00") or removes (None) the daily import of an integration.
pub fn set(db: &Db, integration_id: i64, at: Option<&str>) -> Result<(), CoreError> {
    match at.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            db.conn()
                .execute("DELETE FROM settings WHERE key = ?1", [key(integration_id)])?;
        }
        Some(t) => {
            NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| CoreError::invalid("time", "error.reminders.time"))?;
            settings::set(db, &key(integration_id), t)?;
        }
    }
    Ok(())
}

pub fn mark_ran(db: &Db, integration_id: i64, day: NaiveDate) -> Result<(), CoreError> {
    settings::set(db, &last_key(integration_id), &day.to_string())
}

pub fn all(db: &Db) -> Result<Vec<Daily>, CoreError> {
    let mut stmt = db
        .conn()
        .prepare("SELECT key, value FROM settings WHERE key LIKE 'import.schedule.%'")?;
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (k, v) in rows {
        let Some(id) = k.rsplit('.').next().and_then(|s| s.parse().ok()) else {
            continue;
        };
        let Ok(at) = NaiveTime::parse_from_str(&v, "%H:%M") else {
            continue;
        };
        let last_run = settings::get(db, &last_key(id))?.and_then(|d| d.parse().ok());
        out.push(Daily {
            integration_id: id,
            at,
            last_run,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn daily(last: Option<&str>) -> Daily {
        Daily {
            integration_id: 1,
            at: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            last_run: last.map(|d| d.parse().unwrap()),
        }
    }

    #[test]
    fn runs_once_a_day_and_catches_up() {
        assert_eq!(
            plan(&[daily(None)], at("2026-11-25 06:00")),
            (vec![], Some(at("2026-11-25 07:00")))
        );
        assert_eq!(plan(&[daily(Some("2026-11-24"))], at("2026-11-25 07:00")).0, vec![1]);
        // The machine was off at 07:00: it runs when the app starts, once.
        assert_eq!(plan(&[daily(Some("2026-11-20"))], at("2026-11-25 15:00")).0, vec![1]);
        assert_eq!(
            plan(&[daily(Some("2026-11-25"))], at("2026-11-25 15:00")),
            (vec![], Some(at("2026-11-26 07:00")))
        );
        assert_eq!(plan(&[], at("2026-11-25 15:00")), (vec![], None));
    }
}
