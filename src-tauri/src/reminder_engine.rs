//! Runs the reminder schedule of `ponte_core::reminders`: fires what is due, records it, then sleeps
//! until the next reminder — no polling — and wakes early when tokens or settings change.

use std::time::Duration;

use chrono::Local;
use ponte_core::expiries;
use ponte_core::reminders;
use tauri::{AppHandle, Manager, Runtime};

use crate::host::ApiState;

/// Longest single sleep: the monotonic clock stops while the machine is suspended, so a long sleep
/// would wake late after a resume. Waking every few hours costs nothing measurable.
const MAX_SLEEP: Duration = Duration::from_secs(6 * 3600);

/// Fires the reminders due now; returns how long to sleep before the next one.
pub fn tick<R: Runtime>(app: &AppHandle<R>) -> Duration {
    let state = app.state::<ApiState>();
    let now = Local::now().naive_local();
    let result = state.with_db(|db| {
        let creds = expiries::credentials(db)?;
        let settings = expiries::reminder_settings(db)?;
        let sent = expiries::sent(db)?;
        let due = reminders::due(&creds, &settings.thresholds, &sent, &settings.quiet_hours, now);
        let list = expiries::list(db)?;
        let locale = ponte_core::settings::locale(db)?;
        let mut fire = Vec::new();
        for d in &due {
            expiries::mark_sent(db, d)?;
            if let Some(e) = list.iter().find(|e| e.key == d.key) {
                fire.push(e.clone());
            }
        }
        let mut sent = expiries::sent(db)?;
        for d in &due {
            sent.insert(&d.key, d.expires_on, d.threshold);
        }
        let next = reminders::next_wake(&creds, &settings.thresholds, &sent, &settings.quiet_hours, now);
        Ok((fire, next, locale))
    });
    match result {
        Ok((fire, next, locale)) => {
            for e in &fire {
                let kind = if e.days_left < 0 { "expired" } else { "expiring" };
                crate::notify::show(app, locale, kind, e);
            }
            if !fire.is_empty() {
                crate::tray::refresh(app);
            }
            next.and_then(|n| (n - now).to_std().ok())
                .unwrap_or(MAX_SLEEP)
                .min(MAX_SLEEP)
        }
        Err(e) => {
            log::warn!("reminders: {}", e.code);
            MAX_SLEEP
        }
    }
}

pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    let api = app.state::<ApiState>().inner().clone();
    tauri::async_runtime::spawn(async move {
        loop {
            let sleep = tick(&app);
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = api.reminders_changed.wait() => {}
            }
        }
    });
}
