//! Scheduled imports: a day is done only when its import completed (a failure is retried, not skipped),
//! and "yesterday" is the agency's day, not the PC's.

use chrono::{TimeZone, Utc};
use ponte_api::scheduler::{self, Retries, RETRY_AFTER};
use serde_json::json;

use crate::{api, run};

fn last_run(api: &ponte_api::Api, id: i64) -> Option<chrono::NaiveDate> {
    api.with_db(ponte_import::schedule::all)
        .unwrap()
        .into_iter()
        .find(|d| d.integration_id == id)
        .and_then(|d| d.last_run)
}

#[test]
fn a_failed_scheduled_import_is_retried_and_the_day_counts_only_when_done() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(ponte_sim::Sim::start(ponte_sim::SimConfig::new(11, 60).with_test_key()))
        .unwrap();
    let info = sim.client_info();
    let person = run(
        &api,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT"}}),
    )
    .unwrap();
    let input = |url: &str| {
        json!({
            "type": "infotravel", "description": "BWT (Infotravel)", "person_id": person["id"],
            "values": {"url": url, "supplier_id": info.infotravel.client,
                       "agency_code": info.infotravel.agency, "username": info.infotravel.username},
            "secrets": {"password": info.infotravel.password}
        })
    };
    // First the supplier cannot be reached (nothing listens on port 9 of loopback, the discard port).
    let saved = run(
        &api,
        "integration_create",
        json!({"input": input("https://127.0.0.1:9")}),
    )
    .unwrap();
    let id = saved["integration"]["id"].as_i64().unwrap();
    run(
        &api,
        "import_schedule_set",
        json!({"integrationId": id, "time": "00:00"}),
    )
    .unwrap();

    let now = Utc::now();
    let mut retries = Retries::default();
    let next = rt.block_on(scheduler::tick(&api, now, &mut retries)).unwrap();
    assert_eq!(last_run(&api, id), None, "a failed run does not count the day as done");
    let local = now.with_timezone(&chrono::Local).naive_local();
    assert_eq!(
        next,
        local + RETRY_AFTER,
        "tried again in a while, not tomorrow and not in a loop"
    );
    // Within the pause, nothing is run again.
    rt.block_on(scheduler::tick(&api, now + chrono::Duration::minutes(1), &mut retries));
    let runs = run(&api, "import_runs", json!({"integrationId": id})).unwrap();
    assert_eq!(
        runs.as_array().unwrap().len(),
        1,
        "one failed run recorded, with its error"
    );
    assert_eq!(runs[0]["outcome"], "failed");

    // The supplier is back: the retry completes and the day is done.
    run(
        &api,
        "integration_update",
        json!({"id": id, "input": input(&info.infotravel.url)}),
    )
    .unwrap();
    let later = now + RETRY_AFTER + chrono::Duration::minutes(1);
    rt.block_on(scheduler::tick(&api, later, &mut retries));
    assert_eq!(
        last_run(&api, id),
        Some(later.with_timezone(&chrono::Local).date_naive())
    );
    let runs = run(&api, "import_runs", json!({"integrationId": id})).unwrap();
    assert_eq!(runs[0]["outcome"], "completed", "{}", runs[0]);

    let store = api.secrets().unwrap();
    api.with_db_mut(|db| ponte_core::integrations::delete(db, &store, id))
        .unwrap();
    rt.block_on(sim.shutdown());
}

#[test]
fn yesterday_is_the_agencys_day() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(ponte_sim::Sim::start(ponte_sim::SimConfig::new(12, 30).with_test_key()))
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
    let id = saved["integration"]["id"].as_i64().unwrap();
    run(
        &api,
        "import_schedule_set",
        json!({"integrationId": id, "time": "00:00"}),
    )
    .unwrap();
    // 2026-12-06 01:30 UTC: already the 6th in Rome, still the 5th in São Paulo (22:30), so São Paulo's
    // yesterday is the 4th — its 5th has not ended.
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 1, 30, 0).unwrap();
    rt.block_on(scheduler::tick(&api, now, &mut Retries::default()));
    let runs = run(&api, "import_runs", json!({"integrationId": id})).unwrap();
    assert_eq!(runs[0]["date_from"], "2026-12-04", "{}", runs[0]);
    assert_eq!(runs[0]["date_to"], "2026-12-04");

    let store = api.secrets().unwrap();
    api.with_db_mut(|db| ponte_core::integrations::delete(db, &store, id))
        .unwrap();
    rt.block_on(sim.shutdown());
}
