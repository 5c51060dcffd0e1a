//! Where stored secrets may go. "Testar conexão" with an id and a draft: the saved password (and Wooba's
//! vendor Developer-Token) never goes to an address the user has not saved for that integration, nor to a
//! draft of another type; the user types the secret again instead. Real SQLite, the real keyring, the
//! simulator over loopback, and a loopback listener standing for "another host" that records whether
//! anyone connected.

use std::net::TcpListener;

use serde_json::{json, Value};

use crate::{api, run};

/// A loopback address nobody serves: connections queue in its backlog, so `connected` sees them.
struct Elsewhere(TcpListener);

impl Elsewhere {
    fn new() -> Self {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.set_nonblocking(true).unwrap();
        Self(l)
    }
    fn url(&self) -> String {
        format!("http://{}", self.0.local_addr().unwrap())
    }
    fn connected(&self) -> bool {
        self.0.accept().is_ok()
    }
}

fn field_keys(err: &ponte_core::ErrorReply) -> Vec<(String, String)> {
    err.fields.iter().map(|f| (f.field.clone(), f.key.clone())).collect()
}

#[test]
fn a_test_with_an_id_and_a_draft_sends_stored_secrets_only_to_the_saved_address() {
    let dir = tempfile::tempdir().unwrap();
    let api = api(dir.path());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt
        .block_on(ponte_sim::Sim::start(ponte_sim::SimConfig::new(7, 20).with_test_key()))
        .unwrap();
    let other = rt
        .block_on(ponte_sim::Sim::start(ponte_sim::SimConfig::new(8, 20).with_test_key()))
        .unwrap();
    let info = sim.client_info();
    let person = run(
        &api,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT"}}),
    )
    .unwrap();
    run(
        &api,
        "wooba_settings_set",
        json!({"input": {"developer_token": info.wooba.developer_token, "public_key_pem": info.wooba.public_key_pem}}),
    )
    .unwrap();
    let inf_values = json!({"url": info.infotravel.url, "supplier_id": info.infotravel.client,
                            "agency_code": info.infotravel.agency, "username": info.infotravel.username});
    let inf = run(
        &api,
        "integration_create",
        json!({"input": {"type": "infotravel", "description": "BWT (Infotravel)", "person_id": person["id"],
                         "values": inf_values, "secrets": {"password": info.infotravel.password}}}),
    )
    .unwrap()["integration"]["id"]
        .clone();
    let wooba = run(
        &api,
        "integration_create",
        json!({"input": {"type": "wooba", "description": "BWT (Wooba)", "person_id": person["id"],
                         "values": {"url": info.wooba.url, "username": info.wooba.identifier},
                         "secrets": {"password": info.wooba.password}}}),
    )
    .unwrap()["integration"]["id"]
        .clone();
    let draft = |ty: &str, values: Value, secrets: Value| json!({"type": ty, "description": "draft", "person_id": person["id"], "values": values, "secrets": secrets});
    let test = |id: &Value, input: Value| run(&api, "integration_test", json!({"id": id, "input": input}));
    let retype = vec![(
        "password".to_string(),
        "error.integration.secret_for_new_address".to_string(),
    )];

    // The saved address, written differently (same origin): the stored password is used.
    let mut same = inf_values.clone();
    same["url"] = json!(format!("{}/", info.infotravel.url.trim_end_matches('/')));
    test(&inf, draft("infotravel", same, json!({}))).unwrap();

    // Another address: refused before anything is sent; nobody there heard from Ponte.
    let elsewhere = Elsewhere::new();
    let mut moved = inf_values.clone();
    moved["url"] = json!(elsewhere.url());
    let err = test(&inf, draft("infotravel", moved.clone(), json!({}))).unwrap_err();
    assert_eq!(err.code, "invalid_input");
    assert_eq!(field_keys(&err), retype);
    // Wooba: neither the stored password nor the vendor Developer-Token goes to the new address.
    let err = test(
        &wooba,
        draft(
            "wooba",
            json!({"url": elsewhere.url(), "username": info.wooba.identifier}),
            json!({}),
        ),
    )
    .unwrap_err();
    assert_eq!(field_keys(&err), retype);
    // Another type on the saved host: the Infotravel password is not a Wooba password.
    let err = test(
        &inf,
        draft(
            "wooba",
            json!({"url": info.wooba.url, "username": info.wooba.identifier}),
            json!({}),
        ),
    )
    .unwrap_err();
    assert_eq!(field_keys(&err), retype);
    assert!(!elsewhere.connected(), "a stored secret was sent to an unsaved address");

    // Typed again, the draft is tested like a new one, at its own address.
    let o = other.client_info();
    let mut there = inf_values.clone();
    there["url"] = json!(o.infotravel.url);
    there["username"] = json!(o.infotravel.username);
    there["supplier_id"] = json!(o.infotravel.client);
    there["agency_code"] = json!(o.infotravel.agency);
    test(
        &inf,
        draft("infotravel", there.clone(), json!({"password": o.infotravel.password})),
    )
    .unwrap();
    // …and without it, the other simulator is not given this integration's stored password.
    let err = test(&inf, draft("infotravel", there, json!({}))).unwrap_err();
    assert_eq!(field_keys(&err), retype);

    let store = api.secrets().unwrap();
    for id in [&inf, &wooba] {
        api.with_db_mut(|db| ponte_core::integrations::delete(db, &store, id.as_i64().unwrap()))
            .unwrap();
    }
    store
        .delete(&ponte_core::vendor_settings::developer_token_id())
        .unwrap();
}
