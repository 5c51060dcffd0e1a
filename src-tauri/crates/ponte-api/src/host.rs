//! [`Api`]: what every command runs against. The database and keyring are the core's; the few things
//! only a host can do (clipboard, notifications, start with the system, a save dialog) are asked of
//! the host through [`HostServices`], so the same commands run in the window and in the test host.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use ponte_core::db::Db;
use ponte_core::expiries::Expiry;
use ponte_core::i18n::Locale;
use ponte_core::secrets::Secrets;
use ponte_core::{CoreError, ErrorReply};
use secrecy::SecretString;
use tokio::sync::Notify;

use crate::demo::Demo;
use crate::imports::ImportRegistry;

/// What the commands need from the program hosting them.
pub trait HostServices: Send + Sync {
    /// Puts a secret on the clipboard (kept out of clipboard history) and clears it after `clear_after`
    /// if it is still there.
    fn copy_secret(&self, secret: SecretString, clear_after: Duration) -> Result<(), String>;
    /// Shows a desktop notification about a credential (`kind`: expiring, expired, rejected); Err when
    /// the desktop did not take it (the reminder is then tried again later, not recorded as sent).
    fn notify(&self, locale: Locale, kind: &str, expiry: &Expiry) -> Result<(), String>;
    /// Whether Ponte starts with the system; `Some(on)` changes it first.
    fn autostart(&self, set: Option<bool>) -> Result<bool, String>;
    /// Asks the user where to save a file; `None` when they cancel.
    fn save_path(&self, suggested_name: &str, extension: &str) -> Option<PathBuf>;
    /// The tray (or any other summary of expiries) should be redrawn.
    fn expiries_changed(&self) {}
}

/// Wakes a sleeping background task (reminders, scheduled imports) after a change it depends on.
#[derive(Clone, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    pub fn poke(&self) {
        self.0.notify_one();
    }

    pub async fn wait(&self) {
        self.0.notified().await
    }
}

pub struct Api {
    pub data_dir: PathBuf,
    db: Result<Mutex<Db>, ErrorReply>,
    keyring_service: String,
    /// Imports and previews running now (from the window or the schedule), so any can be cancelled.
    pub imports: ImportRegistry,
    pub demo: Demo,
    /// Poked when tokens, expiries or reminder settings change.
    pub reminders_changed: Wake,
    /// Poked when a daily import schedule changes.
    pub schedule_changed: Wake,
    pub host: Box<dyn HostServices>,
}

impl Api {
    /// Opens the data folder and database; a failure is kept and shown by the window, not a crash.
    /// Secrets are filed in the OS keyring under `keyring_service`.
    pub fn open(data_dir: PathBuf, keyring_service: &str, host: Box<dyn HostServices>) -> Self {
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
            keyring_service: keyring_service.to_owned(),
            imports: ImportRegistry::default(),
            demo: Demo::default(),
            reminders_changed: Wake::default(),
            schedule_changed: Wake::default(),
            host,
        }
    }

    /// The OS keyring, or why it cannot be used (the user sees what to do). Asked each time, so a
    /// keyring unlocked after start is usable without a restart.
    pub fn secrets(&self) -> Result<Secrets, ErrorReply> {
        Secrets::native(&self.keyring_service).map_err(|e| {
            log::warn!("keyring unavailable: {}", e.code());
            CoreError::from(e).reply()
        })
    }

    pub fn startup_error(&self) -> Option<ErrorReply> {
        self.db.as_ref().err().cloned()
    }

    /// The database lock itself, for long work (imports) that takes it page by page.
    pub fn db_mutex(&self) -> Result<&Mutex<Db>, ErrorReply> {
        self.db.as_ref().map_err(Clone::clone)
    }

    /// Runs `f` with the database; a poisoned lock means an earlier command panicked mid-way, and
    /// SQLite's own transactions keep the file consistent, so it is safe to go on.
    pub fn with_db<T>(&self, f: impl FnOnce(&Db) -> Result<T, CoreError>) -> Result<T, ErrorReply> {
        let db = self.db_mutex()?;
        let guard: MutexGuard<'_, Db> = db.lock().unwrap_or_else(|p| p.into_inner());
        f(&guard).map_err(logged)
    }

    /// Like [`Self::with_db`], for work that needs a transaction.
    pub fn with_db_mut<T>(&self, f: impl FnOnce(&mut Db) -> Result<T, CoreError>) -> Result<T, ErrorReply> {
        let db = self.db_mutex()?;
        let mut guard: MutexGuard<'_, Db> = db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard).map_err(logged)
    }

    /// Runs `f` with the shared database itself, for core functions (`*_shared`) that lock it only for
    /// their short database steps and talk to the keyring between them: a keyring waiting on an unlock
    /// prompt stalls neither the other commands nor a running import.
    pub fn with_shared_db<T>(&self, f: impl FnOnce(&Mutex<Db>) -> Result<T, CoreError>) -> Result<T, ErrorReply> {
        f(self.db_mutex()?).map_err(logged)
    }

    /// The user's language (the OS's until they choose).
    pub fn locale(&self) -> Locale {
        self.with_db(ponte_core::settings::locale)
            .unwrap_or_else(|_| Locale::detect())
    }
}

fn logged(e: CoreError) -> ErrorReply {
    // Codes only: inputs may be personal data or secrets.
    log::warn!("command failed: {}", e.code());
    e.reply()
}
