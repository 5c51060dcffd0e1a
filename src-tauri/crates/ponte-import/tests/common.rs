//! A real SQLite file, the real keyring and the supplier simulator on loopback, wired like the app.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationInput};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::Secrets;
use ponte_core::vendor_settings::{self, WoobaSettingsInput};
use ponte_import::retry::RetryPolicy;
use ponte_import::{Progress, RunOptions};
use ponte_sim::{Sim, SimConfig, SimHandle};
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::Query;
use tokio_util::sync::CancellationToken;

pub struct World {
    pub _dir: tempfile::TempDir,
    pub db: Mutex<Db>,
    pub secrets: Secrets,
    pub sim: SimHandle,
    pub infotravel: i64,
    pub wooba: i64,
}

pub async fn world(bookings: usize) -> World {
    let sim = Sim::start(SimConfig::new(11, bookings).with_test_key()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path()).unwrap();
    let secrets = Secrets::native(&format!("io.ponte.desktop.test.{}", std::process::id())).unwrap();
    let info = sim.client_info();
    let person = people::create(
        &db,
        &PersonInput {
            kind: Some(PersonKind::Company),
            name: "BWT Operadora".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let infotravel = integrations::create(
        &mut db,
        &secrets,
        &ponte_suppliers::registry::spec(IntegrationType::Infotravel),
        &IntegrationInput {
            ty: IntegrationType::Infotravel,
            description: "BWT Operadora (Infotravel)".into(),
            person_id: Some(person),
            values: BTreeMap::from([
                ("url".into(), info.infotravel.url.clone()),
                ("supplier_id".into(), info.infotravel.client.clone()),
                ("agency_code".into(), info.infotravel.agency.clone()),
                ("username".into(), info.infotravel.username.clone()),
            ]),
            secrets: BTreeMap::from([("password".into(), info.infotravel.password.clone().into())]),
        },
    )
    .unwrap()
    .integration
    .id;
    let wooba = integrations::create(
        &mut db,
        &secrets,
        &ponte_suppliers::registry::spec(IntegrationType::Wooba),
        &IntegrationInput {
            ty: IntegrationType::Wooba,
            description: "BWT Operadora (Wooba)".into(),
            person_id: Some(person),
            values: BTreeMap::from([
                ("url".into(), info.wooba.url.clone()),
                ("username".into(), info.wooba.identifier.clone()),
            ]),
            secrets: BTreeMap::from([("password".into(), info.wooba.password.clone().into())]),
        },
    )
    .unwrap()
    .integration
    .id;
    vendor_settings::set_wooba(
        &db,
        &secrets,
        &WoobaSettingsInput {
            developer_token: Some(info.wooba.developer_token.clone().into()),
            public_key_pem: Some(info.wooba.public_key_pem.clone()),
        },
    )
    .unwrap();
    World {
        _dir: dir,
        db: Mutex::new(db),
        secrets,
        sim,
        infotravel,
        wooba,
    }
}

pub fn whole_year() -> Query {
    Query::Dates {
        from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    }
}

pub fn opts(integration: i64, query: Query) -> RunOptions {
    RunOptions {
        integration_id: integration,
        query,
        // One window for the whole year: these tests count pages and place faults on them
        // (tests/windows.rs covers windows).
        window_days: Some(366),
        resume: None,
        page_size: 40,
        limits: Limits {
            connect_timeout: Duration::from_secs(2),
            timeout: Duration::from_secs(2),
            max_body: 8 * 1024 * 1024,
        },
        retry: RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(20),
            max_delay: Duration::from_millis(100),
            max_retry_after: Duration::from_secs(2),
        },
    }
}

pub fn quiet(_: &Progress) {}

impl World {
    pub fn count(&self, sql: &str) -> i64 {
        let g = self.db.lock().unwrap();
        g.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

impl World {
    /// A whole run with default options, no cancel, no progress: what most tests need.
    pub async fn import(&self, integration: i64, query: Query) -> ponte_import::RunSummary {
        ponte_import::run(
            &self.db,
            &self.secrets,
            &opts(integration, query),
            &CancellationToken::new(),
            &quiet,
        )
        .await
        .unwrap()
    }

    /// The same as a preview (writes nothing).
    pub async fn preview(&self, integration: i64, query: Query) -> ponte_import::RunSummary {
        ponte_import::preview(
            &self.db,
            &self.secrets,
            &opts(integration, query),
            &CancellationToken::new(),
            &quiet,
        )
        .await
        .unwrap()
    }
}
