//! Keyring faults the real daemon cannot be made to produce on demand, through keyring-core's mock store.
//! (A separate test binary: the mock becomes this process's default store.)

use keyring_core::mock;
use keyring_core::{Entry, Error as KeyringError};
use ponte_core::secrets::{SecretError, SecretId, Secrets, SERVICE};
use ponte_core::CoreError;
use secrecy::SecretString;

fn fail_next(id: &SecretId, err: KeyringError, store: &std::sync::Arc<keyring_core::CredentialStore>) {
    let entry = Entry::new_in_store(store, SERVICE, id.as_str()).unwrap();
    let cred: &mock::Cred = entry.as_any().downcast_ref().unwrap();
    cred.set_error(err);
}

#[test]
fn locked_and_missing_keyrings_are_typed_errors_with_a_fix() {
    let store: std::sync::Arc<keyring_core::CredentialStore> = mock::Store::new().unwrap();
    let s = Secrets::in_store(store.clone(), SERVICE);
    let id = SecretId::new("integration", 1, "password");

    fail_next(
        &id,
        KeyringError::NoStorageAccess(Box::new(std::io::Error::other("locked"))),
        &store,
    );
    let e = s.put(&id, &SecretString::from("x")).unwrap_err();
    assert!(matches!(e, SecretError::Locked));
    let reply = CoreError::from(e).reply();
    assert_eq!(reply.code, "keyring_locked");
    assert_eq!(reply.key, "error.keyring_locked");

    fail_next(
        &id,
        KeyringError::PlatformFailure(Box::new(std::io::Error::other("dbus gone"))),
        &store,
    );
    let e = s.get(&id).unwrap_err();
    assert!(matches!(e, SecretError::Unavailable(ref d) if d.contains("dbus gone")));
    assert_eq!(CoreError::from(e).reply().code, "keyring_unavailable");

    fail_next(&id, KeyringError::BadEncoding(b"secret-bytes".to_vec()), &store);
    let e = s.get(&id).unwrap_err();
    assert!(
        !format!("{e:?} {e}").contains("secret-bytes"),
        "error text must not carry stored bytes"
    );
}
