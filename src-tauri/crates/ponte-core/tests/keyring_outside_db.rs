//! The keyring and the database around each other, with a real SQLite file and the real keyring (the test
//! script's gnome-keyring session): the keyring is never called inside an open SQLite write transaction
//! nor under the app's database lock (an unlock prompt would stall every command and make a running import
//! fail with SQLITE_BUSY), a failed commit puts the keyring back as it was, and deleting an integration
//! takes its API tokens' keyring entries with it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{CredentialStore, Entry};
use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::{SecretId, Secrets};
use ponte_core::tokens::{self, BookingUserInput, NewToken};
use ponte_core::vendor_settings::{self, WoobaSettingsInput};
use secrecy::{ExposeSecret, SecretString};

fn service() -> String {
    format!("io.ponte.desktop.test.{}", std::process::id())
}

fn person(db: &Db) -> i64 {
    people::create(
        db,
        &PersonInput {
            kind: Some(PersonKind::Company),
            name: "Hotel Bellavista".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn infotravel(person: i64, description: &str, password: &str) -> IntegrationInput {
    IntegrationInput {
        ty: IntegrationType::Infotravel,
        description: description.into(),
        person_id: Some(person),
        values: BTreeMap::from([
            ("url".to_string(), "https://bwt.infotravel.com.br".to_string()),
            ("supplier_id".to_string(), "BWT".to_string()),
            ("agency_code".to_string(), "1234".to_string()),
            ("username".to_string(), "agencia.api".to_string()),
        ]),
        secrets: BTreeMap::from([("password".to_string(), SecretString::from(password))]),
    }
}

fn paytourist(person: i64) -> IntegrationInput {
    IntegrationInput {
        ty: IntegrationType::Paytourist,
        description: "PayTourist Firenze".into(),
        person_id: Some(person),
        values: BTreeMap::from([
            ("comune".to_string(), "firenze".to_string()),
            ("structure_id".to_string(), "12".to_string()),
            ("software_id".to_string(), "77".to_string()),
        ]),
        secrets: BTreeMap::new(),
    }
}

fn spec(ty: IntegrationType) -> ponte_core::integration_types::IntegrationTypeSpec {
    ponte_suppliers::registry::spec(ty)
}

fn booking_user(db: &Db, integration: i64) -> i64 {
    tokens::create_user(
        db,
        &BookingUserInput {
            integration_id: integration,
            name: "Booking Bellavista".into(),
            email: "booking@bellavista.it".into(),
            software: None,
        },
    )
    .unwrap()
    .id
}

fn add_token(db: &mut Db, store: &Secrets, user: i64, value: &str) -> ponte_core::error::Result<i64> {
    let today = tokens::today();
    tokens::add(
        db,
        store,
        &NewToken {
            booking_user_id: user,
            name: "Gestionale",
            token: &SecretString::from(value),
            created_on: today,
            expires_on: today + chrono::Duration::days(400),
            verified_at: None,
            replaces: None,
        },
    )
    .map(|t| t.id)
}

fn value(store: &Secrets, id: &SecretId) -> Option<String> {
    store.get(id).unwrap().map(|s| s.expose_secret().to_string())
}

#[test]
fn deleting_a_paytourist_integration_removes_its_tokens_from_the_keyring() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path()).unwrap();
    let store = Secrets::native(&service()).unwrap();
    let p = person(&db);
    let i = integrations::create(&mut db, &store, &spec(IntegrationType::Paytourist), &paytourist(p))
        .unwrap()
        .integration;
    let user = booking_user(&db, i.id);
    let a = add_token(&mut db, &store, user, "1|TokenAlpha0001").unwrap();
    let b = add_token(&mut db, &store, user, "1|TokenBravo0002").unwrap();
    assert!(store.exists(&tokens::secret_id(a)).unwrap());

    integrations::delete(&mut db, &store, i.id).unwrap();
    let left: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM api_tokens", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "SQLite removed the tokens with their integration");
    for t in [a, b] {
        assert!(
            !store.exists(&tokens::secret_id(t)).unwrap(),
            "token/{t}/value outlived its integration in the keyring"
        );
    }
}

/// A failure injected at commit: a deferred foreign key that a trigger breaks. The statement itself
/// succeeds; the commit (or, outside a transaction, the end of the statement) fails.
fn fail_commits_on(db: &Db, table: &str, event: &str) {
    db.conn()
        .execute_batch(&format!(
            "CREATE TABLE IF NOT EXISTS inject_parent (id INTEGER PRIMARY KEY);
             CREATE TABLE IF NOT EXISTS inject_child (p INTEGER REFERENCES inject_parent (id) DEFERRABLE INITIALLY DEFERRED);
             CREATE TRIGGER inject_{table}_{event} AFTER {event} ON {table} BEGIN INSERT INTO inject_child VALUES (1); END;"
        ))
        .unwrap();
}

fn heal(db: &Db, table: &str, event: &str) {
    db.conn()
        .execute_batch(&format!("DROP TRIGGER inject_{table}_{event};"))
        .unwrap();
}

#[test]
fn a_failed_commit_puts_the_keyring_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path()).unwrap();
    let store = Secrets::native(&service()).unwrap();
    let p = person(&db);
    let ispec = spec(IntegrationType::Infotravel);

    // Create: the row cannot be committed → its secret is not left in the keyring.
    fail_commits_on(&db, "integrations", "INSERT");
    let err = integrations::create(&mut db, &store, &ispec, &infotravel(p, "BWT", "first-password"));
    assert!(err.is_err());
    heal(&db, "integrations", "INSERT");
    let n: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM integrations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    for id in 1..=3 {
        assert_eq!(
            value(&store, &integrations::secret_id(id, "password")),
            None,
            "orphan for id {id}"
        );
    }

    // Update: a new password written, then the commit fails → the old password is back.
    let i = integrations::create(&mut db, &store, &ispec, &infotravel(p, "BWT", "old-password"))
        .unwrap()
        .integration;
    let sid = integrations::secret_id(i.id, "password");
    fail_commits_on(&db, "integrations", "UPDATE");
    let err = integrations::update(
        &mut db,
        &store,
        &ispec,
        i.id,
        &infotravel(p, "BWT renamed", "new-password"),
    );
    assert!(err.is_err());
    heal(&db, "integrations", "UPDATE");
    assert_eq!(integrations::get(&db, i.id).unwrap().description, "BWT");
    assert_eq!(
        value(&store, &sid).as_deref(),
        Some("old-password"),
        "the keyring must agree with the row that stayed"
    );

    // Delete: secrets removed, then the row cannot be deleted → the secrets are back.
    fail_commits_on(&db, "integrations", "DELETE");
    assert!(integrations::delete(&mut db, &store, i.id).is_err());
    heal(&db, "integrations", "DELETE");
    assert!(integrations::get(&db, i.id).is_ok());
    assert_eq!(value(&store, &sid).as_deref(), Some("old-password"));
    integrations::delete(&mut db, &store, i.id).unwrap();
    assert_eq!(value(&store, &sid), None);

    // Tokens: the same on add and delete.
    let pt = integrations::create(&mut db, &store, &spec(IntegrationType::Paytourist), &paytourist(p))
        .unwrap()
        .integration;
    let user = booking_user(&db, pt.id);
    fail_commits_on(&db, "api_tokens", "INSERT");
    assert!(add_token(&mut db, &store, user, "1|NeverStored0000").is_err());
    heal(&db, "api_tokens", "INSERT");
    let t = add_token(&mut db, &store, user, "1|TokenKept00042").unwrap();
    for id in 1..t {
        assert_eq!(value(&store, &tokens::secret_id(id)), None, "orphan token/{id}/value");
    }
    fail_commits_on(&db, "api_tokens", "DELETE");
    assert!(tokens::delete(&db, &store, t).is_err());
    heal(&db, "api_tokens", "DELETE");
    assert!(tokens::token(&db, t).is_ok());
    assert_eq!(
        value(&store, &tokens::secret_id(t)).as_deref(),
        Some("1|TokenKept00042")
    );
    integrations::delete(&mut db, &store, pt.id).unwrap();
    assert_eq!(value(&store, &tokens::secret_id(t)), None);
}

/// Wraps a keyring store: before every keyring operation, checks that no SQLite write transaction is
/// open on the database file and (if given) that the app's database lock is free, and records what was not.
struct Probe {
    inner: Arc<CredentialStore>,
    check: Arc<dyn Fn(&str) + Send + Sync>,
}

struct ProbeCred {
    inner: Entry,
    check: Arc<dyn Fn(&str) + Send + Sync>,
}

impl CredentialStoreApi for Probe {
    fn vendor(&self) -> String {
        "ponte test probe".into()
    }
    fn id(&self) -> String {
        "probe".into()
    }
    fn build(
        &self,
        service: &str,
        user: &str,
        modifiers: Option<&std::collections::HashMap<&str, &str>>,
    ) -> keyring_core::Result<Entry> {
        let inner = self.inner.build(service, user, modifiers)?;
        Ok(Entry::new_with_credential(Arc::new(ProbeCred {
            inner,
            check: self.check.clone(),
        })))
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

impl CredentialApi for ProbeCred {
    fn set_secret(&self, secret: &[u8]) -> keyring_core::Result<()> {
        (self.check)("set");
        self.inner.set_secret(secret)
    }
    fn get_secret(&self) -> keyring_core::Result<Vec<u8>> {
        (self.check)("get");
        self.inner.get_secret()
    }
    fn delete_credential(&self) -> keyring_core::Result<()> {
        (self.check)("delete");
        self.inner.delete_credential()
    }
    fn get_credential(&self) -> keyring_core::Result<Option<Arc<keyring_core::Credential>>> {
        Ok(None)
    }
    fn get_specifiers(&self) -> Option<(String, String)> {
        None
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Whether another connection could start writing now (no write transaction is open on the file).
fn writable(path: &PathBuf) -> bool {
    let c = rusqlite::Connection::open(path).unwrap();
    c.busy_timeout(std::time::Duration::ZERO).unwrap();
    match c.execute_batch("BEGIN IMMEDIATE") {
        Ok(()) => {
            c.execute_batch("ROLLBACK").unwrap();
            true
        }
        Err(_) => false,
    }
}

#[test]
fn the_keyring_is_never_called_inside_a_write_transaction_nor_under_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join(ponte_core::db::DB_FILE);
    let shared: Arc<Mutex<Db>> = Arc::new(Mutex::new(Db::open(dir.path()).unwrap()));
    // The real keyring (its default store), wrapped.
    Secrets::native(&service()).unwrap();
    let native = keyring_core::get_default_store().unwrap();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let lock_probe: Arc<Mutex<Option<Arc<Mutex<Db>>>>> = Arc::default();
    let check = {
        let seen = seen.clone();
        let lock_probe = lock_probe.clone();
        let db_path = db_path.clone();
        Arc::new(move |op: &str| {
            if !writable(&db_path) {
                seen.lock()
                    .unwrap()
                    .push(format!("keyring {op} inside a write transaction"));
            }
            if let Some(m) = lock_probe.lock().unwrap().as_ref() {
                if m.try_lock().is_err() {
                    seen.lock()
                        .unwrap()
                        .push(format!("keyring {op} under the database lock"));
                }
            }
        })
    };
    let store = Secrets::in_store(Arc::new(Probe { inner: native, check }), &service());
    let ispec = spec(IntegrationType::Infotravel);

    // With a Db the caller owns (CLI): never inside a write transaction.
    {
        let mut guard = shared.lock().unwrap();
        let db: &mut Db = &mut guard;
        let p = person(db);
        let i = integrations::create(db, &store, &ispec, &infotravel(p, "BWT", "pw-1"))
            .unwrap()
            .integration;
        integrations::update(db, &store, &ispec, i.id, &infotravel(p, "BWT 2", "pw-2")).unwrap();
        let pt = integrations::create(db, &store, &spec(IntegrationType::Paytourist), &paytourist(p))
            .unwrap()
            .integration;
        let user = booking_user(db, pt.id);
        let t = add_token(db, &store, user, "1|ProbeToken0001").unwrap();
        tokens::delete(db, &store, t).unwrap();
        add_token(db, &store, user, "1|ProbeToken0002").unwrap();
        vendor_settings::set_wooba(
            db,
            &store,
            &WoobaSettingsInput {
                developer_token: Some(SecretString::from("dev-token")),
                public_key_pem: None,
            },
        )
        .unwrap();
        integrations::delete(db, &store, pt.id).unwrap();
        integrations::delete(db, &store, i.id).unwrap();
    }
    let owned: Vec<String> = std::mem::take(&mut *seen.lock().unwrap());

    // With the app's shared database: not under its lock either.
    *lock_probe.lock().unwrap() = Some(shared.clone());
    let m: &Mutex<Db> = &shared;
    let p = person(&m.lock().unwrap());
    let i = integrations::create_shared(m, &store, &ispec, &infotravel(p, "BWT", "pw-1"))
        .unwrap()
        .integration;
    integrations::update_shared(m, &store, &ispec, i.id, &infotravel(p, "BWT 2", "pw-2")).unwrap();
    let pt = integrations::create_shared(m, &store, &spec(IntegrationType::Paytourist), &paytourist(p))
        .unwrap()
        .integration;
    let user = booking_user(&m.lock().unwrap(), pt.id);
    let today = tokens::today();
    let token = SecretString::from("1|ProbeToken0003");
    assert!(!tokens::is_duplicate_shared(m, &store, &token).unwrap());
    let t = tokens::add_shared(
        m,
        &store,
        &NewToken {
            booking_user_id: user,
            name: "Gestionale",
            token: &token,
            created_on: today,
            expires_on: today + chrono::Duration::days(400),
            verified_at: None,
            replaces: None,
        },
    )
    .unwrap();
    tokens::delete_shared(m, &store, t.id).unwrap();
    vendor_settings::set_wooba_shared(
        m,
        &store,
        &WoobaSettingsInput {
            developer_token: Some(SecretString::from("dev-token")),
            public_key_pem: None,
        },
    )
    .unwrap();
    assert!(vendor_settings::wooba_shared(m, &store).unwrap().developer_token_set);
    integrations::delete_shared(m, &store, pt.id).unwrap();
    integrations::delete_shared(m, &store, i.id).unwrap();
    store.delete(&vendor_settings::developer_token_id()).unwrap();
    let shared_seen: Vec<String> = std::mem::take(&mut *seen.lock().unwrap());

    assert!(owned.is_empty(), "{owned:#?}");
    assert!(shared_seen.is_empty(), "{shared_seen:#?}");
}
