//! Builds a connection test's input from a form draft and/or a saved integration: typed secrets win,
//! the rest come from the keyring. Runs under the database lock; the HTTP call happens after it.

use std::collections::BTreeMap;

use ponte_core::db::Db;
use ponte_core::integration_types::{self, IntegrationType};
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::secrets::Secrets;
use ponte_core::{vendor_settings, CoreError, FieldIssue};
use secrecy::SecretString;

use crate::connection_test::TestInput;

pub fn test_input(
    db: &Db,
    store: &Secrets,
    id: Option<i64>,
    draft: Option<&IntegrationInput>,
) -> Result<TestInput, CoreError> {
    let saved = id.map(|id| integrations::get(db, id)).transpose()?;
    let (ty, values): (IntegrationType, BTreeMap<String, String>) = match (draft, &saved) {
        (Some(d), _) => {
            let mut issues: Vec<FieldIssue> = Vec::new();
            let values = integration_types::validate_values(&d.ty.spec(), &d.values, &mut issues);
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
    let wooba_developer = if ty == IntegrationType::Wooba {
        vendor_settings::wooba_credentials(db, store)?
    } else {
        (None, None)
    };
    // PayTourist: the token the integration uses now (Tokens de API).
    let paytourist_token = match (ty, &saved) {
        (IntegrationType::Paytourist, Some(s)) => match ponte_core::tokens::active_for_integration(db, s.id)? {
            Some(t) => Some(ponte_core::tokens::value(store, t)?),
            None => None,
        },
        _ => None,
    };
    Ok(TestInput {
        ty,
        values,
        secrets,
        wooba_developer,
        paytourist_token,
    })
}
