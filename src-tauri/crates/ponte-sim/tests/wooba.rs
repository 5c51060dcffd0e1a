//! Wooba API Sales as docs/PROTOCOLS.md#wooba-api-sales describes it: developer headers, agency credentials in
//! the body, HTTP 200 errors with `Exception`, `/Date(ms-0300)/` dates, pages from 1, exact locators.

mod common;

use chrono::{Duration, Utc};
use common::*;
use ponte_sim::{data, wooba};
use serde_json::{json, Value};

fn list_body(sim: &ponte_sim::SimHandle, start: &str, end: &str, page: i64, size: i64) -> Value {
    json!({
        "AccessCredentials": wooba_credentials(sim),
        "Filter": { "SaleDateStart": start, "SaleDateEnd": end, "Locator": null },
        "Page": page,
        "PageSize": size,
    })
}

async fn exception_code(reply: reqwest::Response) -> (u16, Option<String>) {
    let status = reply.status().as_u16();
    let body: Value = reply.json().await.unwrap();
    (status, body["Exception"]["Code"].as_str().map(str::to_string))
}

#[tokio::test]
async fn list_pages_from_one_to_the_end() {
    let sim = start().await;
    let http = client();
    let spec = &sim.config().data;
    let expected = data::wooba_range(
        spec,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
    );
    let size = 19;
    let total_pages = expected.len().div_ceil(size);
    assert!(total_pages >= 3);
    let mut seen = Vec::new();
    for page in 1..=total_pages + 1 {
        let reply = wooba_post(
            &sim,
            &http,
            "list",
            &list_body(&sim, "2026-03-01", "2026-06-30", page as i64, size as i64),
        )
        .await;
        assert_eq!(reply.status(), 200);
        assert!(reply.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"));
        let body: Value = reply.json().await.unwrap();
        assert_eq!(keys(&body), ["Exception", "Page", "Sales", "TotalPages"]);
        assert_eq!(body["Exception"], Value::Null);
        assert_eq!(body["Page"], page);
        assert_eq!(body["TotalPages"], total_pages);
        let sales = body["Sales"].as_array().unwrap();
        if page > total_pages {
            assert!(sales.is_empty());
        }
        for s in sales {
            let i = data::wooba_index_of_sale_id(spec, s["SaleId"].as_u64().unwrap()).unwrap();
            assert_eq!(s, &serde_json::to_value(data::wooba_sale(spec, i)).unwrap());
            seen.push(i);
        }
    }
    assert_eq!(seen, expected.collect::<Vec<_>>());
}

#[tokio::test]
async fn a_sale_has_the_pages_fields_and_date_format() {
    let sim = start().await;
    let http = client();
    let reply = wooba_post(&sim, &http, "list", &list_body(&sim, "2026-01-01", "2026-12-31", 1, 50)).await;
    let body: Value = reply.json().await.unwrap();
    let date = regex_like_wooba_date;
    for sale in body["Sales"].as_array().unwrap() {
        assert_eq!(
            keys(sale),
            ["Customer", "Locator", "Payments", "Products", "SaleDate", "SaleId", "Status"]
        );
        assert!(date(sale["SaleDate"].as_str().unwrap()), "{}", sale["SaleDate"]);
        assert!(["Emitido", "Reservado", "Cancelado"].contains(&sale["Status"].as_str().unwrap()));
        assert_eq!(keys(&sale["Customer"]), ["Document", "Name"]);
        for p in sale["Products"].as_array().unwrap() {
            assert_eq!(
                keys(p),
                [
                    "Amount",
                    "Currency",
                    "Description",
                    "EndDate",
                    "Locator",
                    "Passengers",
                    "StartDate",
                    "Supplier",
                    "Type"
                ]
            );
            assert!(["Aereo", "Hotel", "Carro", "Seguro"].contains(&p["Type"].as_str().unwrap()));
            assert!(date(p["StartDate"].as_str().unwrap()) && date(p["EndDate"].as_str().unwrap()));
            for pax in p["Passengers"].as_array().unwrap() {
                assert_eq!(keys(pax), ["Name", "Type"]);
            }
        }
        for pay in sale["Payments"].as_array().unwrap() {
            assert_eq!(keys(pay), ["Amount", "Currency", "Type"]);
            assert!(["CartaoCredito", "Faturado", "Pix", "DiretoAgencia"].contains(&pay["Type"].as_str().unwrap()));
        }
    }
}

/// `/Date(<digits>-0300)/`.
fn regex_like_wooba_date(s: &str) -> bool {
    let Some(inner) = s.strip_prefix("/Date(").and_then(|r| r.strip_suffix(")/")) else {
        return false;
    };
    let Some((ms, offset)) = inner.split_once('-') else {
        return false;
    };
    !ms.is_empty() && ms.bytes().all(|b| b.is_ascii_digit()) && offset == "0300"
}

#[tokio::test]
async fn the_developer_access_code_is_checked() {
    let sim = start().await;
    let http = client();
    let url = format!("{}/TravellinkWebApi/api/v1/sales/list", sim.base_url());
    let body = list_body(&sim, "2026-01-01", "2026-01-31", 1, 10);
    let token = sim.config().wooba.developer_token.clone();
    let pem = sim.wooba_public_key_pem().to_string();
    let today = Utc::now().date_naive();
    let send = |token: String, code: Option<String>| {
        let mut rq = http.post(&url).header("Developer-Token", token).json(&body);
        if let Some(code) = code {
            rq = rq.header("Developer-Access-Code", code);
        }
        rq.send()
    };
    // Today, yesterday and tomorrow (time zones) pass.
    for offset in [-1, 0, 1] {
        let code = wooba::access_code(&pem, &token, today + Duration::days(offset)).unwrap();
        let (status, code) = exception_code(send(token.clone(), Some(code)).await.unwrap()).await;
        assert_eq!((status, code), (200, None), "day {offset}");
    }
    let bad = [
        ("no header", None),
        ("not base64", Some("%%%".to_string())),
        ("garbage", Some("AAAA".to_string())),
        (
            "old date",
            Some(wooba::access_code(&pem, &token, today - Duration::days(5)).unwrap()),
        ),
        (
            "other token",
            Some(wooba::access_code(&pem, "someone-else", today).unwrap()),
        ),
        (
            "other key",
            Some(wooba::access_code(&other_public_key(), &token, today).unwrap()),
        ),
    ];
    for (what, code) in bad {
        let (status, code) = exception_code(send(token.clone(), code).await.unwrap()).await;
        assert_eq!((status, code.as_deref()), (200, Some("AccessCodeInvalido")), "{what}");
    }
    // The right code with another Developer-Token header.
    let code = wooba::access_code(&pem, &token, today).unwrap();
    let (_, code) = exception_code(send("intruso".into(), Some(code)).await.unwrap()).await;
    assert_eq!(code.as_deref(), Some("AccessCodeInvalido"));
}

#[tokio::test]
async fn the_test_key_is_generated_at_run_time() {
    use rsa::pkcs8::DecodePublicKey;
    use rsa::traits::PublicKeyParts;
    let sim = start().await;
    let pem = sim.wooba_public_key_pem();
    let key = rsa::RsaPublicKey::from_public_key_pem(pem).expect("an SPKI public key");
    assert_eq!(key.n().bits(), ponte_sim::TEST_KEY_BITS);
    assert!(matches!(
        sim.config().wooba.key,
        ponte_sim::WoobaKey::Generate {
            bits: ponte_sim::TEST_KEY_BITS
        }
    ));
    let info = serde_json::to_string(&sim.client_info()).unwrap();
    assert!(!info.contains("PRIVATE KEY"), "only the public half is handed out");
    // Ponte's client encrypts with it (the access code of `wooba_post`): a real call succeeds.
    let body = list_body(&sim, "2026-01-01", "2026-01-31", 1, 10);
    let (status, code) = exception_code(wooba_post(&sim, &client(), "list", &body).await).await;
    assert_eq!((status, code), (200, None));
}

/// A public key that is not the simulator's (generated small: this is a debug build).
fn other_public_key() -> String {
    use rsa::pkcs8::{EncodePublicKey, LineEnding};
    let key = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).unwrap();
    rsa::RsaPublicKey::from(&key).to_public_key_pem(LineEnding::LF).unwrap()
}

#[tokio::test]
async fn credentials_and_ip_restriction_are_http_200_exceptions() {
    let sim = start().await;
    let http = client();
    for (identifier, password) in [
        ("agencia.ponte", "errada"),
        ("outra", "Wooba@Simão-2026"),
        ("AGENCIA.PONTE", "Wooba@Simão-2026"),
    ] {
        let mut body = list_body(&sim, "2026-01-01", "2026-01-31", 1, 10);
        body["AccessCredentials"] = json!({ "Company": { "Identifier": identifier, "Password": password } });
        let reply = wooba_post(&sim, &http, "list", &body).await;
        assert_eq!(reply.status(), 200);
        let body: Value = reply.json().await.unwrap();
        assert_eq!(
            body,
            json!({ "Exception": { "Code": "CredencialInvalida", "Message": "Credencial inválida" } })
        );
    }
    let mut config = config();
    config.wooba.ip_allowed = false;
    let blocked = start_with(config).await;
    let reply = wooba_post(
        &blocked,
        &http,
        "list",
        &list_body(&blocked, "2026-01-01", "2026-01-31", 1, 10),
    )
    .await;
    let body: Value = reply.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "Exception": { "Code": "IpNaoAutorizado", "Message": "IP não autorizado" } })
    );
}

#[tokio::test]
async fn locator_filter_is_exact_and_case_sensitive() {
    let sim = start().await;
    let http = client();
    let spec = &sim.config().data;
    let sale = data::wooba_sale(spec, 77);
    let by_locator = |code: &str| {
        json!({
            "AccessCredentials": wooba_credentials(&sim),
            "Filter": { "SaleDateStart": null, "SaleDateEnd": null, "Locator": code },
            "Page": 1,
            "PageSize": 100,
        })
    };
    for code in sale.search_codes() {
        let body: Value = wooba_post(&sim, &http, "list", &by_locator(code))
            .await
            .json()
            .await
            .unwrap();
        let ids: Vec<u64> = body["Sales"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["SaleId"].as_u64().unwrap())
            .collect();
        assert!(ids.contains(&sale.sale_id), "{code}");
        assert_eq!(body["TotalPages"], ids.len().div_ceil(100));
    }
    // With dates too, the dates narrow the match.
    let sold = data::wooba_sale_time(spec, 77).date_naive();
    let mut narrowed = by_locator(&sale.locator);
    narrowed["Filter"]["SaleDateStart"] = json!(sold.to_string());
    narrowed["Filter"]["SaleDateEnd"] = json!(sold.to_string());
    let body: Value = wooba_post(&sim, &http, "list", &narrowed).await.json().await.unwrap();
    assert_eq!(body["Sales"][0]["SaleId"], sale.sale_id);
    let next_day = sold.succ_opt().unwrap().to_string();
    narrowed["Filter"]["SaleDateStart"] = json!(next_day);
    narrowed["Filter"]["SaleDateEnd"] = json!(next_day);
    let body: Value = wooba_post(&sim, &http, "list", &narrowed).await.json().await.unwrap();
    assert_eq!(body["Sales"], json!([]));
    let lower = sale.locator.to_lowercase();
    assert_ne!(lower, sale.locator);
    let body: Value = wooba_post(&sim, &http, "list", &by_locator(&lower))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["Sales"], json!([]));
    assert_eq!(body["TotalPages"], 0);
}

#[tokio::test]
async fn details_returns_one_sale() {
    let sim = start().await;
    let http = client();
    let spec = &sim.config().data;
    let sale = data::wooba_sale(spec, 5);
    let body = json!({ "AccessCredentials": wooba_credentials(&sim), "SaleId": sale.sale_id });
    let reply: Value = wooba_post(&sim, &http, "details", &body).await.json().await.unwrap();
    assert_eq!(
        reply,
        json!({ "Sale": serde_json::to_value(&sale).unwrap(), "Exception": null })
    );
    let body = json!({ "AccessCredentials": wooba_credentials(&sim), "SaleId": 1 });
    let (_, code) = exception_code(wooba_post(&sim, &http, "details", &body).await).await;
    assert_eq!(code.as_deref(), Some("VendaNaoEncontrada"));
}

#[tokio::test]
async fn bad_filters_are_exceptions_too() {
    let sim = start().await;
    let http = client();
    for body in [
        list_body(&sim, "01/03/2026", "2026-03-31", 1, 10),
        list_body(&sim, "2026-03-01", "2026-03-31", 0, 10),
        json!({ "AccessCredentials": wooba_credentials(&sim), "Page": 1, "PageSize": 10 }),
    ] {
        let (status, code) = exception_code(wooba_post(&sim, &http, "list", &body).await).await;
        assert_eq!((status, code.as_deref()), (200, Some("FiltroInvalido")), "{body}");
    }
}
