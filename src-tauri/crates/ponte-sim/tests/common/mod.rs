//! Shared helpers of the integration tests: a simulator with the TEST-ONLY key, a client, and the
//! calls every supplier test needs.
#![allow(dead_code)] // Each test binary uses a different subset.

use ponte_sim::{Sim, SimConfig, SimHandle};
use serde_json::{json, Value};

/// Seed and size of the test data sets: small enough for debug builds, big enough for several pages.
pub const SEED: u64 = 7;
pub const BOOKINGS: usize = 300;

pub fn config() -> SimConfig {
    SimConfig::new(SEED, BOOKINGS).with_test_key()
}

pub async fn start() -> SimHandle {
    Sim::start(config()).await.expect("simulator starts")
}

pub async fn start_with(config: SimConfig) -> SimHandle {
    Sim::start(config).await.expect("simulator starts")
}

/// A client that never goes through a proxy (the simulator is on loopback).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("client")
}

/// The body `POST /authenticate` expects, with the simulator's credentials.
pub fn auth_body(sim: &SimHandle) -> Value {
    let c = sim.config();
    json!({
        "username": c.infotravel.username,
        "password": c.infotravel.password,
        "agency": c.data.agency,
        "client": c.infotravel.client,
        "language": "pt_br",
    })
}

/// Authenticates on `{api}/authenticate` and returns the access token.
pub async fn infotravel_token(sim: &SimHandle, http: &reqwest::Client) -> String {
    let reply = http
        .post(format!("{}/api/v1/authenticate", sim.base_url()))
        .json(&auth_body(sim))
        .send()
        .await
        .expect("authenticate");
    assert_eq!(reply.status(), 200);
    let body: Value = reply.json().await.expect("json");
    body["accessToken"].as_str().expect("accessToken").to_string()
}

/// `GET {base}/api/v1{path}` with the bearer token; status and JSON body.
pub async fn infotravel_get(sim: &SimHandle, http: &reqwest::Client, token: &str, path: &str) -> (u16, Value) {
    let reply = http
        .get(format!("{}/api/v1{path}", sim.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = reply.status().as_u16();
    (status, reply.json().await.unwrap_or(Value::Null))
}

/// `AccessCredentials` with the simulator's agency user.
pub fn wooba_credentials(sim: &SimHandle) -> Value {
    let c = &sim.config().wooba;
    json!({ "Company": { "Identifier": c.identifier, "Password": c.password } })
}

/// `POST {base}/TravellinkWebApi/api/v1/sales/{endpoint}` with valid developer headers.
pub async fn wooba_post(sim: &SimHandle, http: &reqwest::Client, endpoint: &str, body: &Value) -> reqwest::Response {
    http.post(format!("{}/TravellinkWebApi/api/v1/sales/{endpoint}", sim.base_url()))
        .header("Developer-Token", &sim.config().wooba.developer_token)
        .header("Developer-Access-Code", sim.wooba_access_code())
        .json(body)
        .send()
        .await
        .expect("request")
}

/// `GET {base}/api/v1{path}` as a PayTourist client would.
pub async fn paytourist_get(sim: &SimHandle, http: &reqwest::Client, token: &str, path: &str) -> reqwest::Response {
    http.get(format!("{}/api/v1{path}", sim.base_url()))
        .bearer_auth(token)
        .header("Accept", "application/json")
        .send()
        .await
        .expect("request")
}

/// Whether any value in the tree is `null` (Infotravel omits nulls).
pub fn has_null(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(items) => items.iter().any(has_null),
        Value::Object(map) => map.values().any(has_null),
        _ => false,
    }
}

/// The sorted keys of a JSON object.
pub fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}
