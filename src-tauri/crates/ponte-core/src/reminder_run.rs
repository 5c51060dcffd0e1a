//! One pass of the reminders: show what is due now, record what was shown, say when to look again.
//! The window's engine, the test host and `ponte remind --once` all run this; only how a notification
//! is shown differs (the caller's `show`).
//!
//! A reminder is recorded only once it was shown: if the desktop refused it (no notification service,
//! a D-Bus error), it stays due and is tried again at the next pass, instead of being lost.

use chrono::NaiveDateTime;

use crate::db::Db;
use crate::error::Result;
use crate::expiries::{self, Expiry};
use crate::reminders;

/// How soon to try again after a notification could not be shown.
pub const RETRY_AFTER: chrono::Duration = chrono::Duration::minutes(10);

pub struct Pass {
    /// What was shown (and recorded), with its kind (`expiring` or `expired`).
    pub shown: Vec<(Expiry, &'static str)>,
    /// How many could not be shown (still due).
    pub failed: usize,
    /// When the next reminder is due (or the retry of a failed one), if any.
    pub next: Option<NaiveDateTime>,
}

/// Shows every reminder due at `now` through `show` (Err: not shown) and records the shown ones.
pub fn fire_due(
    db: &Db,
    now: NaiveDateTime,
    mut show: impl FnMut(&Expiry, &'static str) -> std::result::Result<(), String>,
) -> Result<Pass> {
    let creds = expiries::credentials(db)?;
    let settings = expiries::reminder_settings(db)?;
    let mut sent = expiries::sent(db)?;
    let due = reminders::due(&creds, &settings.thresholds, &sent, &settings.quiet_hours, now);
    let list = expiries::list(db)?;
    let mut shown = Vec::new();
    let mut failed = 0;
    for d in &due {
        let Some(e) = list.iter().find(|e| e.key == d.key) else {
            continue;
        };
        let kind = if e.days_left < 0 { "expired" } else { "expiring" };
        match show(e, kind) {
            Ok(()) => {
                expiries::mark_sent(db, d)?;
                sent.insert(&d.key, d.expires_on, d.threshold);
                for t in &d.skipped {
                    sent.insert(&d.key, d.expires_on, *t);
                }
                shown.push((e.clone(), kind));
            }
            Err(err) => {
                log::warn!("reminder for {} not shown: {err}", d.key);
                failed += 1;
            }
        }
    }
    let mut next = reminders::next_wake(&creds, &settings.thresholds, &sent, &settings.quiet_hours, now);
    if failed > 0 {
        // The unshown ones are still due "now": wake for them after a pause, not in a tight loop.
        let retry = now + RETRY_AFTER;
        next = Some(next.filter(|n| *n > now).map_or(retry, |n| n.min(retry)));
    }
    Ok(Pass { shown, failed, next })
}
