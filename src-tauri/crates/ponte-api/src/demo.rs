//! "Experimentar com dados de demonstração": the supplier simulator runs on loopback inside the app,
//! with a demo company and one demo integration per simulated supplier with sales pointing at it, so a
//! newcomer can run a real import in a minute. Everything it creates is labelled and removed together.
//! It fills each simulated supplier's form from the simulator's client info, field by field, so like the
//! simulator it names them.

use std::collections::BTreeMap;
use std::sync::Mutex;

use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::Secrets;
use ponte_core::{settings, vendor_settings, CoreError};
use ponte_sim::{SimConfig, SimHandle};
use ponte_suppliers::registry;
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

impl Demo {
    fn ensure_sim(&self) -> Result<ponte_sim::ClientInfo, CoreError> {
        let mut guard = self.sim.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            let sim = SimHandle::start_blocking(config()).map_err(|e| CoreError::Input(e.to_string()))?;
            *guard = Some(sim);
        }
        Ok(guard.as_ref().expect("just started").client_info())
    }

    /// Creates the demo (or, after a restart, points the existing demo at a fresh simulator).
    pub fn start(&self, db: &mut Db, store: &Secrets, description_suffix: &str) -> Result<DemoStatus, CoreError> {
        let info = self.ensure_sim()?;
        let mut st = status(db)?;
        if st.active {
            for id in &st.integration_ids {
                let i = integrations::get(db, *id)?;
                let mut values = i.values.clone();
                let url = match i.ty {
                    IntegrationType::Wooba => info.wooba.url.clone(),
                    _ => info.infotravel.url.clone(),
                };
                values.insert("url".into(), url);
                integrations::update(
                    db,
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
            // The simulator's Wooba key pair is made afresh in each process: give the new public key.
            if st.set_wooba_settings {
                vendor_settings::set_wooba(
                    db,
                    store,
                    &vendor_settings::WoobaSettingsInput {
                        developer_token: None,
                        public_key_pem: Some(info.wooba.public_key_pem.clone()),
                    },
                )?;
            }
            return Ok(st);
        }
        let person = people::create(
            db,
            &PersonInput {
                kind: Some(PersonKind::Company),
                name: format!("BWT Operadora {description_suffix}"),
                trade_name: Some("BWT (demo)".into()),
                ..Default::default()
            },
        )?;
        let infotravel = integrations::create(
            db,
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
                secrets: BTreeMap::from([("password".into(), info.infotravel.password.clone())]),
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
        let current = vendor_settings::wooba(db, store)?;
        if !current.developer_token_set && current.public_key_pem.is_none() {
            vendor_settings::set_wooba(
                db,
                store,
                &vendor_settings::WoobaSettingsInput {
                    developer_token: Some(info.wooba.developer_token.clone()),
                    public_key_pem: Some(info.wooba.public_key_pem.clone()),
                },
            )?;
            st.set_wooba_settings = true;
            let wooba = integrations::create(
                db,
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
                    secrets: BTreeMap::from([("password".into(), info.wooba.password.clone())]),
                },
            )?
            .integration;
            st.integration_ids.push(wooba.id);
        }
        settings::set(db, KEY, &serde_json::to_string(&st).unwrap_or_default())?;
        Ok(st)
    }

    /// Removes everything the demo created (its sales go with its integrations).
    pub fn remove(&self, db: &mut Db, store: &Secrets) -> Result<DemoStatus, CoreError> {
        let st = status(db)?;
        for id in &st.integration_ids {
            match integrations::delete(db, store, *id) {
                Ok(()) | Err(CoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        if let Some(p) = st.person_id {
            match people::delete(db, p) {
                Ok(()) | Err(CoreError::NotFound) | Err(CoreError::PersonInUse { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if st.set_wooba_settings {
            store.delete(&vendor_settings::developer_token_id())?;
            db.conn()
                .execute("DELETE FROM settings WHERE key = 'wooba.public_key_pem'", [])?;
        }
        db.conn().execute("DELETE FROM settings WHERE key = ?1", [KEY])?;
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
}
