//! What every command shares: the open database, or the reason it could not be opened.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use ponte_core::db::Db;
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::{CoreError, ErrorReply};
use tokio_util::sync::CancellationToken;

pub struct AppState {
    pub data_dir: PathBuf,
    db: Result<Mutex<Db>, ErrorReply>,
    /// Cancel switches of the imports running now, by integration.
    pub imports: Mutex<HashMap<i64, CancellationToken>>,
}

impl AppState {
    /// Opens the data folder and database; a failure is kept and shown by the window, not a crash.
    pub fn open(data_dir: PathBuf) -> Self {
        let db = ponte_core::data_dir::prepare(&data_dir)
            .and_then(|_| Db::open(&data_dir))
            .map(Mutex::new)
            .map_err(|e| {
                log::error!("start-up failed: {e}");
                e.reply()
            });
        if let Ok(db) = &db {
            let g = db.lock().unwrap_or_else(|p| p.into_inner());
            // A run still "running" whose process is gone (crash, power cut) is recorded as interrupted.
            if let Err(e) = ponte_import::lock::reconcile(&g) {
                log::warn!("could not close interrupted runs: {}", e.code());
            }
        }
        Self {
            data_dir,
            db,
            imports: Mutex::new(HashMap::new()),
        }
    }

    /// The OS keyring, or why it cannot be used (the user sees what to do).
    pub fn secrets(&self) -> Result<Secrets, ErrorReply> {
        Secrets::native(SERVICE).map_err(|e| {
            log::warn!("keyring unavailable: {}", e.code());
            CoreError::from(e).reply()
        })
    }

    /// Like [`Self::with_db`], for work that needs a transaction.
    pub fn with_db_mut<T>(&self, f: impl FnOnce(&mut Db) -> Result<T, CoreError>) -> Result<T, ErrorReply> {
        let db = self.db.as_ref().map_err(Clone::clone)?;
        let mut guard: MutexGuard<'_, Db> = db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard).map_err(|e| {
            log::warn!("command failed: {}", e.code());
            e.reply()
        })
    }

    /// The database lock itself, for long work (imports) that takes it page by page.
    pub fn db_mutex(&self) -> Result<&Mutex<Db>, ErrorReply> {
        self.db.as_ref().map_err(Clone::clone)
    }

    pub fn startup_error(&self) -> Option<ErrorReply> {
        self.db.as_ref().err().cloned()
    }

    /// Runs `f` with the database; a poisoned lock means an earlier command panicked mid-way,
    /// and SQLite's own transactions keep the file consistent, so it is safe to go on.
    pub fn with_db<T>(&self, f: impl FnOnce(&Db) -> Result<T, CoreError>) -> Result<T, ErrorReply> {
        let db = self.db.as_ref().map_err(Clone::clone)?;
        let guard: MutexGuard<'_, Db> = db.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard).map_err(|e| {
            // Codes only: inputs may be personal data and, in later screens, secrets.
            log::warn!("command failed: {}", e.code());
            e.reply()
        })
    }
}
