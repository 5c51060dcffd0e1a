//! "Experimentar com dados de demonstração": the supplier simulator runs on loopback inside the app,
//! with a demo company and one demo integration per simulated supplier with sales pointing at it, so a
//! newcomer can run a real import in a minute. Everything it creates is labelled and removed together.
//! It fills each simulated supplier's form from the simulator's client info, field by field, so like the
//! simulator it names them.

use std::collections::BTreeMap;
use std::sync::Mutex;

use ponte_core::db::{Db, DbAccess};
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::Secrets;
use ponte_core::{settings, vendor_settings, CoreError};
use ponte_sim::{SimConfig, SimHandle};
use ponte_suppliers::registry;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

const KEY: &str = "demo.state";
const DEMO_BOOKINGS: usize = 3000;

#[derive(Default)]
pub struct Demo {
    sim: Mutex<Option<SimHandle>>,
}

#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct DemoStatus {
    pub active: bool,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    /// In the order they were created: the window opens Importar vendas with the first (enabled) one.
    #[ts(type = "number[]")]
    pub integration_ids: Vec<i64>,
    /// Whether the demo set the Wooba vendor settings (and must remove them).
    pub set_wooba_settings: bool,
}

pub fn status(db: &Db) -> Result<DemoStatus, CoreError> {
    Ok(settings::get(db, KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

fn config() -> SimConfig {
    let mut c = SimConfig::new(2026, DEMO_BOOKINGS).with_test_key();
    // Sales over the last six months, so "last month" always has data.
    let today = chrono::Local::now().date_naive();
    c.data.sale_start = today - chrono::Duration::days(180);
    c.data.sale_end = today;
    c
}

/// The public key the demo last put in the Wooba vendor settings (it changes with each simulator), so
/// removing the demo removes it only if the user has not replaced it.
const DEMO_PEM: &str = "demo.wooba_public_key_pem";

/// Whether Wooba's public key is still the one the demo set. A demo started before this was recorded
/// counts as still the demo's when the Developer-Token is.
fn pem_still_demos(db: &Db, token_still_demos: bool) -> Result<bool, CoreError> {
    let current = settings::get(db, vendor_settings::PEM_KEY)?;
    Ok(match settings::get(db, DEMO_PEM)? {
        Some(demo) => current.as_deref() == Some(demo.as_str()),
        None => token_still_demos && current.is_some(),
    })
}

/// Whether the stored Developer-Token is still the simulator's (the user has not entered a real one).
fn token_still_demos(store: &Secrets) -> Result<bool, CoreError> {
    let demo = config().wooba.developer_token;
    Ok(store
        .get(&vendor_settings::developer_token_id())?
        .is_some_and(|t| t.expose_secret() == demo))
}

impl Demo {
    fn ensure_sim(&self) -> Result<ponte_sim::ClientInfo, CoreError> {
        let mut guard = self.sim.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            let sim = SimHandle::start_blocking(config()).map_err(|e| CoreError::Input(e.to_string()))?;
            *guard = Some(sim);
        }
        Ok(guard.as_ref().expect("just started").client_info())
    }

    /// Creates the demo (or, after a restart, points the existing demo at a fresh simulator). The
    /// database is taken for each short step only ([`DbAccess`]): the keyring work runs without it.
    pub fn start(
        &self,
        mut db: impl DbAccess,
        store: &Secrets,
        description_suffix: &str,
    ) -> Result<DemoStatus, CoreError> {
        let info = self.ensure_sim()?;
        let mut st = db.with(status)?;
        if st.active {
            for id in &st.integration_ids {
                let i = db.with(|d| integrations::get(d, *id))?;
                let mut values = i.values.clone();
                let url = match i.ty {
                    IntegrationType::Wooba => info.wooba.url.clone(),
                    _ => info.infotravel.url.clone(),
                };
                values.insert("url".into(), url);
                integrations::update_in(
                    &mut db,
                    store,
                    &registry::spec(i.ty),
                    *id,
                    &IntegrationInput {
                        ty: i.ty,
                        description: i.description,
                        person_id: Some(i.person_id),
                        values,
                        secrets: BTreeMap::new(),
                    },
                )?;
            }
            // The simulator's Wooba key pair is made afresh in each process: give the new public key,
            // unless the user has put their own key there since.
            let token_demos = token_still_demos(store)?;
            if st.set_wooba_settings && db.with(|d| pem_still_demos(d, token_demos))? {
                vendor_settings::set_wooba_in(
                    &mut db,
                    store,
                    &vendor_settings::WoobaSettingsInput {
                        developer_token: None,
                        public_key_pem: Some(info.wooba.public_key_pem.clone()),
                    },
                )?;
                db.with(|d| settings::set(d, DEMO_PEM, info.wooba.public_key_pem.trim()))?;
            }
            return Ok(st);
        }
        let person = db.with(|d| {
            people::create(
                d,
                &PersonInput {
                    kind: Some(PersonKind::Company),
                    name: format!("BWT Operadora {description_suffix}"),
                    trade_name: Some("BWT (demo)".into()),
                    ..Default::default()
                },
            )
        })?;
        let infotravel = integrations::create_in(
            &mut db,
            store,
            &registry::spec(IntegrationType::Infotravel),
            &IntegrationInput {
                ty: IntegrationType::Infotravel,
                description: format!("BWT Operadora (Infotravel) {description_suffix}"),
                person_id: Some(person.id),
                values: BTreeMap::from([
                    ("url".into(), info.infotravel.url.clone()),
                    ("supplier_id".into(), info.infotravel.client.clone()),
                    ("agency_code".into(), info.infotravel.agency.clone()),
                    ("username".into(), info.infotravel.username.clone()),
                ]),
                secrets: BTreeMap::from([("password".into(), SecretString::from(info.infotravel.password.clone()))]),
            },
        )?
        .integration;
        st = DemoStatus {
            active: true,
            person_id: Some(person.id),
            integration_ids: vec![infotravel.id],
            set_wooba_settings: false,
        };
        // Wooba needs Ponte's vendor settings: set them only if the user has none of their own.
        let current = vendor_settings::wooba_in(&mut db, store)?;
        if !current.developer_token_set && current.public_key_pem.is_none() {
            vendor_settings::set_wooba_in(
                &mut db,
                store,
                &vendor_settings::WoobaSettingsInput {
                    developer_token: Some(SecretString::from(info.wooba.developer_token.clone())),
                    public_key_pem: Some(info.wooba.public_key_pem.clone()),
                },
            )?;
            db.with(|d| settings::set(d, DEMO_PEM, info.wooba.public_key_pem.trim()))?;
            st.set_wooba_settings = true;
            let wooba = integrations::create_in(
                &mut db,
                store,
                &registry::spec(IntegrationType::Wooba),
                &IntegrationInput {
                    ty: IntegrationType::Wooba,
                    description: format!("BWT Operadora (Wooba) {description_suffix}"),
                    person_id: Some(person.id),
                    values: BTreeMap::from([
                        ("url".into(), info.wooba.url.clone()),
                        ("username".into(), info.wooba.identifier.clone()),
                    ]),
                    secrets: BTreeMap::from([("password".into(), SecretString::from(info.wooba.password.clone()))]),
                },
            )?
            .integration;
            st.integration_ids.push(wooba.id);
        }
        db.with(|d| settings::set(d, KEY, &serde_json::to_string(&st).unwrap_or_default()))?;
        Ok(st)
    }

    /// Removes everything the demo created (its sales go with its integrations). The Wooba vendor
    /// settings it set go only if they are still the demo's: a Developer-Token or public key the user
    /// entered since is theirs.
    pub fn remove(&self, mut db: impl DbAccess, store: &Secrets) -> Result<DemoStatus, CoreError> {
        let st = db.with(status)?;
        for id in &st.integration_ids {
            match integrations::delete_in(&mut db, store, *id) {
                Ok(()) | Err(CoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        if let Some(p) = st.person_id {
            match db.with(|d| people::delete(d, p)) {
                Ok(()) | Err(CoreError::NotFound) | Err(CoreError::PersonInUse { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if st.set_wooba_settings {
            let token_demos = token_still_demos(store)?;
            if token_demos {
                store.delete(&vendor_settings::developer_token_id())?;
            }
            db.with(|d| {
                if pem_still_demos(d, token_demos)? {
                    d.conn()
                        .execute("DELETE FROM settings WHERE key = ?1", [vendor_settings::PEM_KEY])?;
                }
                Ok(())
            })?;
        }
        db.with(|d| {
            d.conn()
                .execute("DELETE FROM settings WHERE key IN (?1, ?2)", [KEY, DEMO_PEM])?;
            Ok(())
        })?;
        if let Some(sim) = self.sim.lock().unwrap_or_else(|p| p.into_inner()).take() {
            sim.shutdown_blocking();
        }
        Ok(DemoStatus::default())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use ponte_import::RunOptions;
    use ponte_suppliers::sales_source::Query;
    use tokio_util::sync::CancellationToken;

    use super::*;

    /// Needs the real keyring (the test script's gnome-keyring session).
    #[test]
    fn demo_imports_a_month_and_is_removed_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path()).unwrap();
        let store = Secrets::native(&format!("io.ponte.desktop.test.{}", std::process::id())).unwrap();
        let demo = Demo::default();
        let st = demo.start(&mut db, &store, "(demo)").unwrap();
        assert!(st.active);
        assert_eq!(st.integration_ids.len(), 2, "Infotravel and Wooba");
        assert!(status(&db).unwrap().active, "remembered across restarts");

        let today = chrono::Local::now().date_naive();
        let db = Mutex::new(db);
        for id in &st.integration_ids {
            let opts = RunOptions::new(
                *id,
                Query::Dates {
                    from: today - chrono::Duration::days(30),
                    to: today,
                },
            );
            let rt = tokio::runtime::Runtime::new().unwrap();
            let s = rt
                .block_on(ponte_import::run(
                    &db,
                    &store,
                    &opts,
                    &CancellationToken::new(),
                    &|_| {},
                ))
                .unwrap();
            assert_eq!(s.outcome, ponte_import::history::Outcome::Completed, "{:?}", s.error);
            assert!(s.counts.new > 100, "a month of demo sales: {}", s.counts.new);
            assert!(s.counts.flagged > 0, "some paid straight to the agency");
        }
        let mut db = db.into_inner().unwrap();
        demo.remove(&mut db, &store).unwrap();
        let left: i64 = db
            .conn()
            .query_row("SELECT (SELECT count(*) FROM sales) + (SELECT count(*) FROM integrations) + (SELECT count(*) FROM people)", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
        assert!(!vendor_settings::wooba(&db, &store).unwrap().developer_token_set);
    }

    /// A real Developer-Token or public key entered after the demo started is the user's: removing the
    /// demo leaves it (and removes only what is still the demo's).
    #[test]
    fn removing_the_demo_keeps_wooba_settings_the_user_entered_since() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path()).unwrap();
        let store = Secrets::native(&format!("io.ponte.desktop.test.{}", std::process::id())).unwrap();
        const PEM: &str =
            "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAreal\n-----END PUBLIC KEY-----";
        let real = |db: &Db, token: Option<&str>, pem: Option<&str>| {
            vendor_settings::set_wooba(
                db,
                &store,
                &vendor_settings::WoobaSettingsInput {
                    developer_token: token.map(SecretString::from),
                    public_key_pem: pem.map(String::from),
                },
            )
            .unwrap();
        };
        let token = |store: &Secrets| {
            store
                .get(&vendor_settings::developer_token_id())
                .unwrap()
                .map(|t| t.expose_secret().to_string())
        };

        // Both replaced by the user: both kept.
        let demo = Demo::default();
        assert!(demo.start(&mut db, &store, "(demo)").unwrap().set_wooba_settings);
        real(&db, Some("real-developer-token"), Some(PEM));
        // A restart re-keys the demo only where the key is still the demo's.
        demo.start(&mut db, &store, "(demo)").unwrap();
        assert_eq!(
            vendor_settings::wooba(&db, &store).unwrap().public_key_pem.as_deref(),
            Some(PEM)
        );
        demo.remove(&mut db, &store).unwrap();
        assert_eq!(token(&store).as_deref(), Some("real-developer-token"));
        assert_eq!(
            vendor_settings::wooba(&db, &store).unwrap().public_key_pem.as_deref(),
            Some(PEM)
        );
        store.delete(&vendor_settings::developer_token_id()).unwrap();
        db.conn()
            .execute("DELETE FROM settings WHERE key = ?1", [vendor_settings::PEM_KEY])
            .unwrap();

        // Only the token replaced: the token stays, the demo's key goes.
        let demo = Demo::default();
        assert!(demo.start(&mut db, &store, "(demo)").unwrap().set_wooba_settings);
        real(&db, Some("real-developer-token"), None);
        demo.remove(&mut db, &store).unwrap();
        assert_eq!(token(&store).as_deref(), Some("real-developer-token"));
        assert_eq!(vendor_settings::wooba(&db, &store).unwrap().public_key_pem, None);
        store.delete(&vendor_settings::developer_token_id()).unwrap();
    }
}
