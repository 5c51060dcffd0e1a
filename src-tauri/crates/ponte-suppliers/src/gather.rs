//! Builds a connection test's input from a form draft and/or a saved integration: typed secrets win,
//! the rest come from the keyring, then the supplier adds what it needs from outside the form
//! ([`crate::Supplier::prepare`]). Runs under the database lock; the HTTP call happens after it.

use std::collections::BTreeMap;

use ponte_core::db::Db;
use ponte_core::integration_types::{self, IntegrationType};
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::secrets::Secrets;
use ponte_core::{CoreError, FieldIssue};
use secrecy::SecretString;

use crate::registry;
use crate::supplier::Form;

pub fn test_input(
    db: &Db,
    store: &Secrets,
    id: Option<i64>,
    draft: Option<&IntegrationInput>,
) -> Result<Form, CoreError> {
    let saved = id.map(|id| integrations::get(db, id)).transpose()?;
    let (ty, values): (IntegrationType, BTreeMap<String, String>) = match (draft, &saved) {
        (Some(d), _) => {
            let mut issues: Vec<FieldIssue> = Vec::new();
            let values = integration_types::validate_values(&registry::spec(d.ty), &d.values, &mut issues);
            if !issues.is_empty() {
                return Err(CoreError::Invalid(issues));
            }
            (d.ty, values)
        }
        (None, Some(s)) => (s.ty, s.values.clone()),
        (None, None) => return Err(CoreError::NotFound),
    };
    let mut secrets = match &saved {
        Some(s) => integrations::load_secrets(db, store, s.id)?,
        None => BTreeMap::new(),
    };
    if let Some(d) = draft {
        for (k, v) in &d.secrets {
            let v = v.trim();
            if !v.is_empty() {
                secrets.insert(k.clone(), SecretString::from(v.to_string()));
            }
        }
    }
    let mut form = Form { ty, values, secrets };
    registry::get(ty).prepare(db, store, saved.as_ref().map(|s| s.id), &mut form)?;
    Ok(form)
}
