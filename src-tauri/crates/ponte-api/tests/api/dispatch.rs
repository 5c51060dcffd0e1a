//! The command surface as a host sees it: names and JSON in, JSON or a typed error out, events on the
//! sink. Real SQLite in a temp folder; commands that touch secrets use the real keyring (the test
//! script's gnome-keyring session) under a per-test service name.

use std::sync::Mutex;

use ponte_api::{Api, EventSink};
use serde_json::{json, Value};

use crate::{api, run};

#[derive(Default)]
struct Collect(Mutex<Vec<Value>>);

impl EventSink for Collect {
    fn send(&self, event: Value) {
        self.0.lock().unwrap().push(event);
    }
}

#[test]
fn people_round_trip_with_the_windows_json() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    let p = run(
        &api,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT Operadora", "document": "11.222.333/0001-81"}}),
    )
    .unwrap();
    assert_eq!(p["document_display"], "11.222.333/0001-81");
    let found = run(&api, "people_search", json!({"query": "bwt", "kind": null})).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    // Commands without arguments accept `{}` and null alike.
    assert!(run(&api, "app_info", Value::Null).unwrap()["version"].is_string());
    // camelCase argument names, as Tauri and the generated client send them.
    assert_eq!(
        run(&api, "import_runs", json!({"integrationId": null})).unwrap(),
        json!([])
    );
}

#[test]
fn an_unknown_command_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let err = run(&api(dir.path()), "drop_everything", json!({})).unwrap_err();
    assert_eq!(err.code, "unknown_command");
}

#[test]
fn arguments_that_do_not_fit_are_refused_without_echoing_them() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    // A secret pasted where a number goes must not come back in the error.
    let err = run(&api, "person_get", json!({"id": "Bearer sk_live_TOPSECRET"})).unwrap_err();
    assert_eq!(err.code, "bad_request");
    let text = serde_json::to_string(&err).unwrap();
    assert!(!text.contains("TOPSECRET"), "{text}");
    let err = run(&api, "token_rotation_step", json!({"id": 1, "step": "hacked"})).unwrap_err();
    assert_eq!(err.code, "bad_request", "a rotation step outside the enum");
}

#[test]
fn a_failed_start_is_reported_by_every_command_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let api = api(&file.join("data"));
    let info = run(&api, "app_info", json!({})).unwrap();
    assert_eq!(info["startup_error"]["code"], "data_dir");
    assert_eq!(
        run(&api, "people_search", json!({"query": "", "kind": null}))
            .unwrap_err()
            .code,
        "data_dir"
    );
}

#[test]
fn the_export_asks_the_host_and_a_cancelled_dialog_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    assert_eq!(
        run(&api, "sales_export_csv", json!({"filter": {}, "separator": ";"})).unwrap(),
        Value::Null
    );
    // The page can no longer choose where a file goes: an extra `path` is ignored.
    let r = run(
        &api,
        "sales_export_csv",
        json!({"filter": {}, "separator": ",", "path": "/tmp/x.csv"}),
    )
    .unwrap();
    assert_eq!(r, Value::Null);
}

#[test]
fn import_preview_streams_progress_events() {
    let dir = tempfile::tempdir().unwrap();
    let api: Api = api(dir.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(ponte_sim::Sim::start(ponte_sim::SimConfig::new(7, 120).with_test_key()))
        .unwrap();
    let info = sim.client_info();
    let person = run(
        &api,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT"}}),
    )
    .unwrap();
    let saved = run(
        &api,
        "integration_create",
        json!({"input": {
            "type": "infotravel", "description": "BWT (Infotravel)", "person_id": person["id"],
            "values": {"url": info.infotravel.url, "supplier_id": info.infotravel.client,
                       "agency_code": info.infotravel.agency, "username": info.infotravel.username},
            "secrets": {"password": info.infotravel.password}
        }}),
    )
    .unwrap();
    let id = saved["integration"]["id"].clone();
    let events = Collect::default();
    let summary = rt
        .block_on(ponte_api::dispatch(
            &api,
            "import_preview",
            json!({"integrationId": id, "query": {"mode": "dates", "from": "2026-01-01", "to": "2026-12-31"}}),
            &events,
        ))
        .unwrap();
    assert_eq!(summary["outcome"], "completed", "{summary}");
    let events = events.0.into_inner().unwrap();
    assert!(!events.is_empty(), "progress arrived while it ran");
    assert!(events.iter().all(|e| e["pages_done"].is_number()), "{events:?}");
    // The registry is free again: a second run may start.
    assert!(!api.imports.is_running(id.as_i64().unwrap()));
    let store = api.secrets().unwrap();
    api.with_db_mut(|db| ponte_core::integrations::delete(db, &store, id.as_i64().unwrap()))
        .unwrap();
    rt.block_on(sim.shutdown());
}

/// Início on a new data folder, then with a failing integration and an import: the aggregates the
/// screen shows, through the command.
#[test]
fn home_summary_counts_what_needs_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    let empty = run(&api, "home_summary", json!({})).unwrap();
    assert_eq!(
        (empty["people"].as_i64(), empty["integrations"].as_i64()),
        (Some(0), Some(0))
    );
    assert_eq!(
        empty["sales_per_day"].as_array().unwrap().len(),
        30,
        "every day of the chart, zeros included"
    );
    assert_eq!(empty["manual_payments"], 0);

    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(ponte_sim::Sim::start(
            ponte_sim::SimConfig::new(21, 300).with_test_key(),
        ))
        .unwrap();
    let info = sim.client_info();
    let person = run(
        &api,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT"}}),
    )
    .unwrap();
    let input = |password: &str| {
        json!({"input": {
            "type": "infotravel", "description": "BWT (Infotravel)", "person_id": person["id"],
            "values": {"url": info.infotravel.url, "supplier_id": info.infotravel.client,
                       "agency_code": info.infotravel.agency, "username": info.infotravel.username},
            "secrets": {"password": password}
        }})
    };
    let saved = run(&api, "integration_create", input("wrong-password")).unwrap();
    let id = saved["integration"]["id"].as_i64().unwrap();
    assert!(run(&api, "integration_test", json!({"id": id, "input": null})).is_err());
    let home = run(&api, "home_summary", json!({})).unwrap();
    assert_eq!(home["failing"][0]["integration_id"], id);
    assert_eq!(home["failing"][0]["test_code"], "invalid_credentials", "{home}");

    run(
        &api,
        "integration_update",
        json!({"id": id, "input": input(&info.infotravel.password)["input"]}),
    )
    .unwrap();
    run(&api, "integration_test", json!({"id": id, "input": null})).unwrap();
    let today = chrono::Local::now().date_naive();
    let from = (today - chrono::Duration::days(29)).to_string();
    let summary = rt
        .block_on(ponte_api::dispatch(
            &api,
            "import_run",
            json!({"integrationId": id, "query": {"mode": "dates", "from": from, "to": today.to_string()}}),
            &ponte_api::events::NoEvents,
        ))
        .unwrap();
    let home = run(&api, "home_summary", json!({})).unwrap();
    assert_eq!(home["failing"], json!([]), "the test passed and the import completed");
    let charted: i64 = home["sales_per_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["sales"].as_i64().unwrap())
        .sum();
    let stored: i64 = api
        .with_db(|db| {
            Ok(db
                .conn()
                .query_row("SELECT count(*) FROM sales WHERE sale_date >= ?1", [&from], |r| {
                    r.get(0)
                })?)
        })
        .unwrap();
    assert_eq!(charted, stored, "the chart counts the sales of the last 30 days");
    assert_eq!(home["last_imports"][0]["new_sales"], summary["counts"]["new"]);
    let flagged: i64 = api
        .with_db(|db| {
            Ok(db
                .conn()
                .query_row("SELECT count(*) FROM sales WHERE needs_manual_payment = 1", [], |r| {
                    r.get(0)
                })?)
        })
        .unwrap();
    assert_eq!(home["manual_payments"], flagged);

    let store = api.secrets().unwrap();
    api.with_db_mut(|db| ponte_core::integrations::delete(db, &store, id))
        .unwrap();
    rt.block_on(sim.shutdown());
}
