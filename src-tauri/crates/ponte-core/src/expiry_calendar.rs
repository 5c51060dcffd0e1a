//! The expiry calendar: every credential's expiry as an all-day event, with one alarm per reminder
//! threshold, in an `.ics` file (RFC 5545) that any calendar imports. Admins live in their calendars, and a
//! 36-month token outlives any habit of opening Ponte.
//!
//! - UIDs are stable (`<credential key>@io.ponte.desktop`): importing the file again updates the events
//!   (a changed expiry date moves its event) instead of duplicating them.
//! - The summary names the credential and its integration; no secret ever goes in (only names and dates).
//! - Dates are the expiry *days* (all-day events, no time zone to get wrong); alarms are relative to them.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use crate::expiries::Expiry;
use crate::i18n::{t, Locale};

/// The `.ics` text for `expiries`, with an alarm `n` days before each one for every `n` in `thresholds`.
pub fn ics(expiries: &[Expiry], thresholds: &[u32], locale: Locale, now: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name(&t(locale, "calendar.name", &BTreeMap::new()));
    for e in expiries {
        let Ok(day) = NaiveDate::parse_from_str(&e.expires_on, "%Y-%m-%d") else {
            continue;
        };
        let mut p = BTreeMap::new();
        p.insert("label".to_string(), e.label.clone());
        p.insert("integration".to_string(), e.integration.clone());
        let mut ev = Event::new();
        ev.uid(&format!("{}@{}", e.key.replace(':', "-"), crate::APP_IDENTIFIER))
            .timestamp(now)
            .all_day(day)
            .summary(&t(locale, "calendar.summary", &p))
            .description(&t(locale, "calendar.description", &p));
        let mut days: Vec<u32> = thresholds.to_vec();
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        for n in days {
            let text = if n == 0 {
                t(locale, "calendar.alarm_today", &p)
            } else {
                let mut p = p.clone();
                p.insert("days".to_string(), n.to_string());
                t(locale, "calendar.alarm", &p)
            };
            ev.alarm(Alarm::display(
                &text,
                Trigger::before_start(Duration::days(i64::from(n))),
            ));
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expiry(key: &str, on: &str) -> Expiry {
        Expiry {
            key: key.into(),
            label: "Ericsoft 2026".into(),
            integration: "PayTourist Firenze".into(),
            integration_id: 1,
            token_id: Some(7),
            expires_on: on.into(),
            days_left: 30,
        }
    }

    #[test]
    fn one_event_per_credential_one_alarm_per_threshold_stable_uids() {
        let now = Utc::now();
        let a = ics(&[expiry("token:7", "2029-09-30")], &[60, 30, 7, 1, 0], Locale::It, now);
        assert_eq!(a.matches("BEGIN:VEVENT").count(), 1);
        assert_eq!(a.matches("BEGIN:VALARM").count(), 5);
        assert!(a.contains("UID:token-7@io.ponte.desktop"), "{a}");
        assert!(a.contains("DTSTART;VALUE=DATE:20290930"), "{a}");
        assert!(a.contains("SUMMARY:Ericsoft 2026 (PayTourist Firenze) scade"), "{a}");
        // Moved expiry, same UID: a calendar updates the event.
        let b = ics(&[expiry("token:7", "2029-10-31")], &[30], Locale::It, now);
        assert!(b.contains("UID:token-7@io.ponte.desktop") && b.contains("DTSTART;VALUE=DATE:20291031"));
    }
}
