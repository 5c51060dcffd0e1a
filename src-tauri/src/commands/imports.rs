use ponte_core::ErrorReply;
use ponte_import::history::{self, ImportIssue, ImportRun};
use ponte_import::query::ImportQuery;
use ponte_import::{Progress, RunOptions, RunSummary};
use tauri::ipc::Channel;
use tauri::State;
use tokio_util::sync::CancellationToken;

use crate::state::AppState;

async fn drive(
    state: &AppState,
    integration_id: i64,
    query: ImportQuery,
    on_progress: Channel<Progress>,
    dry_run: bool,
) -> Result<RunSummary, ErrorReply> {
    let q = query.check().map_err(|e| e.reply())?;
    let store = state.secrets()?;
    let db = state.db_mutex()?;
    let cancel = CancellationToken::new();
    {
        let mut running = state.imports.lock().unwrap_or_else(|p| p.into_inner());
        if running.contains_key(&integration_id) {
            return Err(ponte_import::ImportError::AlreadyRunning.reply());
        }
        running.insert(integration_id, cancel.clone());
    }
    let opts = RunOptions::new(integration_id, q);
    let report = |p: &Progress| {
        let _ = on_progress.send(p.clone());
    };
    let result = if dry_run {
        ponte_import::preview(db, &store, &opts, &cancel, &report).await
    } else {
        ponte_import::run(db, &store, &opts, &cancel, &report).await
    };
    state
        .imports
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&integration_id);
    result.map_err(|e| {
        log::warn!("import could not start: {}", e.code());
        e.reply()
    })
}

/// Fetches and classifies (new / changed / unchanged / flagged / unreadable) without writing.
#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    integration_id: i64,
    query: ImportQuery,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, ErrorReply> {
    drive(&state, integration_id, query, on_progress, true).await
}

/// Imports, page by page, reporting progress on the channel; resolves with the run's summary.
#[tauri::command]
pub async fn import_run(
    state: State<'_, AppState>,
    integration_id: i64,
    query: ImportQuery,
    on_progress: Channel<Progress>,
) -> Result<RunSummary, ErrorReply> {
    drive(&state, integration_id, query, on_progress, false).await
}

/// Asks the running import (or preview) of an integration to stop after the page it is writing.
#[tauri::command]
pub async fn import_cancel(state: State<'_, AppState>, integration_id: i64) -> Result<bool, ErrorReply> {
    let running = state.imports.lock().unwrap_or_else(|p| p.into_inner());
    Ok(running.get(&integration_id).map(CancellationToken::cancel).is_some())
}

#[tauri::command]
pub async fn import_runs(
    state: State<'_, AppState>,
    integration_id: Option<i64>,
) -> Result<Vec<ImportRun>, ErrorReply> {
    state.with_db(|db| history::list(db, integration_id, 200))
}

#[tauri::command]
pub async fn import_issues(state: State<'_, AppState>, run_id: i64) -> Result<Vec<ImportIssue>, ErrorReply> {
    state.with_db(|db| history::issues(db, run_id))
}

/// The daily import time ("07:00") of an integration, if any.
#[tauri::command]
pub async fn import_schedule_get(
    state: State<'_, AppState>,
    integration_id: i64,
) -> Result<Option<String>, ErrorReply> {
    state.with_db(|db| ponte_import::schedule::get(db, integration_id))
}

/// Sets (or clears, with null) the daily import of yesterday's sales at `time`.
#[tauri::command]
pub async fn import_schedule_set(
    state: State<'_, AppState>,
    wake: State<'_, crate::import_scheduler::ScheduleWake>,
    integration_id: i64,
    time: Option<String>,
) -> Result<(), ErrorReply> {
    state.with_db(|db| ponte_import::schedule::set(db, integration_id, time.as_deref()))?;
    wake.0.poke();
    Ok(())
}
