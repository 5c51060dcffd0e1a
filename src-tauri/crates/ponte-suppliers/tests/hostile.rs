//! "Testar conexão" of each supplier against a hostile simulator over real loopback HTTP: redirects to
//! another origin, replies that drip, bodies over the cap, credentials echoed back (raw and JSON-escaped,
//! across the excerpt's cut), and every reply field missing, null, of the wrong type, huge, nested without
//! end or not UTF-8. Each case: no panic, no hang, a typed error whose catalogue key exists in pt-BR, it and
//! en, and no secret in the error nor at any other host.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use ponte_core::i18n::LOCALES;
use ponte_core::integration_types::IntegrationType;
use ponte_sim::{Fault, FaultKind, Mutation, Sim, SimConfig, SimHandle, Supplier};
use ponte_suppliers::connection_test::{run, TestSuccess};
use ponte_suppliers::http::Limits;
use ponte_suppliers::mask::{normalised, reveals};
use ponte_suppliers::wooba::{DEVELOPER_TOKEN, PUBLIC_KEY_PEM};
use ponte_suppliers::{Form, SupplierError};
use secrecy::SecretString;
use serde_json::json;

async fn start_sim() -> SimHandle {
    Sim::start(SimConfig::new(7, 50).with_test_key()).await.unwrap()
}

const TIMEOUT: Duration = Duration::from_secs(2);

fn limits() -> Limits {
    Limits {
        connect_timeout: TIMEOUT,
        timeout: TIMEOUT,
        max_body: 1024 * 1024,
    }
}

fn s(v: &str) -> SecretString {
    SecretString::from(v.to_string())
}

/// The form of `supplier` with the simulator's good credentials, and the secrets it holds.
fn form(sim: &SimHandle, supplier: Supplier) -> (Form, Vec<String>) {
    let info = sim.client_info();
    match supplier {
        Supplier::Infotravel => {
            let i = info.infotravel;
            let f = Form {
                ty: IntegrationType::Infotravel,
                values: BTreeMap::from([
                    ("url".into(), i.url),
                    ("supplier_id".into(), i.client),
                    ("agency_code".into(), i.agency),
                    ("username".into(), i.username),
                ]),
                secrets: BTreeMap::from([("password".into(), s(&i.password))]),
            };
            (f, vec![i.password])
        }
        Supplier::Wooba => {
            let w = info.wooba;
            let f = Form {
                ty: IntegrationType::Wooba,
                values: BTreeMap::from([
                    ("url".into(), w.url),
                    ("username".into(), w.identifier),
                    (PUBLIC_KEY_PEM.into(), w.public_key_pem),
                ]),
                secrets: BTreeMap::from([
                    ("password".into(), s(&w.password)),
                    (DEVELOPER_TOKEN.into(), s(&w.developer_token)),
                ]),
            };
            (f, vec![w.password, w.developer_token])
        }
        Supplier::PayTourist => {
            let p = info.paytourist;
            let token = p.valid_tokens[0].clone();
            let f = Form {
                ty: IntegrationType::Paytourist,
                values: BTreeMap::from([
                    ("comune".into(), "firenze".into()),
                    ("structure_id".into(), p.structures[0].id.to_string()),
                    ("software_id".into(), p.software_id.to_string()),
                    ("api_url".into(), p.url),
                ]),
                secrets: BTreeMap::from([(ponte_suppliers::paytourist::TOKEN.into(), s(&token))]),
            };
            (f, vec![token])
        }
    }
}

const SUPPLIERS: [Supplier; 3] = [Supplier::Infotravel, Supplier::Wooba, Supplier::PayTourist];

/// The path of each supplier's connection test call.
fn test_path(supplier: Supplier) -> &'static str {
    match supplier {
        Supplier::Infotravel => "/api/v1/authenticate",
        Supplier::Wooba => "/TravellinkWebApi/api/v1/sales/list",
        Supplier::PayTourist => "/api/v1/reductions",
    }
}

/// Runs the connection test under `fault`: bounded in time, never a panic; an error is typed, in every
/// language, and shows no secret.
async fn probe(
    sim: &SimHandle,
    supplier: Supplier,
    fault: Fault,
    bound: Duration,
) -> Result<TestSuccess, SupplierError> {
    let (form, secrets) = form(sim, supplier);
    let secrets: Vec<&str> = secrets.iter().map(String::as_str).collect();
    sim.faults().clear();
    sim.faults().push(fault.clone().on(supplier));
    let started = Instant::now();
    let r = tokio::time::timeout(bound, run(&form, &limits()))
        .await
        .unwrap_or_else(|_| panic!("{supplier:?} {fault:?}: no answer within {bound:?}"));
    sim.faults().clear();
    assert!(
        started.elapsed() <= bound,
        "{supplier:?} {fault:?} took {:?}",
        started.elapsed()
    );
    if let Err(e) = &r {
        let reply = e.reply();
        for l in LOCALES {
            assert!(
                l.catalogue().contains_key(&reply.key),
                "{supplier:?} {fault:?}: {} has no {} text",
                reply.key,
                l.tag()
            );
        }
        for (k, v) in &reply.params {
            assert!(!reveals(v, &secrets), "{supplier:?} {fault:?}: a secret in {k} = {v}");
        }
        assert!(!reveals(&e.to_string(), &secrets), "{supplier:?} {fault:?}: {e}");
    }
    r
}

#[tokio::test]
async fn redirects_are_refused_and_nothing_reaches_the_other_origin() {
    let sim = start_sim().await;
    // The other origin serves the same API: a client that followed the redirect would succeed there.
    let elsewhere = start_sim().await;
    for supplier in SUPPLIERS {
        for status in [301, 302, 303, 307, 308] {
            let location = format!("{}{}", elsewhere.base_url(), test_path(supplier));
            let fault = Fault::new(FaultKind::Redirect { status, location });
            let err = probe(&sim, supplier, fault, TIMEOUT * 2).await.unwrap_err();
            assert_eq!(err.code(), "redirect_refused", "{supplier:?} {status}: {err:?}");
            assert_eq!(err.reply().params["target"], elsewhere.base_url());
            assert_eq!(err.reply().params["status"], status.to_string());
        }
    }
    assert_eq!(elsewhere.request_count(None), 0, "{:?}", elsewhere.requests());
    // A relative redirect (same origin) is refused too: nothing is sent twice.
    let fault = Fault::new(FaultKind::Redirect {
        status: 307,
        location: "/infotravel/api/v1/authenticate".into(),
    });
    sim.clear_requests();
    let err = probe(&sim, Supplier::Infotravel, fault, TIMEOUT * 2).await.unwrap_err();
    assert_eq!(err.code(), "redirect_refused");
    assert_eq!(sim.request_count(None), 1);
}

#[tokio::test]
async fn a_dripping_or_silent_supplier_ends_with_a_timeout_within_the_limit() {
    let sim = start_sim().await;
    for supplier in SUPPLIERS {
        for kind in [
            FaultKind::Drip { interval_ms: 1000 },
            FaultKind::Drip { interval_ms: 150 },
            FaultKind::Slow { delay_ms: 60_000 },
        ] {
            let started = Instant::now();
            let err = probe(
                &sim,
                supplier,
                Fault::new(kind.clone()),
                TIMEOUT + Duration::from_secs(2),
            )
            .await
            .unwrap_err();
            assert_eq!(err.code(), "timeout", "{supplier:?} {kind:?}: {err:?}");
            assert!(
                started.elapsed() < TIMEOUT + Duration::from_millis(900),
                "{kind:?}: {:?}",
                started.elapsed()
            );
        }
    }
}

#[tokio::test]
async fn bodies_over_the_cap_are_refused() {
    let sim = start_sim().await;
    for supplier in SUPPLIERS {
        let err = probe(
            &sim,
            supplier,
            Fault::new(FaultKind::Huge { bytes: 3 * 1024 * 1024 }),
            TIMEOUT * 2,
        )
        .await
        .unwrap_err();
        assert_eq!(err, SupplierError::TooLarge { limit: 1024 * 1024 });
    }
}

#[tokio::test]
async fn any_expire_seconds_is_survived_and_clamped() {
    let sim = start_sim().await;
    let cases = [
        (json!(18446744073709551615u64), Some("1440")),
        (json!(1e300), Some("1440")),
        (json!(-5), Some("0")),
        (json!("120"), Some("2")),
        (json!("soon"), Some("60")),
        (json!({"a": 1}), Some("60")),
    ];
    for (value, minutes) in cases {
        let fault = Fault::new(FaultKind::Mutate {
            field: "expire_seconds".into(),
            mutation: Mutation::Value(value.clone()),
        })
        .on_path("/authenticate");
        let ok = probe(&sim, Supplier::Infotravel, fault, TIMEOUT * 2).await;
        assert_eq!(ok.unwrap().params["minutes"], minutes.unwrap(), "{value}");
    }
}

#[tokio::test]
async fn echoed_credentials_never_reach_the_error_raw_or_escaped() {
    let sim = start_sim().await;
    for supplier in SUPPLIERS {
        let (_, secrets) = form(&sim, supplier);
        let mut seen = 0;
        for status in [400, 200, 422] {
            for escape_levels in 0..=2 {
                for pad in (0..220).step_by(11) {
                    let fault = Fault::new(FaultKind::EchoCredentials {
                        status,
                        escape_levels,
                        pad,
                    });
                    let r = probe(&sim, supplier, fault, TIMEOUT * 2).await;
                    let err = r.expect_err("an echo is no success");
                    if let SupplierError::Unexpected { excerpt, .. } = &err {
                        seen += 1;
                        // Not even the start of a secret (one cut by the excerpt's end).
                        let shown = normalised(excerpt);
                        for secret in &secrets {
                            let start: String = normalised(secret).chars().take(5).collect();
                            assert!(!shown.contains(&start), "{status}/{escape_levels}/{pad}: {excerpt}");
                        }
                    }
                }
            }
        }
        assert!(seen > 0, "{supplier:?}: no excerpt was made");
    }
}

/// Every field of the authentication (Infotravel) and list (Wooba, PayTourist) replies, every way it can
/// be wrong, plus the whole-reply faults.
#[tokio::test]
async fn every_field_missing_null_wrong_huge_nested_or_not_utf8() {
    let sim = start_sim().await;
    let fields: [(Supplier, &[&str]); 3] = [
        (Supplier::Infotravel, &["", "accessToken", "expire_seconds", "type"]),
        (Supplier::Wooba, &["", "Sales", "TotalPages", "Exception", "Page"]),
        (Supplier::PayTourist, &["", "data", "data.0", "data.0.id"]),
    ];
    let mutations = [
        Mutation::Missing,
        Mutation::Null,
        Mutation::WrongType,
        Mutation::Huge,
        Mutation::Nested,
        Mutation::InvalidUtf8,
        Mutation::Value(json!({"Exception": {"Code": 1, "Message": ["x"]}})),
        Mutation::Value(json!("\u{0}\u{FFFF}\u{10FFFF}")),
    ];
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for (supplier, paths) in fields {
        for field in paths {
            for mutation in &mutations {
                let fault = Fault::new(FaultKind::Mutate {
                    field: field.to_string(),
                    mutation: mutation.clone(),
                });
                let r = probe(&sim, supplier, fault, TIMEOUT * 2).await;
                let code = r.as_ref().map(|_| "ok").unwrap_or_else(|e| e.code());
                *outcomes.entry(code.into()).or_default() += 1;
            }
        }
    }
    for kind in [
        FaultKind::WrongShape,
        FaultKind::EmptyBody,
        FaultKind::Html { status: 200 },
        FaultKind::NoReply,
        FaultKind::TruncatedBody,
        FaultKind::ConnectionReset,
        FaultKind::MalformedBooking,
        FaultKind::Custom {
            status: 200,
            content_type: "application/json".into(),
            body: "{\"data\": [".repeat(50_000),
        },
    ] {
        for supplier in SUPPLIERS {
            let r = probe(&sim, supplier, Fault::new(kind.clone()), TIMEOUT * 2).await;
            let code = r.as_ref().map(|_| "ok").unwrap_or_else(|e| e.code());
            *outcomes.entry(code.into()).or_default() += 1;
        }
    }
    assert!(outcomes.contains_key("unexpected_reply"), "{outcomes:?}");
}
