//! Configurações > Integrações: settings that belong to Ponte as a software vendor, not to one agency's
//! integration — Wooba's Developer-Token (keyring) and Wooba's public key (PEM, not a secret).

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::secrets::{SecretId, Secrets};
use crate::settings;

const PEM_KEY: &str = "wooba.public_key_pem";

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

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct WoobaSettingsInput {
    /// Replaces the stored token when present and not blank.
    pub developer_token: Option<String>,
    pub public_key_pem: Option<String>,
}

pub fn wooba(db: &Db, store: &Secrets) -> Result<WoobaSettings> {
    Ok(WoobaSettings {
        developer_token_set: store.exists(&developer_token_id())?,
        public_key_pem: settings::get(db, PEM_KEY)?,
    })
}

pub fn set_wooba(db: &Db, store: &Secrets, input: &WoobaSettingsInput) -> Result<WoobaSettings> {
    if let Some(pem) = input.public_key_pem.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        if !pem.starts_with("-----BEGIN") || !pem.contains("PUBLIC KEY-----") {
            return Err(CoreError::invalid("public_key_pem", "error.settings.pem"));
        }
        settings::set(db, PEM_KEY, pem)?;
    }
    if let Some(token) = input
        .developer_token
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        store.put(&developer_token_id(), &SecretString::from(token.to_string()))?;
    }
    wooba(db, store)
}

/// Token and key for a Wooba call, or which of them is missing.
pub fn wooba_credentials(db: &Db, store: &Secrets) -> Result<(Option<SecretString>, Option<String>)> {
    Ok((store.get(&developer_token_id())?, settings::get(db, PEM_KEY)?))
}
