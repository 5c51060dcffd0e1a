//! The secrets module against the real Secret Service (gnome-keyring in a throw-away D-Bus session; the
//! test script starts it). Fails, never skips, when no keyring is reachable.

use ponte_core::secrets::{SecretId, Secrets};
use secrecy::{ExposeSecret, SecretString};

fn secrets() -> Secrets {
    // A service name of its own keeps test entries apart from a developer's real Ponte secrets.
    let service = format!("io.ponte.desktop.test.{}", std::process::id());
    Secrets::native(&service).expect("a Secret Service keyring must be running (see .ci/test-all)")
}

#[test]
fn put_get_exists_delete() {
    let s = secrets();
    let id = SecretId::new("integration", 42, "password");
    assert!(!s.exists(&id).unwrap());
    s.put(&id, &SecretString::from("s3nh@ çom acento")).unwrap();
    assert!(s.exists(&id).unwrap());
    assert_eq!(s.get(&id).unwrap().unwrap().expose_secret(), "s3nh@ çom acento");
    s.put(&id, &SecretString::from("outra")).unwrap();
    assert_eq!(s.get(&id).unwrap().unwrap().expose_secret(), "outra");
    s.delete(&id).unwrap();
    assert!(!s.exists(&id).unwrap());
    s.delete(&id).unwrap();
}

#[test]
fn probe_leaves_nothing_behind() {
    let s = secrets();
    s.probe().unwrap();
    assert!(!s
        .exists(&SecretId::new("probe", std::process::id() as i64, "doctor"))
        .unwrap());
}

#[test]
fn secret_values_never_appear_in_debug_output() {
    let secret = SecretString::from("hunter2-very-secret");
    assert!(!format!("{secret:?}").contains("hunter2"));
    assert!(!format!("{:?}", secrets()).contains("hunter2"));
}
