//! Infotravel as docs/PROTOCOLS.md#infotravel describes it: authentication, bearer checks, one booking, date and
//! locator searches with Spring pages, errors.

mod common;

use std::time::Duration;

use chrono::NaiveDate;
use common::*;
use ponte_sim::data;
use serde_json::{json, Value};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[tokio::test]
async fn authenticate_replies_with_a_bearer_token() {
    let sim = start().await;
    let http = client();
    let reply = http
        .post(format!("{}/api/v1/authenticate", sim.base_url()))
        .json(&auth_body(&sim))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let body: Value = reply.json().await.unwrap();
    assert_eq!(keys(&body), ["accessToken", "expire_seconds", "type"]);
    assert_eq!(body["type"], "Bearer");
    assert_eq!(body["expire_seconds"], 3600);
    assert!(body["accessToken"].as_str().unwrap().len() >= 32);
}

#[tokio::test]
async fn every_credential_is_checked() {
    let sim = start().await;
    let http = client();
    for field in ["username", "password", "agency", "client"] {
        let mut body = auth_body(&sim);
        body[field] = json!("errado");
        let reply = http
            .post(format!("{}/api/v1/authenticate", sim.base_url()))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), 401, "{field}");
        let body: Value = reply.json().await.unwrap();
        assert_eq!(body["code"], "INVALID_CREDENTIALS");
        assert_eq!(body["message"], "Credencial inválida");
        assert!(body["description"].is_string());
    }
    // Case matters too.
    let mut body = auth_body(&sim);
    body["client"] = json!("bwt");
    let reply = http
        .post(format!("{}/api/v1/authenticate", sim.base_url()))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 401);
}

#[tokio::test]
async fn every_call_needs_a_valid_bearer() {
    let sim = start().await;
    let http = client();
    let no_auth = http
        .get(format!("{}/api/v1/booking/100001", sim.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(no_auth.status(), 401);
    let (status, body) = infotravel_get(&sim, &http, "forged", "/booking/100001").await;
    assert_eq!((status, body["code"].as_str()), (401, Some("INVALID_CREDENTIALS")));
    let token = infotravel_get(&sim, &http, &infotravel_token(&sim, &http).await, "/booking/100001").await;
    assert_eq!(token.0, 200);
}

#[tokio::test]
async fn tokens_expire_and_reauthentication_works() {
    let mut config = config();
    config.infotravel.token_ttl_secs = 1;
    let sim = start_with(config).await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    assert_eq!(infotravel_get(&sim, &http, &token, "/booking/100001").await.0, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(infotravel_get(&sim, &http, &token, "/booking/100001").await.0, 401);
    let fresh = infotravel_token(&sim, &http).await;
    assert_eq!(infotravel_get(&sim, &http, &fresh, "/booking/100001").await.0, 200);
    // Forced expiry, without waiting (the test rig's control surface).
    #[cfg(feature = "control")]
    {
        sim.expire_infotravel_tokens();
        assert_eq!(infotravel_get(&sim, &http, &fresh, "/booking/100001").await.0, 401);
    }
}

#[tokio::test]
async fn an_agency_without_api_permission_gets_403() {
    let mut config = config();
    config.infotravel.api_access_granted = false;
    let sim = start_with(config).await;
    let reply = client()
        .post(format!("{}/api/v1/authenticate", sim.base_url()))
        .json(&auth_body(&sim))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 403);
    let body: Value = reply.json().await.unwrap();
    assert_eq!(body["code"], "API_ACCESS_DENIED");
    assert_eq!(body["message"], "Agência sem permissão de acesso à API");
}

#[tokio::test]
async fn one_booking_is_the_generators_booking() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    for i in [0usize, 1, 150, BOOKINGS - 1] {
        let id = data::INFOTRAVEL_FIRST_ID + i as u64;
        let (status, body) = infotravel_get(&sim, &http, &token, &format!("/booking/{id}")).await;
        assert_eq!(status, 200);
        assert_eq!(
            body,
            serde_json::to_value(data::infotravel_booking(&sim.config().data, i)).unwrap()
        );
        assert!(!has_null(&body), "nulls are omitted");
        assert_eq!(body["company"]["agency"], 4521);
    }
    let (status, body) = infotravel_get(&sim, &http, &token, "/booking/99").await;
    assert_eq!((status, body["code"].as_str()), (404, Some("NOT_FOUND")));
    let (status, body) = infotravel_get(&sim, &http, &token, "/booking/abc").await;
    assert_eq!((status, body["code"].as_str()), (400, Some("BAD_REQUEST")));
}

#[tokio::test]
async fn booking_fields_follow_the_page() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    let (_, body) = infotravel_get(&sim, &http, &token, "/booking/100003").await;
    let created = body["createdAt"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_str(created, "%Y-%m-%dT%H:%M:%S%:z").is_ok(),
        "{created}"
    );
    assert!(created.ends_with("-03:00"));
    assert_eq!(keys(&body["bookingAmount"]), ["amount", "currency"]);
    assert_eq!(keys(&body["contact"]), ["email", "name", "telephone"]);
    assert_eq!(keys(&body["company"]), ["agency", "id", "name"]);
    for p in body["payments"].as_array().unwrap() {
        assert_eq!(keys(p), ["paymentConfirmed", "type", "value"]);
    }
    let product_lists: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| k.starts_with("booking") && *k != "bookingAmount")
        .map(|k| k.as_str())
        .collect();
    assert!(!product_lists.is_empty());
    for list in product_lists {
        assert!(data::INFOTRAVEL_PRODUCT_LISTS.contains(&list), "{list}");
        for item in body[list].as_array().unwrap() {
            for field in ["status", "locators", "provider", "names", "fares"] {
                assert!(item.get(field).is_some(), "{list}.{field}");
            }
            for f in item["fares"].as_array().unwrap() {
                assert_eq!(keys(f), ["price", "priceNet", "priceSale", "type"]);
            }
        }
    }
}

/// Walks a date search to its last page and checks each page against the generator.
#[tokio::test]
async fn date_search_pages_to_the_end() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    let spec = &sim.config().data;
    let (start, end) = (day(2026, 2, 1), day(2026, 5, 31));
    let expected = data::infotravel_range(spec, start, end);
    assert!(expected.len() > 60, "enough for several pages");
    let size = 23;
    let pages = expected.len().div_ceil(size);
    let mut seen = Vec::new();
    for page in 0..=pages {
        let (status, body) = infotravel_get(
            &sim,
            &http,
            &token,
            &format!("/booking?startDate={start}&endDate={end}&page={page}&size={size}"),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            keys(&body),
            ["content", "last", "number", "size", "totalElements", "totalPages"]
        );
        assert_eq!(body["number"], page);
        assert_eq!(body["size"], size);
        assert_eq!(body["totalElements"], expected.len());
        assert_eq!(body["totalPages"], pages);
        assert_eq!(body["last"], page + 1 >= pages);
        let content = body["content"].as_array().unwrap();
        if page == pages {
            assert!(content.is_empty(), "past the end");
        }
        for b in content {
            let d = NaiveDate::parse_from_str(&b["createdAt"].as_str().unwrap()[..10], "%Y-%m-%d").unwrap();
            assert!(d >= start && d <= end);
            seen.push(b["id"].as_u64().unwrap());
        }
    }
    let wanted: Vec<u64> = expected.map(|i| data::INFOTRAVEL_FIRST_ID + i as u64).collect();
    assert_eq!(seen, wanted);
}

#[tokio::test]
async fn date_search_edges() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    // Both ends inclusive: the day of booking 10 alone contains it.
    let d = data::infotravel_created_at(&sim.config().data, 10).date_naive();
    let (_, body) = infotravel_get(
        &sim,
        &http,
        &token,
        &format!("/booking?startDate={d}&endDate={d}&page=0&size=500"),
    )
    .await;
    assert!(body["content"].as_array().unwrap().iter().any(|b| b["id"] == 100_011));
    // size is at most 500.
    let (_, body) = infotravel_get(
        &sim,
        &http,
        &token,
        "/booking?startDate=2026-01-01&endDate=2026-12-31&page=0&size=5000",
    )
    .await;
    assert_eq!(body["size"], 500);
    // Nothing sold then.
    let (status, body) = infotravel_get(
        &sim,
        &http,
        &token,
        "/booking?startDate=2027-01-01&endDate=2027-01-31&page=0&size=10",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"content": [], "number": 0, "size": 10, "totalElements": 0, "totalPages": 0, "last": true})
    );
    // Bad dates.
    for q in [
        "startDate=01/02/2026&endDate=2026-02-02",
        "startDate=2026-2-1&endDate=2026-02-02",
        "endDate=2026-02-02",
        "page=0",
    ] {
        let (status, body) = infotravel_get(&sim, &http, &token, &format!("/booking?{q}")).await;
        assert_eq!((status, body["code"].as_str()), (400, Some("BAD_REQUEST")), "{q}");
    }
}

#[tokio::test]
async fn locator_search_is_exact_and_case_sensitive() {
    let sim = start().await;
    let http = client();
    let token = infotravel_token(&sim, &http).await;
    let spec = &sim.config().data;
    let booking = data::infotravel_booking(spec, 42);
    let mut codes = booking.search_codes();
    codes.sort();
    codes.dedup();
    assert!(codes.len() >= 4);
    for code in &codes {
        let (status, body) =
            infotravel_get(&sim, &http, &token, &format!("/booking?locator={code}&page=0&size=100")).await;
        assert_eq!(status, 200);
        assert_eq!(
            keys(&body),
            ["content", "last", "number", "size", "totalElements", "totalPages"]
        );
        let ids: Vec<u64> = body["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["id"].as_u64().unwrap())
            .collect();
        assert!(ids.contains(&booking.id), "{code}");
    }
    // A code with letters, in another case, is another code.
    let lettered: Vec<&String> = codes
        .iter()
        .filter(|c| c.chars().any(|ch| ch.is_ascii_alphabetic()))
        .collect();
    assert!(!lettered.is_empty());
    for code in lettered {
        for variant in [code.to_lowercase(), code.to_uppercase()] {
            if &variant == code {
                continue;
            }
            let (_, body) = infotravel_get(
                &sim,
                &http,
                &token,
                &format!("/booking?locator={variant}&page=0&size=100"),
            )
            .await;
            let ids: Vec<u64> = body["content"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["id"].as_u64().unwrap())
                .collect();
            assert!(!ids.contains(&booking.id), "{variant} must not match {code}");
        }
    }
    // Part of a code is not the code.
    let partial = &codes.iter().find(|c| c.len() > 6).unwrap()[1..];
    let (_, body) = infotravel_get(
        &sim,
        &http,
        &token,
        &format!("/booking?locator={partial}&page=0&size=100"),
    )
    .await;
    assert!(!body["content"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["id"] == booking.id));
}

#[tokio::test]
async fn an_installation_under_a_path_serves_the_same_api() {
    let sim = start().await;
    let http = client();
    let base = format!("{}/infotravel/api/v1", sim.base_url());
    let reply = http
        .post(format!("{base}/authenticate"))
        .json(&auth_body(&sim))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let token = reply.json::<Value>().await.unwrap()["accessToken"]
        .as_str()
        .unwrap()
        .to_string();
    let reply = http
        .get(format!("{base}/booking/100001"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    // A doubled /api/v1 is not an API; errors keep the page's shape.
    let reply = http
        .get(format!("{base}/api/v1/booking/100001"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 404);
    assert_eq!(
        keys(&reply.json::<Value>().await.unwrap()),
        ["code", "description", "message"]
    );
    let reply = http
        .delete(format!("{base}/booking/100001"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 405);
    assert_eq!(
        keys(&reply.json::<Value>().await.unwrap()),
        ["code", "description", "message"]
    );
}

#[tokio::test]
async fn authenticate_needs_a_json_body() {
    let sim = start().await;
    let http = client();
    let url = format!("{}/api/v1/authenticate", sim.base_url());
    let reply = http.post(&url).body(auth_body(&sim).to_string()).send().await.unwrap();
    assert_eq!(reply.status(), 415);
    let reply = http
        .post(&url)
        .header("Content-Type", "application/json")
        .body("{nope")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 400);
    assert_eq!(reply.json::<Value>().await.unwrap()["code"], "BAD_REQUEST");
}
