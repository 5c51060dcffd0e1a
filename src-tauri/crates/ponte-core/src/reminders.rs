//! The reminder schedule, as pure functions of (credentials, thresholds, what was already sent, now):
//! which reminders are due, and when the next one will be — so the backend can sleep until then
//! instead of polling, and tests can use any clock.
//!
//! A threshold of N days fires at `REMIND_AT` local time N days before expiry, once per credential
//! and expiry date. After the machine was off, only the most urgent missed threshold fires (no burst);
//! the others are recorded as passed. Quiet hours delay a reminder to their end, never drop it.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const DEFAULT_THRESHOLDS: [u32; 5] = [60, 30, 7, 1, 0];

/// Time of day at which a day's reminders fire (local time).
pub fn remind_at() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).expect("valid time")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuietHours {
    /// "22:00"
    pub start: String,
    /// "08:00"
    pub end: String,
}

impl Default for QuietHours {
    fn default() -> Self {
        Self {
            start: "22:00".into(),
            end: "08:00".into(),
        }
    }
}

impl QuietHours {
    fn parse(s: &str) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(s, "%H:%M").ok()
    }

    /// `t` moved to the end of quiet hours if it falls inside them.
    pub fn adjust(&self, t: NaiveDateTime) -> NaiveDateTime {
        let (Some(start), Some(end)) = (Self::parse(&self.start), Self::parse(&self.end)) else {
            return t;
        };
        if start == end {
            return t;
        }
        let time = t.time();
        let quiet = if start < end {
            time >= start && time < end
        } else {
            time >= start || time < end
        };
        if !quiet {
            return t;
        }
        let day = if start > end && time >= start {
            t.date() + Duration::days(1)
        } else {
            t.date()
        };
        day.and_time(end)
    }
}

/// Something that expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    /// `token:<id>` or `secret:<integration>:<field>`.
    pub key: String,
    pub expires_on: NaiveDate,
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    pub key: String,
    pub expires_on: NaiveDate,
    pub threshold: u32,
    /// Thresholds passed while nobody was there: recorded as sent, not shown.
    pub skipped: Vec<u32>,
}

/// What was already sent, by credential: (expiry, threshold). Looked up by `&str`, without allocating.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sent(HashMap<String, HashSet<(NaiveDate, u32)>>);

impl Sent {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, key: &str, expires_on: NaiveDate, threshold: u32) {
        self.0
            .entry(key.to_string())
            .or_default()
            .insert((expires_on, threshold));
    }

    pub fn contains(&self, key: &str, expires_on: NaiveDate, threshold: u32) -> bool {
        self.0.get(key).is_some_and(|s| s.contains(&(expires_on, threshold)))
    }
}

/// Quiet hours parsed once per computation (parsing per credential would dominate 100 000 of them).
#[derive(Clone, Copy)]
struct Quiet(Option<(NaiveTime, NaiveTime)>);

impl Quiet {
    fn of(q: &QuietHours) -> Self {
        match (QuietHours::parse(&q.start), QuietHours::parse(&q.end)) {
            (Some(s), Some(e)) if s != e => Self(Some((s, e))),
            _ => Self(None),
        }
    }

    fn adjust(self, t: NaiveDateTime) -> NaiveDateTime {
        let Some((start, end)) = self.0 else { return t };
        let time = t.time();
        let quiet = if start < end {
            time >= start && time < end
        } else {
            time >= start || time < end
        };
        if !quiet {
            return t;
        }
        let day = if start > end && time >= start {
            t.date() + Duration::days(1)
        } else {
            t.date()
        };
        day.and_time(end)
    }
}

fn fire_time(c: &Credential, threshold: u32, quiet: Quiet) -> NaiveDateTime {
    let day = c.expires_on - Duration::days(i64::from(threshold));
    quiet.adjust(day.and_time(remind_at()))
}

/// Reminders due at `now`: per credential, the most urgent passed threshold not yet sent.
pub fn due(creds: &[Credential], thresholds: &[u32], sent: &Sent, quiet: &QuietHours, now: NaiveDateTime) -> Vec<Due> {
    let quiet = Quiet::of(quiet);
    let mut out = Vec::new();
    for c in creds {
        let mut passed: Vec<u32> = thresholds
            .iter()
            .copied()
            .filter(|&t| fire_time(c, t, quiet) <= now && !sent.contains(&c.key, c.expires_on, t))
            .collect();
        if passed.is_empty() {
            continue;
        }
        // During quiet hours nothing is shown, even what was due before them.
        if quiet.adjust(now) != now {
            continue;
        }
        passed.sort_unstable();
        let threshold = passed[0];
        out.push(Due {
            key: c.key.clone(),
            expires_on: c.expires_on,
            threshold,
            skipped: passed[1..].to_vec(),
        });
    }
    out
}

/// When the next reminder falls due after `now` (None: nothing left to remind).
pub fn next_wake(
    creds: &[Credential],
    thresholds: &[u32],
    sent: &Sent,
    quiet: &QuietHours,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let quiet = Quiet::of(quiet);
    let mut best: Option<NaiveDateTime> = None;
    for c in creds {
        for &t in thresholds {
            if sent.contains(&c.key, c.expires_on, t) {
                continue;
            }
            let at = fire_time(c, t, quiet).max(quiet.adjust(now));
            if best.is_none_or(|b| at < b) {
                best = Some(at);
            }
        }
    }
    best
}

/// Checks a thresholds list typed by the user: no negatives (unsigned), no duplicates, at most 10.
pub fn check_thresholds(list: &[i64]) -> Result<Vec<u32>, &'static str> {
    if list.is_empty() || list.len() > 10 {
        return Err("error.reminders.thresholds_count");
    }
    if list.iter().any(|&d| !(0..=3650).contains(&d)) {
        return Err("error.reminders.thresholds_range");
    }
    let mut v: Vec<u32> = list.iter().map(|&d| d as u32).collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    let before = v.len();
    v.dedup();
    if v.len() != before {
        return Err("error.reminders.thresholds_duplicate");
    }
    Ok(v)
}

/// `created` + `months`, clamped to the month's last day (2024-02-29 + 36 months = 2027-02-28).
pub fn add_months(created: NaiveDate, months: u32) -> NaiveDate {
    created
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn cred(key: &str, exp: &str) -> Credential {
        Credential {
            key: key.into(),
            expires_on: d(exp),
        }
    }

    const T: [u32; 5] = DEFAULT_THRESHOLDS;

    #[test]
    fn fires_each_threshold_once_at_nine() {
        let q = QuietHours::default();
        let c = vec![cred("token:1", "2026-12-31")];
        let mut sent = Sent::new();
        assert_eq!(
            next_wake(&c, &T, &sent, &q, at("2026-10-01 10:00")),
            Some(at("2026-11-01 09:00"))
        );
        assert!(due(&c, &T, &sent, &q, at("2026-11-01 08:59")).is_empty());
        let now = due(&c, &T, &sent, &q, at("2026-11-01 09:00"));
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].threshold, 60);
        sent.insert("token:1", d("2026-12-31"), 60);
        assert!(due(&c, &T, &sent, &q, at("2026-11-01 12:00")).is_empty());
        assert_eq!(
            next_wake(&c, &T, &sent, &q, at("2026-11-01 12:00")),
            Some(at("2026-12-01 09:00"))
        );
    }

    #[test]
    fn catch_up_fires_only_the_most_urgent_missed_threshold() {
        let q = QuietHours::default();
        let c = vec![cred("token:1", "2026-12-31")];
        // The machine was off from October to 28 December: 60, 30 and 7 days have all passed.
        let now = due(&c, &T, &Sent::new(), &q, at("2026-12-28 10:00"));
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].threshold, 7);
        assert_eq!(now[0].skipped, vec![30, 60]);
    }

    #[test]
    fn quiet_hours_delay_never_drop() {
        let q = QuietHours {
            start: "08:30".into(),
            end: "10:00".into(),
        };
        let c = vec![cred("token:1", "2026-12-31")];
        assert!(due(&c, &T, &Sent::new(), &q, at("2026-11-01 09:30")).is_empty());
        assert_eq!(
            next_wake(&c, &T, &Sent::new(), &q, at("2026-11-01 09:30")),
            Some(at("2026-11-01 10:00"))
        );
        assert_eq!(due(&c, &T, &Sent::new(), &q, at("2026-11-01 10:00")).len(), 1);
        // Overnight quiet hours: a reminder due while quiet waits for the morning.
        let night = QuietHours::default();
        assert_eq!(night.adjust(at("2026-11-01 23:00")), at("2026-11-02 08:00"));
        assert_eq!(night.adjust(at("2026-11-02 07:00")), at("2026-11-02 08:00"));
        assert_eq!(night.adjust(at("2026-11-02 12:00")), at("2026-11-02 12:00"));
    }

    #[test]
    fn an_edit_moves_the_next_due_time() {
        let q = QuietHours::default();
        let sent = Sent::new();
        let now = at("2026-11-25 10:00");
        let before = next_wake(&[cred("token:1", "2027-06-30")], &T, &sent, &q, now).unwrap();
        let after = next_wake(&[cred("token:1", "2026-12-05")], &T, &sent, &q, now).unwrap();
        assert!(after < before);
        // A past expiry is due at once.
        let past = vec![cred("token:2", "2026-11-01")];
        let d = due(&past, &T, &sent, &q, now);
        assert_eq!(d[0].threshold, 0);
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        assert_eq!(add_months(d("2024-02-29"), 36), d("2027-02-28"));
        assert_eq!(add_months(d("2024-02-29"), 48), d("2028-02-29"));
        assert_eq!(add_months(d("2026-01-31"), 1), d("2026-02-28"));
        assert_eq!(add_months(d("2026-11-25"), 36), d("2029-11-25"));
    }

    #[test]
    fn thresholds_are_checked() {
        assert_eq!(check_thresholds(&[7, 60, 30, 1, 0]).unwrap(), vec![60, 30, 7, 1, 0]);
        assert!(check_thresholds(&[7, 7]).is_err());
        assert!(check_thresholds(&[-1]).is_err());
        assert!(check_thresholds(&[]).is_err());
    }
}
