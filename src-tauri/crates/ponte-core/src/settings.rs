//! Small key/value application settings stored in SQLite (language, later reminder thresholds…).

use rusqlite::OptionalExtension;

use crate::db::Db;
use crate::error::Result;

pub const LOCALE: &str = "locale";

pub fn get(db: &Db, key: &str) -> Result<Option<String>> {
    Ok(db
        .conn()
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub fn set(db: &Db, key: &str, value: &str) -> Result<()> {
    db.conn().execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// The saved language, else the OS language.
pub fn locale(db: &Db) -> Result<crate::i18n::Locale> {
    Ok(match get(db, LOCALE)? {
        Some(tag) => crate::i18n::Locale::from_tag(&tag),
        None => crate::i18n::Locale::detect(),
    })
}
