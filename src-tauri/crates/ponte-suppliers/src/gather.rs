//! Builds a connection test's input from a form draft and/or a saved integration: typed secrets win,
//! the rest come from the keyring, then the supplier adds what it needs from outside the form
//! ([`crate::Supplier::prepare`]). The HTTP call happens after it, without the database.
//!
//! A stored secret only ever goes where it was saved for. With an id *and* a draft, the saved secrets
//! (and what `prepare` adds for the saved integration, e.g. its API token) are used only when the draft
//! has the saved type and the same destination: the origin (scheme, host, port) of every address field
//! and every host-name part ([`Rule::Subdomain`]). Otherwise the draft is tested as a new one: each
//! required secret must be typed again (a field error, `error.integration.secret_for_new_address`,
//! before anything is sent), and a typed secret goes, as for any new draft, with what the supplier adds
//! for a new draft (Wooba's vendor Developer-Token).

use std::collections::BTreeMap;
use std::sync::Mutex;

use ponte_core::db::{Db, DbAccess};
use ponte_core::integration_types::{self, FieldKind, IntegrationType, IntegrationTypeSpec, Rule};
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::secrets::Secrets;
use ponte_core::{CoreError, FieldIssue};
use secrecy::{ExposeSecret, SecretString};

use crate::registry;
use crate::supplier::Form;

pub fn test_input(
    db: &Db,
    store: &Secrets,
    id: Option<i64>,
    draft: Option<&IntegrationInput>,
) -> Result<Form, CoreError> {
    test_input_in(db, store, id, draft)
}

/// [`test_input`] with the app's shared database: the stored secrets are read from the keyring without
/// holding it.
pub fn test_input_shared(
    db: &Mutex<Db>,
    store: &Secrets,
    id: Option<i64>,
    draft: Option<&IntegrationInput>,
) -> Result<Form, CoreError> {
    test_input_in(db, store, id, draft)
}

/// Where a form's requests go: the origin of each address field and each host-name part, in the
/// declaration's order. Two forms of one type with equal destinations talk to the same host.
fn destination(spec: &IntegrationTypeSpec, values: &BTreeMap<String, String>) -> Vec<String> {
    spec.fields
        .iter()
        .filter_map(|f| {
            let v = values.get(&f.key).map(|v| v.trim()).unwrap_or("");
            if f.kind == FieldKind::Url {
                Some(match url::Url::parse(v) {
                    Ok(u) if !v.is_empty() => u.origin().ascii_serialization(),
                    _ => v.to_ascii_lowercase(),
                })
            } else if f.rule == Rule::Subdomain {
                Some(v.to_ascii_lowercase())
            } else {
                None
            }
        })
        .collect()
}

fn test_input_in(
    mut db: impl DbAccess,
    store: &Secrets,
    id: Option<i64>,
    draft: Option<&IntegrationInput>,
) -> Result<Form, CoreError> {
    let saved = id.map(|id| db.with(|db| integrations::get(db, id))).transpose()?;
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
    let spec = registry::spec(ty);
    let typed: BTreeMap<String, SecretString> = draft
        .map(|d| {
            d.secrets
                .iter()
                .filter(|(_, v)| !v.expose_secret().trim().is_empty())
                .map(|(k, v)| (k.clone(), SecretString::from(v.expose_secret().trim().to_string())))
                .collect()
        })
        .unwrap_or_default();
    // The saved integration whose secrets may be used: only where they were saved for.
    let trusted = saved
        .as_ref()
        .filter(|s| s.ty == ty && destination(&spec, &s.values) == destination(&spec, &values));
    if saved.is_some() && trusted.is_none() {
        let missing: Vec<FieldIssue> = spec
            .fields
            .iter()
            .filter(|f| f.kind == FieldKind::Secret && f.required && !typed.contains_key(&f.key))
            .map(|f| FieldIssue::new(&f.key, "error.integration.secret_for_new_address"))
            .collect();
        if !missing.is_empty() {
            return Err(CoreError::Invalid(missing));
        }
    }
    // The keyring, without the database.
    let mut secrets = match trusted {
        Some(s) => integrations::secrets_of(store, s)?,
        None => BTreeMap::new(),
    };
    secrets.extend(typed);
    let mut form = Form { ty, values, secrets };
    let saved_id = trusted.map(|s| s.id);
    db.with(|db| registry::get(ty).prepare(db, store, saved_id, &mut form))?;
    Ok(form)
}
