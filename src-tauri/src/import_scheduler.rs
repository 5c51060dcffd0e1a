//! Runs the daily scheduled imports (yesterday's sales) while the app or its tray is running:
//! sleeps until the next one, wakes early when a schedule changes.

use std::time::Duration;

use chrono::Local;
use ponte_import::schedule;
use ponte_import::RunOptions;
use ponte_suppliers::sales_source::Query;
use tauri::{AppHandle, Manager, Runtime};
use tokio_util::sync::CancellationToken;

use crate::reminder_engine::ReminderWake;
use crate::state::AppState;

/// Wakes the scheduler after a schedule changes.
#[derive(Clone, Default)]
pub struct ScheduleWake(pub ReminderWake);

const MAX_SLEEP: Duration = Duration::from_secs(6 * 3600);

async fn tick<R: Runtime>(app: &AppHandle<R>) -> Duration {
    let state = app.state::<AppState>();
    let now = Local::now().naive_local();
    let Ok((due, next)) = state.with_db(|db| Ok(schedule::plan(&schedule::all(db)?, now))) else {
        return MAX_SLEEP;
    };
    let yesterday = now.date() - chrono::Duration::days(1);
    for id in due {
        // Marked first: a failing supplier is retried tomorrow, not in a loop (the run records the error).
        let _ = state.with_db(|db| schedule::mark_ran(db, id, now.date()));
        let (Ok(db), Ok(store)) = (state.db_mutex(), state.secrets()) else {
            continue;
        };
        let opts = RunOptions::new(
            id,
            Query::Dates {
                from: yesterday,
                to: yesterday,
            },
        );
        match ponte_import::run(db, &store, &opts, &CancellationToken::new(), &|_| {}).await {
            Ok(s) => log::info!("scheduled import of integration {id}: {}", s.outcome.as_str()),
            Err(e) => log::warn!("scheduled import of integration {id}: {}", e.code()),
        }
    }
    next.and_then(|n| (n - now).to_std().ok())
        .unwrap_or(MAX_SLEEP)
        .min(MAX_SLEEP)
}

pub fn spawn<R: Runtime>(app: AppHandle<R>, wake: ScheduleWake) {
    tauri::async_runtime::spawn(async move {
        loop {
            let sleep = tick(&app).await;
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = wake.0 .0.notified() => {}
            }
        }
    });
}
