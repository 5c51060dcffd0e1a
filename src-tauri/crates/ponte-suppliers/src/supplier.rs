//! What a supplier is to the rest of Ponte: one [`Supplier`] implementation per folder (`src/<id>/`),
//! found through [`crate::registry`]. Nothing outside a supplier's folder and the registry matches on its
//! [`IntegrationType`].
//!
//! The trait is used as `&'static dyn Supplier`, so it must stay object safe: no generic methods, no
//! `async fn`. Async work returns a [`BoxFuture`] (`Box::pin(async move { … })` in the implementation).
//! Optional capabilities are plain function pointers behind an `Option` ([`Supplier::sales`],
//! [`Supplier::tokens`]): "has sales" *is* "returns `Some`", so the capability flags the UI reads in the
//! spec (`has_sales`, `has_tokens`, set by the registry) cannot disagree with what the code does.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use ponte_core::db::Db;
use ponte_core::integration_types::{IntegrationType, IntegrationTypeSpec};
use ponte_core::secrets::Secrets;
use ponte_core::CoreError;
use secrecy::SecretString;

use crate::connection_test::TestSuccess;
use crate::http::Limits;
use crate::sales_source::Source;
use crate::SupplierError;

/// A boxed, sendable future: what the trait's async methods return (the `futures` crate's alias, without
/// the dependency).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Opens a session that pages through the supplier's sales (see [`crate::sales_source`]).
pub type OpenSales = fn(&Form, Limits) -> Result<Source, SupplierError>;

/// Verifies one API token live against the supplier, for the integration `form` (no secrets needed).
pub type VerifyToken = for<'a> fn(&'a Form, &'a SecretString, &'a Limits) -> BoxFuture<'a, Result<(), SupplierError>>;

pub trait Supplier: Send + Sync {
    /// Its id, from the one list of ids ([`IntegrationType`]).
    fn id(&self) -> IntegrationType;

    /// Its form as the user fills it (`form.rs` in its folder), without capabilities: read it through
    /// [`crate::registry::spec`], which adds them.
    fn form(&self) -> IntegrationTypeSpec;

    /// Adds to `form` what the supplier needs from outside the integration's own fields (vendor settings,
    /// the token in use), before a connection test or an import. `saved_id` is the stored integration,
    /// if any (a draft being tested has none). Runs under the database lock; no network.
    fn prepare(&self, db: &Db, store: &Secrets, saved_id: Option<i64>, form: &mut Form) -> Result<(), CoreError> {
        let _ = (db, store, saved_id, form);
        Ok(())
    }

    /// "Testar conexão": one real, harmless call with the form's values (saved or not).
    fn test_connection<'a>(
        &'a self,
        form: &'a Form,
        limits: &'a Limits,
    ) -> BoxFuture<'a, Result<TestSuccess, SupplierError>>;

    /// Capability: its sales, page by page, for Importar vendas. `None`: it has none to import.
    fn sales(&self) -> Option<OpenSales> {
        None
    }

    /// Capability: API tokens kept in Tokens de API and verified live. `None`: it has none.
    fn tokens(&self) -> Option<VerifyToken> {
        None
    }
}

/// An integration's form as a supplier reads it: its values and its secrets (from the keyring or just
/// typed), plus whatever [`Supplier::prepare`] added. Secrets stay in memory and are never logged.
#[derive(Clone)]
pub struct Form {
    pub ty: IntegrationType,
    pub values: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, SecretString>,
}

impl Form {
    pub fn new(ty: IntegrationType) -> Self {
        Self {
            ty,
            values: BTreeMap::new(),
            secrets: BTreeMap::new(),
        }
    }

    /// A value, empty when absent (required ones were checked when the form was saved or validated).
    pub fn value(&self, key: &str) -> String {
        self.values.get(key).cloned().unwrap_or_default()
    }

    /// A value that may be absent or empty (an optional field).
    pub fn optional(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(String::as_str).filter(|v| !v.is_empty())
    }

    /// A secret, or the error that names the missing field.
    pub fn secret(&self, key: &str) -> Result<SecretString, SupplierError> {
        self.secrets
            .get(key)
            .cloned()
            .ok_or_else(|| SupplierError::MissingSecret(key.into()))
    }
}
