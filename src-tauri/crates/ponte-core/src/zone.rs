//! Time zones: which day a sale belongs to on the agency's clock.
//!
//! The rules come from the system's time zone database (Debian's `tzdata`, kept current by the OS: when a
//! country changes its clocks, Ponte needs no new release), and from a copy built into the binary (jiff's)
//! where the system has none. Why not chrono-tz: it compiles every zone's rules into pointer-rich tables
//! that the loader must relocate, 1.9 MB of a 12 MB app; jiff's built-in copy is the compact binary form the
//! system uses (docs/RELEASE-PROFILE.md).
//!
//! A [`Zone`] is `Copy` (a reference to an interned entry): the import passes it into every page it maps.
//! A process meets a handful of zone names, each read once; the interned entries live as long as it does.

use std::sync::Mutex;

use chrono::{DateTime, NaiveDate, TimeZone};

/// The agency's zone when none is set: Ponte's first users are Brazilian travel agencies.
pub const DEFAULT_NAME: &str = "America/Sao_Paulo";

/// No IANA name is this long; longer text is not looked up.
const MAX_NAME: usize = 64;

struct Named {
    name: &'static str,
    tz: jiff::tz::TimeZone,
}

#[derive(Clone, Copy)]
pub struct Zone(&'static Named);

impl std::fmt::Debug for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name)
    }
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.0.name == other.0.name
    }
}

impl Eq for Zone {}

static INTERNED: Mutex<Vec<&'static Named>> = Mutex::new(Vec::new());

impl Zone {
    /// The zone with this IANA name (`America/Sao_Paulo`, `Europe/Rome`, `UTC`), if the database knows it.
    pub fn named(name: &str) -> Option<Zone> {
        let name = name.trim();
        if name.is_empty() || name.len() > MAX_NAME {
            return None;
        }
        let mut interned = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(z) = interned.iter().find(|z| z.name == name) {
            return Some(Zone(z));
        }
        let tz = jiff::tz::TimeZone::get(name).ok()?;
        let entry: &'static Named = Box::leak(Box::new(Named {
            name: Box::leak(name.into()),
            tz,
        }));
        interned.push(entry);
        Some(Zone(entry))
    }

    /// [`DEFAULT_NAME`]: always there (the built-in copy has it when the system has no database).
    pub fn default_zone() -> Zone {
        Zone::named(DEFAULT_NAME).expect("the built-in time zone database has America/Sao_Paulo")
    }

    pub fn name(self) -> &'static str {
        self.0.name
    }

    /// The calendar day `t` falls on in this zone; `None` beyond the years this database covers
    /// (±9999), which no sale is.
    pub fn date_of<T: TimeZone>(self, t: &DateTime<T>) -> Option<NaiveDate> {
        let ts = jiff::Timestamp::new(t.timestamp(), t.timestamp_subsec_nanos() as i32).ok()?;
        let d = self.0.tz.to_datetime(ts).date();
        NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rfc3339: &str) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap()
    }

    #[test]
    fn a_late_evening_sale_belongs_to_the_agencys_day() {
        let sp = Zone::default_zone();
        // 01:30 UTC on 2 March is still 1 March in São Paulo (UTC−3).
        let d = sp.date_of(&at("2026-03-02T01:30:00Z")).unwrap();
        assert_eq!(d, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        let rome = Zone::named("Europe/Rome").unwrap();
        assert_eq!(
            rome.date_of(&at("2026-03-01T23:30:00Z")),
            NaiveDate::from_ymd_opt(2026, 3, 2)
        );
    }

    #[test]
    fn past_daylight_saving_rules_apply() {
        // Brazil kept summer time until 2019: on 1 January 2018 São Paulo was UTC−2.
        let sp = Zone::default_zone();
        assert_eq!(
            sp.date_of(&at("2018-01-01T01:30:00Z")),
            NaiveDate::from_ymd_opt(2017, 12, 31)
        );
        assert_eq!(
            sp.date_of(&at("2018-01-01T02:30:00Z")),
            NaiveDate::from_ymd_opt(2018, 1, 1)
        );
    }

    #[test]
    fn names_are_checked_and_interned() {
        assert!(Zone::named("Mars/Olympus_Mons").is_none());
        assert!(Zone::named("").is_none());
        assert!(Zone::named(&"A/".repeat(1000)).is_none());
        assert!(Zone::named("../../etc/passwd").is_none());
        let a = Zone::named("Europe/Rome").unwrap();
        let b = Zone::named(" Europe/Rome ").unwrap();
        assert!(std::ptr::eq(a.0, b.0), "the same name gives the same entry");
        assert_eq!(a.name(), "Europe/Rome");
    }

    #[test]
    fn far_dates_give_none_not_a_panic() {
        let far = DateTime::from_timestamp(250_000_000_000_000, 0);
        if let Some(far) = far {
            assert_eq!(Zone::default_zone().date_of(&far), None);
        }
        let sp = Zone::default_zone();
        assert!(sp.date_of(&DateTime::<chrono::Utc>::MIN_UTC).is_none());
        assert!(sp.date_of(&DateTime::<chrono::Utc>::MAX_UTC).is_none());
    }
}
