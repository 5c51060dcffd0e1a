//! One import per integration at a time, across processes (the app, `ponte import` from a scheduler):
//! an OS file lock, which the OS releases when its process dies — so a killed run never blocks the next
//! one, and a run found "running" while its lock is free is known to be interrupted.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use ponte_core::db::Db;
use ponte_core::CoreError;

use crate::history;

pub struct ImportLock {
    _file: File,
}

fn path(db: &Db, integration_id: i64) -> PathBuf {
    db.path()
        .parent()
        .unwrap_or(Path::new("."))
        .join("locks")
        .join(format!("import-{integration_id}.lock"))
}

/// Takes the integration's lock; `Ok(None)` when another live process holds it.
pub fn try_take(db: &Db, integration_id: i64) -> Result<Option<ImportLock>, CoreError> {
    let p = path(db, integration_id);
    let io = |e: std::io::Error| CoreError::DataDir {
        path: p.clone(),
        reason: e.to_string(),
    };
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&p)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(ImportLock { _file: file })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(io(e)),
    }
}

/// Marks as interrupted every "running" run whose process is gone (its lock is free).
pub fn reconcile(db: &Db) -> Result<usize, CoreError> {
    let mut n = 0;
    for id in history::running_integrations(db)? {
        if let Some(_lock) = try_take(db, id)? {
            n += history::mark_interrupted(db, id)?;
        }
    }
    Ok(n)
}
