//! The daily scheduled imports (yesterday's sales) while a host runs: sleeps until the next one and
//! wakes early when a schedule changes. Runs are registered like the window's, so they can be cancelled.
//!
//! The time of day is the user's clock (what they typed in the window). "Yesterday" is the agency's:
//! a PC set to Europe/Rome must not import São Paulo's day before it has ended there. A day counts as
//! done only when its import completed; a failed one is tried again after [`RETRY_AFTER`] (its run,
//! with the error and the fix, is in the history meanwhile).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDateTime, Utc};
use ponte_import::history::Outcome;
use ponte_import::schedule;
use ponte_import::RunOptions;
use ponte_suppliers::sales_source::Query;

use crate::Api;

/// Longest single sleep: the monotonic clock stops while the machine is suspended.
const MAX_SLEEP: Duration = Duration::from_secs(6 * 3600);

/// How long a failed scheduled import waits before it is tried again.
pub const RETRY_AFTER: chrono::Duration = chrono::Duration::minutes(30);

/// Failed scheduled imports and when each may be tried again (kept while the host runs).
#[derive(Default)]
pub struct Retries(HashMap<i64, NaiveDateTime>);

/// Runs what is due at `now`; returns when to look again.
pub async fn tick(api: &Api, now: DateTime<Utc>, retries: &mut Retries) -> Option<NaiveDateTime> {
    let local = now.with_timezone(&Local).naive_local();
    let Ok((due, next)) = api.with_db(|db| Ok(schedule::plan(&schedule::all(db)?, local))) else {
        return None;
    };
    let tz = api.with_db(|db| Ok(ponte_import::source::timezone(db))).ok()?;
    let yesterday = tz.date_of(&now)? - chrono::Duration::days(1);
    for id in due {
        if retries.0.get(&id).is_some_and(|at| *at > local) {
            continue;
        }
        let opts = RunOptions::new(
            id,
            Query::Dates {
                from: yesterday,
                to: yesterday,
            },
        );
        let completed = match crate::imports::drive(api, &opts, false, &|_| {}).await {
            Ok(s) => {
                log::info!("scheduled import of integration {id}: {}", s.outcome.as_str());
                s.outcome == Outcome::Completed
            }
            Err(e) => {
                log::warn!("scheduled import of integration {id}: {}", e.code);
                false
            }
        };
        if completed {
            retries.0.remove(&id);
            let _ = api.with_db(|db| schedule::mark_ran(db, id, local.date()));
        } else {
            retries.0.insert(id, local + RETRY_AFTER);
        }
    }
    // Schedules are removed with their integration: forget retries of ones that are gone.
    let scheduled: Vec<i64> = api
        .with_db(|db| Ok(schedule::all(db)?.iter().map(|d| d.integration_id).collect()))
        .unwrap_or_default();
    retries.0.retain(|id, _| scheduled.contains(id));
    let retry = retries.0.values().min().copied();
    match (next, retry) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Runs forever; the host spawns it on its async runtime.
pub async fn run(api: Arc<Api>) {
    let mut retries = Retries::default();
    loop {
        let next = tick(&api, Utc::now(), &mut retries).await;
        let now = Local::now().naive_local();
        let sleep = next
            .and_then(|n| (n - now).to_std().ok())
            .unwrap_or(MAX_SLEEP)
            .min(MAX_SLEEP);
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            _ = api.schedule_changed.wait() => {}
        }
    }
}
