//! The daily scheduled imports (yesterday's sales) while a host runs: sleeps until the next one and
//! wakes early when a schedule changes. Runs are registered like the window's, so they can be cancelled.

use std::sync::Arc;
use std::time::Duration;

use chrono::Local;
use ponte_import::schedule;
use ponte_import::RunOptions;
use ponte_suppliers::sales_source::Query;

use crate::Api;

/// Longest single sleep: the monotonic clock stops while the machine is suspended.
const MAX_SLEEP: Duration = Duration::from_secs(6 * 3600);

async fn tick(api: &Api) -> Duration {
    let now = Local::now().naive_local();
    let Ok((due, next)) = api.with_db(|db| Ok(schedule::plan(&schedule::all(db)?, now))) else {
        return MAX_SLEEP;
    };
    let yesterday = now.date() - chrono::Duration::days(1);
    for id in due {
        // Marked first: a failing supplier is retried tomorrow, not in a loop (the run records the error).
        let _ = api.with_db(|db| schedule::mark_ran(db, id, now.date()));
        let opts = RunOptions::new(
            id,
            Query::Dates {
                from: yesterday,
                to: yesterday,
            },
        );
        match crate::imports::drive(api, &opts, false, &|_| {}).await {
            Ok(s) => log::info!("scheduled import of integration {id}: {}", s.outcome.as_str()),
            Err(e) => log::warn!("scheduled import of integration {id}: {}", e.code),
        }
    }
    next.and_then(|n| (n - now).to_std().ok())
        .unwrap_or(MAX_SLEEP)
        .min(MAX_SLEEP)
}

/// Runs forever; the host spawns it on its async runtime.
pub async fn run(api: Arc<Api>) {
    loop {
        let sleep = tick(&api).await;
        tokio::select! {
            _ = tokio::time::sleep(sleep) => {}
            _ = api.schedule_changed.wait() => {}
        }
    }
}
