//! Keyring failures half-way through saving or deleting an integration (mock store, own process):
//! the database and the keyring never disagree.

use std::collections::BTreeMap;
use std::sync::Arc;

use keyring_core::{mock, CredentialStore, Entry, Error as KeyringError};
use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationFilter, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::{Secrets, SERVICE};

/// Saves through the core with the real declaration of the input's type (it lives with its supplier).
fn create(
    db: &mut Db,
    store: &Secrets,
    input: &IntegrationInput,
) -> ponte_core::error::Result<integrations::SaveOutcome> {
    integrations::create(db, store, &ponte_suppliers::registry::spec(input.ty), input)
}

fn update(
    db: &mut Db,
    store: &Secrets,
    id: i64,
    input: &IntegrationInput,
) -> ponte_core::error::Result<integrations::SaveOutcome> {
    integrations::update(db, store, &ponte_suppliers::registry::spec(input.ty), id, input)
}

fn fail_next(store: &Arc<CredentialStore>, id: i64, field: &str) {
    let entry = Entry::new_in_store(store, SERVICE, integrations::secret_id(id, field).as_str()).unwrap();
    let cred: &mock::Cred = entry.as_any().downcast_ref().unwrap();
    cred.set_error(KeyringError::NoStorageAccess(Box::new(std::io::Error::other("locked"))));
}

#[test]
fn keyring_failures_leave_no_orphans() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path()).unwrap();
    let store: Arc<CredentialStore> = mock::Store::new().unwrap();
    let secrets = Secrets::in_store(store.clone(), SERVICE);
    let person = people::create(
        &db,
        &PersonInput {
            kind: Some(PersonKind::Company),
            name: "BWT".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let input = IntegrationInput {
        ty: IntegrationType::Wooba,
        description: "BWT Operadora (Wooba)".into(),
        person_id: Some(person.id),
        values: BTreeMap::from([
            ("url".to_string(), "https://bwtoperadora.travellink.com.br/".to_string()),
            ("username".to_string(), "agencia".to_string()),
        ]),
        secrets: BTreeMap::from([("password".to_string(), "segredo".into())]),
    };

    // Create: the keyring is locked when the secret is written → no row is left behind.
    fail_next(&store, 1, "password");
    let err = create(&mut db, &secrets, &input).unwrap_err();
    assert_eq!(err.code(), "keyring_locked");
    assert!(integrations::list(&db, &IntegrationFilter::default())
        .unwrap()
        .is_empty());

    // Create for real, then delete with the keyring locked → the row stays and still owns its secret.
    let i = create(&mut db, &secrets, &input).unwrap().integration;
    fail_next(&store, i.id, "password");
    assert_eq!(
        integrations::delete(&mut db, &secrets, i.id).unwrap_err().code(),
        "keyring_locked"
    );
    let still = integrations::get(&db, i.id).unwrap();
    assert_eq!(still.secrets_set, vec!["password".to_string()]);
    assert!(secrets.exists(&integrations::secret_id(i.id, "password")).unwrap());

    // Update with a new password while the keyring fails → the old password and row are untouched.
    let mut edit = input.clone();
    edit.description = "renamed".into();
    edit.secrets.insert("password".into(), "nova".into());
    fail_next(&store, i.id, "password");
    assert!(update(&mut db, &secrets, i.id, &edit).is_err());
    assert_eq!(
        integrations::get(&db, i.id).unwrap().description,
        "BWT Operadora (Wooba)"
    );
    let kept = integrations::load_secrets(&db, &secrets, i.id).unwrap();
    assert_eq!(secrecy::ExposeSecret::expose_secret(&kept["password"]), "segredo");

    // Once the keyring works again, delete removes both sides.
    integrations::delete(&mut db, &secrets, i.id).unwrap();
    assert!(!secrets.exists(&integrations::secret_id(i.id, "password")).unwrap());
}
