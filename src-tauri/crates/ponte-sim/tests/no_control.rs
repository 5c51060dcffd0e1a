//! Without the `control` feature (the app's demo simulator): the suppliers are served, the test rig
//! is not. Run by `cargo test -p ponte-sim` (no features); skipped when `control` is on.
#![cfg(not(feature = "control"))]

mod common;

use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn no_control_endpoint_is_served() {
    let sim = start().await;
    let http = client();
    for (method, path) in [
        ("GET", "/__sim/info"),
        ("GET", "/__sim/faults"),
        ("POST", "/__sim/faults"),
        ("DELETE", "/__sim/faults"),
        ("GET", "/__sim/requests"),
        ("DELETE", "/__sim/requests"),
        ("POST", "/__sim/infotravel/expire-tokens"),
        ("POST", "/__sim/paytourist/tokens"),
        ("POST", "/__sim/paytourist/revoke"),
    ] {
        let reply = http
            .request(method.parse().unwrap(), format!("{}{path}", sim.base_url()))
            .json(&json!({ "kind": "server_error" }))
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 404, "{method} {path}");
    }
    // The suppliers still answer.
    let token = infotravel_token(&sim, &http).await;
    assert_eq!(infotravel_get(&sim, &http, &token, "/booking/100001").await.0, 200);
    let body = json!({
        "AccessCredentials": wooba_credentials(&sim),
        "Filter": { "SaleDateStart": "2026-01-01", "SaleDateEnd": "2026-01-31" },
    });
    let reply: Value = wooba_post(&sim, &http, "list", &body).await.json().await.unwrap();
    assert_eq!(reply["Exception"], Value::Null, "{reply}");
}

#[tokio::test]
async fn the_client_info_names_no_control_url() {
    let sim = start().await;
    let line = serde_json::to_string(&sim.client_info()).unwrap();
    assert!(!line.contains("__sim"), "{line}");
    assert!(!line.contains("\"control\""), "{line}");
}
