//! Configurações > Integrações: settings that belong to Ponte as a software vendor, not to one agency's
//! integration — Wooba's Developer-Token (keyring) and Wooba's public key (PEM, not a secret).

use std::sync::Mutex;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{Db, DbAccess};
use crate::error::{CoreError, Result};
use crate::secrets::{SecretId, Secrets};
use crate::settings;

/// Settings key of Wooba's public key (PEM).
pub const PEM_KEY: &str = "wooba.public_key_pem";

pub fn developer_token_id() -> SecretId {
    SecretId::new("settings", 0, "wooba_developer_token")
}

/// What the window sees: whether the token is set, never its value.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WoobaSettings {
    pub developer_token_set: bool,
    pub public_key_pem: Option<String>,
}

/// The Developer-Token is a `SecretString` (Debug shows `[REDACTED]`; never serialized), read from the
/// window's JSON string.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct WoobaSettingsInput {
    /// Replaces the stored token when present and not blank.
    #[ts(type = "string | null")]
    pub developer_token: Option<SecretString>,
    pub public_key_pem: Option<String>,
}

pub fn wooba(db: &Db, store: &Secrets) -> Result<WoobaSettings> {
    wooba_in(db, store)
}

/// [`wooba`] with the app's shared database: the key under the lock, the keyring without it.
pub fn wooba_shared(db: &Mutex<Db>, store: &Secrets) -> Result<WoobaSettings> {
    wooba_in(db, store)
}

/// The same, with the database from wherever the caller has it ([`DbAccess`]).
pub fn wooba_in(mut db: impl DbAccess, store: &Secrets) -> Result<WoobaSettings> {
    let public_key_pem = db.with(|db| settings::get(db, PEM_KEY))?;
    Ok(WoobaSettings {
        developer_token_set: store.exists(&developer_token_id())?,
        public_key_pem,
    })
}

pub fn set_wooba(db: &Db, store: &Secrets, input: &WoobaSettingsInput) -> Result<WoobaSettings> {
    set_wooba_in(db, store, input)
}

/// [`set_wooba`] with the app's shared database, locked only for the short database steps.
pub fn set_wooba_shared(db: &Mutex<Db>, store: &Secrets, input: &WoobaSettingsInput) -> Result<WoobaSettings> {
    set_wooba_in(db, store, input)
}

/// The same, with the database from wherever the caller has it ([`DbAccess`]).
pub fn set_wooba_in(mut db: impl DbAccess, store: &Secrets, input: &WoobaSettingsInput) -> Result<WoobaSettings> {
    let pem = input.public_key_pem.as_deref().map(str::trim).filter(|p| !p.is_empty());
    if let Some(pem) = pem {
        if !pem.starts_with("-----BEGIN") || !pem.contains("PUBLIC KEY-----") {
            return Err(CoreError::invalid("public_key_pem", "error.settings.pem"));
        }
    }
    if let Some(token) = input
        .developer_token
        .as_ref()
        .map(|t| t.expose_secret().trim())
        .filter(|t| !t.is_empty())
    {
        store.put(&developer_token_id(), &SecretString::from(token.to_string()))?;
    }
    if let Some(pem) = pem {
        db.with(|db| settings::set(db, PEM_KEY, pem))?;
    }
    wooba_in(db, store)
}

/// Token and key for a Wooba call, or which of them is missing.
pub fn wooba_credentials(db: &Db, store: &Secrets) -> Result<(Option<SecretString>, Option<String>)> {
    Ok((store.get(&developer_token_id())?, settings::get(db, PEM_KEY)?))
}
