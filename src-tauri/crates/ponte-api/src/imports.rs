//! Imports and previews running now, by integration: at most one per integration, and each can be
//! cancelled from anywhere (the window's button, the schedule, quitting).

use std::collections::HashMap;
use std::sync::Mutex;

use ponte_core::ErrorReply;
use ponte_import::{Progress, RunOptions, RunSummary};
use tokio_util::sync::CancellationToken;

use crate::Api;

#[derive(Default)]
pub struct ImportRegistry(Mutex<HashMap<i64, CancellationToken>>);

/// Removes its integration from the registry when the run ends, however it ends.
pub struct Running<'a> {
    registry: &'a ImportRegistry,
    integration_id: i64,
    pub cancel: CancellationToken,
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.registry.lock().remove(&self.integration_id);
    }
}

impl ImportRegistry {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, CancellationToken>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Registers a run for `integration_id`, or refuses if one is running.
    pub fn begin(&self, integration_id: i64) -> Result<Running<'_>, ponte_import::ImportError> {
        let mut running = self.lock();
        if running.contains_key(&integration_id) {
            return Err(ponte_import::ImportError::AlreadyRunning);
        }
        let cancel = CancellationToken::new();
        running.insert(integration_id, cancel.clone());
        Ok(Running {
            registry: self,
            integration_id,
            cancel,
        })
    }

    /// Asks the run of `integration_id` to stop after its page; false when none runs.
    pub fn cancel(&self, integration_id: i64) -> bool {
        self.lock()
            .get(&integration_id)
            .map(CancellationToken::cancel)
            .is_some()
    }

    pub fn cancel_all(&self) {
        self.lock().values().for_each(CancellationToken::cancel);
    }

    pub fn is_running(&self, integration_id: i64) -> bool {
        self.lock().contains_key(&integration_id)
    }
}

/// Runs (or previews, with `dry_run`) an import registered in [`Api::imports`].
pub async fn drive(
    api: &Api,
    opts: &RunOptions,
    dry_run: bool,
    report: &(dyn Fn(&Progress) + Sync),
) -> Result<RunSummary, ErrorReply> {
    let store = api.secrets()?;
    let db = api.db_mutex()?;
    let running = api.imports.begin(opts.integration_id).map_err(|e| e.reply())?;
    let result = if dry_run {
        ponte_import::preview(db, &store, opts, &running.cancel, report).await
    } else {
        ponte_import::run(db, &store, opts, &running.cancel, report).await
    };
    drop(running);
    result.map_err(|e| {
        log::warn!("import could not start: {}", e.code());
        e.reply()
    })
}
