//! The only door to the OS keyring (Secret Service on Linux, Keychain on macOS, Credential Manager on
//! Windows, chosen by the `keyring` crate). Secrets are addressed by ids Ponte makes, never by
//! user-visible names, and there is no plaintext fallback: a missing or locked keyring is an error.

use std::collections::BTreeMap;
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use secrecy::{ExposeSecret, SecretString};

/// Keyring service under which every Ponte secret is filed.
pub const SERVICE: &str = "io.ponte.desktop";

/// Stable key of one secret, e.g. `integration/7/password`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretId(String);

impl SecretId {
    pub fn new(owner: &str, owner_id: i64, field: &str) -> Self {
        Self(format!("{owner}/{owner_id}/{field}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum SecretError {
    /// No keyring service could be reached (no D-Bus session, no Secret Service daemon).
    #[error("no keyring is available: {0}")]
    Unavailable(String),
    /// The keyring exists but is locked, or the user refused access.
    #[error("the keyring is locked")]
    Locked,
    #[error("the keyring refused the operation: {0}")]
    Failure(String),
}

impl SecretError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unavailable(_) => "keyring_unavailable",
            Self::Locked => "keyring_locked",
            Self::Failure(_) => "keyring_failure",
        }
    }

    pub fn detail(&self) -> String {
        match self {
            Self::Unavailable(d) | Self::Failure(d) => d.clone(),
            Self::Locked => String::new(),
        }
    }
}

// keyring errors never contain the secret itself, but may contain bytes of a badly encoded one:
// those variants are reduced to their names.
fn map_err(e: KeyringError) -> SecretError {
    match e {
        KeyringError::NoStorageAccess(_) => SecretError::Locked,
        KeyringError::NoDefaultStore => SecretError::Unavailable("no default credential store".into()),
        KeyringError::PlatformFailure(p) => SecretError::Unavailable(p.to_string()),
        KeyringError::BadEncoding(_) => SecretError::Failure("stored value is not UTF-8".into()),
        KeyringError::BadDataFormat(_, _) => SecretError::Failure("stored value has a bad format".into()),
        other => SecretError::Failure(other.to_string()),
    }
}

/// Secrets in one keyring store, under one service name.
#[derive(Clone)]
pub struct Secrets {
    store: Arc<CredentialStore>,
    service: String,
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Secrets").field("service", &self.service).finish()
    }
}

impl Secrets {
    /// The platform's keyring. `service` is [`SERVICE`] in the app; tests pass their own to stay apart.
    pub fn native(service: &str) -> Result<Self, SecretError> {
        if let Err(e) = keyring::Entry::store_status() {
            return Err(match e {
                KeyringError::NoStorageAccess(_) => SecretError::Locked,
                other => SecretError::Unavailable(other.to_string()),
            });
        }
        let store = keyring_core::get_default_store().ok_or_else(|| map_err(KeyringError::NoDefaultStore))?;
        Ok(Self::in_store(store, service))
    }

    /// Any keyring-core store (the mock store in fault tests).
    pub fn in_store(store: Arc<CredentialStore>, service: &str) -> Self {
        Self {
            store,
            service: service.to_string(),
        }
    }

    fn entry(&self, id: &SecretId) -> Result<Entry, SecretError> {
        Entry::new_in_store(&self.store, &self.service, id.as_str()).map_err(map_err)
    }

    pub fn put(&self, id: &SecretId, secret: &SecretString) -> Result<(), SecretError> {
        self.entry(id)?.set_password(secret.expose_secret()).map_err(map_err)
    }

    pub fn get(&self, id: &SecretId) -> Result<Option<SecretString>, SecretError> {
        match self.entry(id)?.get_password() {
            Ok(s) => Ok(Some(SecretString::from(s))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(map_err(e)),
        }
    }

    /// Deleting a secret that is not there is not an error: the wanted state is reached.
    pub fn delete(&self, id: &SecretId) -> Result<(), SecretError> {
        match self.entry(id)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(map_err(e)),
        }
    }

    pub fn exists(&self, id: &SecretId) -> Result<bool, SecretError> {
        Ok(self.get(id)?.is_some())
    }

    /// Writes, reads back and deletes a throw-away secret: proves the keyring works end to end.
    pub fn probe(&self) -> Result<(), SecretError> {
        let id = SecretId::new("probe", std::process::id() as i64, "doctor");
        self.put(&id, &SecretString::from("ponte-probe"))?;
        let back = self.get(&id)?;
        self.delete(&id)?;
        match back {
            Some(s) if s.expose_secret() == "ponte-probe" => Ok(()),
            _ => Err(SecretError::Failure("value read back differs".into())),
        }
    }
}

/// A secret typed in the window, as a command's argument (`token_add`'s token): read from a JSON string,
/// `string` for TypeScript, never serialized back, `[REDACTED]` in Debug. Inside a struct, use
/// `SecretString` itself with `#[ts(type = "string")]` (see `IntegrationInput`).
#[derive(Clone, serde::Deserialize)]
#[serde(transparent)]
pub struct SecretInput(pub SecretString);

impl SecretInput {
    pub fn into_secret(self) -> SecretString {
        self.0
    }

    /// For code that cleans or sends it (never for logs).
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl std::fmt::Debug for SecretInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretInput([REDACTED])")
    }
}

impl ts_rs::TS for SecretInput {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(_: &ts_rs::Config) -> String {
        "string".into()
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

/// `serialize_with` for a map of typed secrets in a struct that is also sent to the window (a draft):
/// always an empty object, whatever it holds. Secrets travel window → backend only.
pub fn serialize_none<S: serde::Serializer>(
    _: &BTreeMap<String, SecretString>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    serializer.serialize_map(Some(0))?.end()
}
