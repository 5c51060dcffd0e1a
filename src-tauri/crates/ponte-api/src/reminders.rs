//! The reminder engine while a host runs: fires what is due (through the host's notifications), then
//! sleeps until the next reminder — no polling — and wakes early when tokens, expiries or settings change.

use std::sync::Arc;
use std::time::Duration;

use chrono::Local;
use ponte_core::reminder_run;

use crate::Api;

/// Longest single sleep: the monotonic clock stops while the machine is suspended, so a long sleep
/// would wake late after a resume. Waking every few hours costs nothing measurable.
const MAX_SLEEP: Duration = Duration::from_secs(6 * 3600);

/// One pass; returns how long to sleep.
pub fn tick(api: &Api) -> Duration {
    let now = Local::now().naive_local();
    let locale = api.locale();
    let pass = api.with_db(|db| reminder_run::fire_due(db, now, |e, kind| api.host.notify(locale, kind, e)));
    match pass {
        Ok(p) => {
            if !p.shown.is_empty() {
                api.host.expiries_changed();
            }
            p.next
                .and_then(|n| (n - now).to_std().ok())
                .unwrap_or(MAX_SLEEP)
                .min(MAX_SLEEP)
        }
        Err(e) => {
            log::warn!("reminders: {}", e.code);
            MAX_SLEEP
        }
    }
}

/// Runs forever; the host spawns it on its async runtime.
pub async fn run(api: Arc<Api>) {
    loop {
        let sleep = tick(&api);
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            _ = api.reminders_changed.wait() => {}
        }
    }
}
