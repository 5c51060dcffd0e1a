//! PayTourist as docs/PROTOCOLS.md#paytourist describes it: bearer tokens (valid, expired, revoked), `reductions`
//! to verify a token, `structures`, Laravel-style errors.

mod common;

use common::*;
use ponte_sim::data;
use serde_json::{json, Value};

#[tokio::test]
async fn structures_lists_the_users_structures() {
    let sim = start().await;
    let http = client();
    let token = &sim.client_info().paytourist.valid_tokens[0];
    let reply = paytourist_get(&sim, &http, token, "/structures").await;
    assert_eq!(reply.status(), 200);
    let body: Value = reply.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "data": [
            { "id": 12, "name": "Hotel Bellavista" },
            { "id": 34, "name": "Albergo Ca' d'Oro" },
            { "id": 56, "name": "Residenza Città Alta" },
        ]})
    );
}

#[tokio::test]
async fn reductions_verify_a_token() {
    let sim = start().await;
    let http = client();
    let token = &sim.client_info().paytourist.valid_tokens[0];
    let reply = paytourist_get(&sim, &http, token, "/reductions?structure_id=12&software_id=77").await;
    assert_eq!(reply.status(), 200);
    let body: Value = reply.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "data": serde_json::to_value(data::paytourist_reductions(12)).unwrap() })
    );
    for item in body["data"].as_array().unwrap() {
        assert_eq!(keys(item), ["id", "name"]);
    }
}

#[tokio::test]
async fn reductions_validate_their_parameters() {
    let sim = start().await;
    let http = client();
    let token = &sim.client_info().paytourist.valid_tokens[0];
    let cases = [
        ("/reductions?software_id=77", "The structure id field is required."),
        (
            "/reductions?structure_id=99&software_id=77",
            "The selected structure id is invalid.",
        ),
        (
            "/reductions?structure_id=12&software_id=1",
            "The selected software id is invalid.",
        ),
        ("/reductions", "The structure id field is required. (and 1 more error)"),
    ];
    for (path, message) in cases {
        let reply = paytourist_get(&sim, &http, token, path).await;
        assert_eq!(reply.status(), 422, "{path}");
        let body: Value = reply.json().await.unwrap();
        assert_eq!(body["message"], message);
        assert!(body["errors"].is_object());
    }
}

#[tokio::test]
async fn invalid_expired_and_revoked_tokens_are_unauthenticated() {
    let sim = start().await;
    let http = client();
    let info = sim.client_info().paytourist;
    assert_eq!(info.expired_tokens.len(), 1);
    assert_eq!(info.revoked_tokens.len(), 1);
    let valid = info.valid_tokens[0].clone();
    let wrong = [
        info.expired_tokens[0].clone(),
        info.revoked_tokens[0].clone(),
        "1|nope".to_string(),
        format!("Bearer {valid}"),
        valid.to_lowercase(),
    ];
    for token in wrong {
        for path in ["/structures", "/reductions?structure_id=12&software_id=77"] {
            let reply = paytourist_get(&sim, &http, &token, path).await;
            assert_eq!(reply.status(), 401, "{token} {path}");
            assert_eq!(
                reply.json::<Value>().await.unwrap(),
                json!({ "message": "Unauthenticated." })
            );
        }
    }
    let no_token = http
        .get(format!("{}/api/v1/structures", sim.base_url()))
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), 401);
}

#[cfg(feature = "control")]
#[tokio::test]
async fn tokens_can_be_revoked_and_added_at_run_time() {
    use chrono::{Duration, Utc};
    use ponte_sim::PayTouristToken;
    let sim = start().await;
    let http = client();
    let valid = sim.client_info().paytourist.valid_tokens[0].clone();
    assert_eq!(paytourist_get(&sim, &http, &valid, "/structures").await.status(), 200);
    assert!(sim.revoke_paytourist_token(&valid));
    assert_eq!(paytourist_get(&sim, &http, &valid, "/structures").await.status(), 401);
    let soon = PayTouristToken {
        token: "9|Soon".into(),
        expires_at: Some(Utc::now() + Duration::milliseconds(300)),
        revoked: false,
    };
    sim.add_paytourist_token(soon);
    assert_eq!(paytourist_get(&sim, &http, "9|Soon", "/structures").await.status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(paytourist_get(&sim, &http, "9|Soon", "/structures").await.status(), 401);
    // Over HTTP too.
    let reply = http
        .post(format!("{}/__sim/paytourist/tokens", sim.base_url()))
        .json(&json!({ "token": "10|Http" }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 204);
    assert_eq!(
        paytourist_get(&sim, &http, "10|Http", "/structures").await.status(),
        200
    );
    let reply = http
        .post(format!("{}/__sim/paytourist/revoke", sim.base_url()))
        .json(&json!({ "token": "10|Http" }))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 204);
    assert_eq!(
        paytourist_get(&sim, &http, "10|Http", "/structures").await.status(),
        401
    );
}

#[tokio::test]
async fn without_accept_json_an_unauthenticated_call_is_sent_to_the_login_page() {
    let sim = start().await;
    let http = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let reply = http
        .get(format!("{}/api/v1/structures", sim.base_url()))
        .bearer_auth("1|nope")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 302);
    assert_eq!(reply.headers()["location"], "/login");
    assert!(reply.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}
