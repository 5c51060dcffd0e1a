use ponte_core::ErrorReply;
use ponte_import::history::{self, ImportIssue, ImportRun};
use ponte_import::{Progress, RunOptions, RunSummary};

use crate::events::Events;
use crate::request as rq;
use crate::Api;

pub async fn preview(api: &Api, r: rq::import_preview, ev: Events<'_, Progress>) -> Result<RunSummary, ErrorReply> {
    let q = r.query.check().map_err(|e| e.reply())?;
    crate::imports::drive(api, &RunOptions::new(r.integration_id, q), true, &|p| ev.send(p)).await
}

pub async fn run(api: &Api, r: rq::import_run, ev: Events<'_, Progress>) -> Result<RunSummary, ErrorReply> {
    let q = r.query.check().map_err(|e| e.reply())?;
    crate::imports::drive(api, &RunOptions::new(r.integration_id, q), false, &|p| ev.send(p)).await
}

pub async fn resume(api: &Api, r: rq::import_resume, ev: Events<'_, Progress>) -> Result<RunSummary, ErrorReply> {
    let integration_id = api.with_db(|db| history::get(db, r.run_id).map(|run| run.integration_id))?;
    crate::imports::drive(api, &RunOptions::resume(integration_id, r.run_id), false, &|p| {
        ev.send(p)
    })
    .await
}

pub async fn cancel(api: &Api, r: rq::import_cancel) -> Result<bool, ErrorReply> {
    Ok(api.imports.cancel(r.integration_id))
}

pub async fn runs(api: &Api, r: rq::import_runs) -> Result<Vec<ImportRun>, ErrorReply> {
    // A run whose process is gone (a killed `ponte import`) reads as interrupted: it can be continued.
    api.with_db(|db| {
        ponte_import::lock::reconcile(db)?;
        history::list(db, r.integration_id, 200)
    })
}

pub async fn issues(api: &Api, r: rq::import_issues) -> Result<Vec<ImportIssue>, ErrorReply> {
    api.with_db(|db| history::issues(db, r.run_id))
}

pub async fn schedule_get(api: &Api, r: rq::import_schedule_get) -> Result<Option<String>, ErrorReply> {
    api.with_db(|db| ponte_import::schedule::get(db, r.integration_id))
}

pub async fn schedule_set(api: &Api, r: rq::import_schedule_set) -> Result<(), ErrorReply> {
    api.with_db(|db| ponte_import::schedule::set(db, r.integration_id, r.time.as_deref()))?;
    api.schedule_changed.poke();
    Ok(())
}

pub async fn window_get(api: &Api, r: rq::import_window_get) -> Result<u32, ErrorReply> {
    api.with_db(|db| ponte_import::windows::get(db, r.integration_id))
}

pub async fn window_set(api: &Api, r: rq::import_window_set) -> Result<u32, ErrorReply> {
    api.with_db(|db| ponte_import::windows::set(db, r.integration_id, r.days))
}
