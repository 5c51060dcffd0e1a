//! Every switchable fault, set from Rust and over HTTP, with counts, skips and path filters; and the
//! request log.
#![cfg(feature = "control")]

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;
use ponte_sim::{data, Fault, FaultKind, SimHandle, Supplier};
use serde_json::{json, Value};

const BOOKING: &str = "/booking/100001";

/// Infotravel: authenticate first (no fault yet), then set the fault.
async fn infotravel_with(fault: Fault) -> (SimHandle, reqwest::Client, String) {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    sim.faults().push(fault);
    (sim, http, token)
}

async fn get_booking(sim: &SimHandle, http: &reqwest::Client, token: &str) -> reqwest::Response {
    http.get(format!("{}/api/v1{BOOKING}", sim.base_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

fn list_body(sim: &SimHandle) -> Value {
    json!({
        "AccessCredentials": wooba_credentials(sim),
        "Filter": { "SaleDateStart": "2026-01-01", "SaleDateEnd": "2026-02-28", "Locator": null },
        "Page": 1,
        "PageSize": 20,
    })
}

/// A raw HTTP/1.1 GET, to see exactly how the connection ends: the bytes read and the final error.
fn raw_get(sim: &SimHandle, path: &str, token: &str) -> (Vec<u8>, Option<std::io::ErrorKind>) {
    let mut stream = TcpStream::connect(sim.addr()).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let request = format!(
        "GET /api/v1{path} HTTP/1.1\r\nHost: sim\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return (out, None),
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) => return (out, Some(e.kind())),
        }
    }
}

fn content_length(head: &str) -> usize {
    head.lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().parse().unwrap())
        })
        .expect("content-length")
}

#[tokio::test]
async fn bad_credentials_in_each_suppliers_dialect() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    sim.faults().push(Fault::new(FaultKind::BadCredentials).times(3));
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(reply.status(), 401);
    assert_eq!(reply.json::<Value>().await.unwrap()["code"], "INVALID_CREDENTIALS");
    let reply = wooba_post(&sim, &http, "list", &list_body(&sim)).await;
    assert_eq!(reply.status(), 200);
    assert_eq!(
        reply.json::<Value>().await.unwrap()["Exception"]["Code"],
        "CredencialInvalida"
    );
    let pt = sim.client_info().paytourist.valid_tokens[0].clone();
    let reply = paytourist_get(&sim, &http, &pt, "/structures").await;
    assert_eq!(reply.status(), 401);
    assert_eq!(
        reply.json::<Value>().await.unwrap(),
        json!({ "message": "Unauthenticated." })
    );
    // Count used up: back to normal.
    assert!(sim.faults().active().is_empty());
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
}

#[tokio::test]
async fn a_401_then_reauthentication_succeeds() {
    let (sim, http, token) =
        infotravel_with(Fault::new(FaultKind::BadCredentials).on(Supplier::Infotravel).times(1)).await;
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 401);
    let fresh = infotravel_token(&sim, &http).await;
    assert_eq!(get_booking(&sim, &http, &fresh).await.status(), 200);
}

#[tokio::test]
async fn wooba_only_faults() {
    let sim = start().await;
    let http = client();
    sim.faults().push(Fault::new(FaultKind::IpBlocked).times(1));
    sim.faults().push(Fault::new(FaultKind::BadAccessCode).times(1));
    // Not Wooba's: untouched, and the counts are not spent.
    let token = infotravel_token(&sim, &http).await;
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
    let code = |v: Value| v["Exception"]["Code"].as_str().map(str::to_string);
    let first: Value = wooba_post(&sim, &http, "list", &list_body(&sim))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(code(first).as_deref(), Some("IpNaoAutorizado"));
    let second: Value = wooba_post(&sim, &http, "list", &list_body(&sim))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(code(second).as_deref(), Some("AccessCodeInvalido"));
    let third: Value = wooba_post(&sim, &http, "list", &list_body(&sim))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(third["Exception"], Value::Null);
}

#[tokio::test]
async fn api_access_denied() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::ApiAccessDenied)).await;
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(reply.status(), 403);
    let body: Value = reply.json().await.unwrap();
    assert_eq!(body["code"], "API_ACCESS_DENIED");
    assert_eq!(body["message"], "Agência sem permissão de acesso à API");
    sim.faults().clear();
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
}

#[tokio::test]
async fn rate_limited_with_retry_after() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::RateLimited { retry_after_secs: 7 }).times(2)).await;
    for _ in 0..2 {
        let reply = get_booking(&sim, &http, &token).await;
        assert_eq!(reply.status(), 429);
        assert_eq!(reply.headers()["retry-after"], "7");
        let body: Value = reply.json().await.unwrap();
        assert!(body["code"].is_string() && body["message"].is_string() && body["description"].is_string());
    }
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
    // Wooba and PayTourist too.
    sim.faults()
        .push(Fault::new(FaultKind::RateLimited { retry_after_secs: 2 }).times(2));
    let reply = wooba_post(&sim, &http, "list", &list_body(&sim)).await;
    assert_eq!(
        (
            reply.status().as_u16(),
            reply.headers()["retry-after"].to_str().unwrap()
        ),
        (429, "2")
    );
    let pt = sim.client_info().paytourist.valid_tokens[0].clone();
    let reply = paytourist_get(&sim, &http, &pt, "/structures").await;
    assert_eq!(reply.status(), 429);
    assert_eq!(
        reply.json::<Value>().await.unwrap(),
        json!({ "message": "Too Many Attempts." })
    );
}

#[tokio::test]
async fn a_burst_of_5xx() {
    let (sim, http, token) = infotravel_with(
        Fault::new(FaultKind::ServerError { status: 503 })
            .on(Supplier::Infotravel)
            .times(3),
    )
    .await;
    for _ in 0..3 {
        let reply = get_booking(&sim, &http, &token).await;
        assert_eq!(reply.status(), 503);
        assert!(reply.json::<Value>().await.unwrap()["code"].is_string());
    }
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
    sim.faults().push(
        Fault::new(FaultKind::ServerError { status: 500 })
            .on(Supplier::Wooba)
            .times(1),
    );
    let reply = wooba_post(&sim, &http, "list", &list_body(&sim)).await;
    assert_eq!(reply.status(), 500);
}

#[tokio::test]
async fn a_slow_reply_trips_a_client_timeout() {
    let (sim, _, token) = infotravel_with(Fault::new(FaultKind::Slow { delay_ms: 600 }).times(2)).await;
    let impatient = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_millis(150))
        .build()
        .unwrap();
    let err = get_booking_result(&sim, &impatient, &token).await.unwrap_err();
    assert!(err.is_timeout(), "{err}");
    let started = Instant::now();
    let reply = get_booking(&sim, &client(), &token).await;
    assert_eq!(reply.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(600));
}

async fn get_booking_result(
    sim: &SimHandle,
    http: &reqwest::Client,
    token: &str,
) -> reqwest::Result<reqwest::Response> {
    http.get(format!("{}/api/v1{BOOKING}", sim.base_url()))
        .bearer_auth(token)
        .send()
        .await
}

#[tokio::test]
async fn truncated_body_closes_after_half() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::TruncatedBody).times(2)).await;
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(reply.status(), 200);
    assert!(reply.bytes().await.is_err(), "the body is incomplete");
    let (bytes, error) = tokio::task::spawn_blocking(move || {
        let r = raw_get(&sim, BOOKING, &token);
        drop(sim);
        r
    })
    .await
    .unwrap();
    assert_eq!(error, None, "a clean close (FIN), not a reset");
    let text = String::from_utf8_lossy(&bytes);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"));
    let full = content_length(head);
    assert_eq!(body.len(), full / 2);
    assert!(body.starts_with("{\"id\":100001"), "a valid prefix");
}

#[tokio::test]
async fn connection_reset_mid_body() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::ConnectionReset).times(2)).await;
    let reply = get_booking(&sim, &http, &token).await;
    assert!(reply.bytes().await.is_err());
    let (bytes, error) = tokio::task::spawn_blocking(move || {
        let r = raw_get(&sim, BOOKING, &token);
        drop(sim);
        r
    })
    .await
    .unwrap();
    assert_eq!(error, Some(std::io::ErrorKind::ConnectionReset));
    let text = String::from_utf8_lossy(&bytes);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"));
    assert!(!body.is_empty() && body.len() < content_length(head));
}

#[tokio::test]
async fn no_reply_at_all() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::NoReply).times(2)).await;
    assert!(get_booking_result(&sim, &http, &token).await.is_err());
    let (bytes, _) = tokio::task::spawn_blocking(move || {
        let r = raw_get(&sim, BOOKING, &token);
        drop(sim);
        r
    })
    .await
    .unwrap();
    assert!(bytes.is_empty(), "not a byte of a reply");
}

#[tokio::test]
async fn html_empty_and_custom_bodies() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::Html { status: 200 }).times(1)).await;
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(reply.status(), 200);
    assert!(reply.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(reply.text().await.unwrap().starts_with("<!DOCTYPE html>"));

    sim.faults().push(Fault::new(FaultKind::EmptyBody).times(1));
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(reply.status(), 200);
    assert!(reply.bytes().await.unwrap().is_empty());

    let custom = FaultKind::Custom {
        status: 502,
        content_type: "text/plain".into(),
        body: "Bad Gateway".into(),
    };
    sim.faults().push(Fault::new(custom).times(1));
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(reply.status(), 502);
    assert_eq!(reply.text().await.unwrap(), "Bad Gateway");
}

#[tokio::test]
async fn a_huge_reply_is_valid_json_of_the_right_shape() {
    let (sim, http, token) = infotravel_with(
        Fault::new(FaultKind::Huge {
            bytes: 10 * 1024 * 1024,
        })
        .times(1),
    )
    .await;
    let bytes = get_booking(&sim, &http, &token).await.bytes().await.unwrap();
    assert!(bytes.len() >= 10 * 1024 * 1024);
    let value: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(
        value,
        serde_json::to_value(data::infotravel_booking(&sim.config().data, 0)).unwrap()
    );
}

#[tokio::test]
async fn wrong_shape_in_each_dialect() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::WrongShape)).await;
    let (status, body) = infotravel_get(&sim, &http, &token, "/booking?startDate=2026-01-01&endDate=2026-01-31").await;
    assert_eq!(status, 200);
    assert!(body.get("content").is_none());
    let reply = http
        .post(format!("{}/api/v1/authenticate", sim.base_url()))
        .json(&auth_body(&sim))
        .send()
        .await
        .unwrap();
    assert!(reply.json::<Value>().await.unwrap().get("accessToken").is_none());
    let body: Value = wooba_post(&sim, &http, "list", &list_body(&sim))
        .await
        .json()
        .await
        .unwrap();
    assert!(body.get("Sales").is_none());
    let pt = sim.client_info().paytourist.valid_tokens[0].clone();
    let body: Value = paytourist_get(&sim, &http, &pt, "/structures")
        .await
        .json()
        .await
        .unwrap();
    assert!(!body["data"].is_array());
}

#[tokio::test]
async fn one_malformed_booking_in_a_valid_page() {
    let (sim, http, token) = infotravel_with(Fault::new(FaultKind::MalformedBooking).times(1)).await;
    let spec = sim.config().data.clone();
    let path = "/booking?startDate=2026-01-01&endDate=2026-03-31&page=0&size=10";
    let (status, body) = infotravel_get(&sim, &http, &token, path).await;
    assert_eq!(status, 200);
    let content = body["content"].as_array().unwrap();
    assert_eq!(content.len(), 10);
    for (k, b) in content.iter().enumerate() {
        let i = data::infotravel_index_of_id(&spec, b["id"].as_u64().unwrap()).unwrap();
        let good = serde_json::to_value(data::infotravel_booking(&spec, i)).unwrap();
        if k == 5 {
            assert_eq!(b["createdAt"], "31/02/2026 25:61");
            assert!(b["bookingAmount"]["amount"].is_string());
        } else {
            assert_eq!(b, &good);
        }
    }
    // Used up: the same page is whole again.
    let (_, again) = infotravel_get(&sim, &http, &token, path).await;
    assert_eq!(
        again["content"][5]["createdAt"],
        serde_json::to_value(data::infotravel_booking(&spec, 5)).unwrap()["createdAt"]
    );
    // Wooba: the middle sale.
    sim.faults()
        .push(Fault::new(FaultKind::MalformedBooking).on(Supplier::Wooba).times(1));
    let body: Value = wooba_post(&sim, &http, "list", &list_body(&sim))
        .await
        .json()
        .await
        .unwrap();
    let sales = body["Sales"].as_array().unwrap();
    let mid = sales.len() / 2;
    assert!(!sales[mid]["SaleDate"].as_str().unwrap().starts_with("/Date(1"));
    assert!(sales[mid]["Payments"][0]["Amount"].is_string());
    assert!(sales[0]["SaleDate"].as_str().unwrap().starts_with("/Date("));
}

#[tokio::test]
async fn skip_and_path_filters() {
    let sim = start().await;
    let http = client();
    // 5xx on the third booking call only; authentication is never touched.
    sim.faults().push(
        Fault::new(FaultKind::ServerError { status: 502 })
            .on_path("/booking")
            .after(2)
            .times(1),
    );
    let token = infotravel_token(&sim, &http).await;
    let statuses: Vec<u16> = {
        let mut s = Vec::new();
        for _ in 0..4 {
            s.push(get_booking(&sim, &http, &token).await.status().as_u16());
        }
        s
    };
    assert_eq!(statuses, [200, 200, 502, 200]);
    // Until cleared.
    sim.faults()
        .push(Fault::new(FaultKind::ServerError { status: 500 }).on(Supplier::Infotravel));
    for _ in 0..3 {
        assert_eq!(get_booking(&sim, &http, &token).await.status(), 500);
    }
    assert_eq!(sim.faults().active().len(), 1);
    sim.faults().clear_supplier(Supplier::Infotravel);
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
}

#[tokio::test]
async fn faults_over_http() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    let url = format!("{}/__sim/faults", sim.base_url());
    let one = json!({ "kind": "rate_limited", "retry_after_secs": 3, "supplier": "infotravel", "count": 1 });
    let reply = http.post(&url).json(&one).send().await.unwrap();
    assert_eq!(reply.status(), 200);
    assert_eq!(reply.json::<Value>().await.unwrap(), json!([one]));
    let reply = get_booking(&sim, &http, &token).await;
    assert_eq!(
        (
            reply.status().as_u16(),
            reply.headers()["retry-after"].to_str().unwrap()
        ),
        (429, "3")
    );
    // A list, every kind by its JSON name.
    let all = json!([
        { "kind": "bad_credentials" }, { "kind": "ip_blocked" }, { "kind": "bad_access_code" },
        { "kind": "api_access_denied" }, { "kind": "rate_limited" }, { "kind": "server_error", "status": 503 },
        { "kind": "slow", "delay_ms": 10 }, { "kind": "truncated_body" }, { "kind": "connection_reset" },
        { "kind": "html" }, { "kind": "empty_body" }, { "kind": "no_reply" }, { "kind": "huge" },
        { "kind": "wrong_shape" }, { "kind": "malformed_booking", "supplier": "paytourist", "skip": 1 },
        { "kind": "custom", "status": 418, "body": "teapot" }, { "kind": "html", "path_contains": "/structures", "count": 2 },
    ]);
    let reply = http.post(&url).json(&all).send().await.unwrap();
    assert_eq!(reply.status(), 200);
    let active: Value = http.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(active.as_array().unwrap().len(), 17);
    assert_eq!(active[4], json!({ "kind": "rate_limited", "retry_after_secs": 1 }));
    assert_eq!(active[12], json!({ "kind": "huge", "bytes": 10 * 1024 * 1024 }));
    assert_eq!(http.delete(&url).send().await.unwrap().status(), 204);
    assert!(sim.faults().active().is_empty());
    assert_eq!(get_booking(&sim, &http, &token).await.status(), 200);
    // Nonsense is refused.
    let reply = http.post(&url).json(&json!({ "kind": "meteor" })).send().await.unwrap();
    assert_eq!(reply.status(), 400);
}

#[tokio::test]
async fn the_request_log_keeps_no_secret() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    sim.faults()
        .push(Fault::new(FaultKind::ServerError { status: 500 }).times(1));
    get_booking(&sim, &http, &token).await;
    get_booking(&sim, &http, &token).await;
    wooba_post(&sim, &http, "list", &list_body(&sim)).await;
    let pt = sim.client_info().paytourist.valid_tokens[0].clone();
    paytourist_get(&sim, &http, &pt, "/reductions?structure_id=12&software_id=77").await;
    http.get(format!("{}/nowhere?token=abc", sim.base_url()))
        .send()
        .await
        .unwrap();
    let log = sim.requests();
    let summary: Vec<LogLine> = log
        .iter()
        .map(|r| {
            (
                r.supplier,
                r.method.as_str(),
                r.path.as_str(),
                r.status,
                r.fault.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                Some(Supplier::Infotravel),
                "POST",
                "/api/v1/authenticate",
                Some(200),
                None
            ),
            (
                Some(Supplier::Infotravel),
                "GET",
                BOOKING_PATH,
                Some(500),
                Some("server_error")
            ),
            (Some(Supplier::Infotravel), "GET", BOOKING_PATH, Some(200), None),
            (
                Some(Supplier::Wooba),
                "POST",
                "/TravellinkWebApi/api/v1/sales/list",
                Some(200),
                None
            ),
            (Some(Supplier::PayTourist), "GET", "/api/v1/reductions", Some(200), None),
            (None, "GET", "/nowhere", Some(404), None),
        ]
    );
    assert_eq!(log[4].query.as_deref(), Some("structure_id=12&software_id=77"));
    assert_eq!(log[5].query.as_deref(), Some("token=***"));
    assert_eq!(sim.request_count(Some(Supplier::Infotravel)), 3);
    assert_eq!(sim.request_count(None), 6);
    let dump = serde_json::to_string(&log).unwrap();
    for secret in [
        token.as_str(),
        pt.as_str(),
        &sim.config().infotravel.password,
        &sim.config().wooba.password,
    ] {
        assert!(!dump.contains(secret), "{secret} leaked");
    }
    let over_http: Value = http
        .get(format!("{}/__sim/requests", sim.base_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(over_http.as_array().unwrap().len(), 6);
    sim.clear_requests();
    assert_eq!(sim.request_count(None), 0);
}

const BOOKING_PATH: &str = "/api/v1/booking/100001";

/// Supplier, method, path, status, fault.
type LogLine<'a> = (Option<Supplier>, &'a str, &'a str, Option<u16>, Option<&'a str>);
