//! "Testar conexão" of each type against the supplier simulator over real loopback HTTP, and every
//! failure mapped to the error that names the fix.

use std::collections::BTreeMap;
use std::time::Duration;

use ponte_core::integration_types::IntegrationType;
use ponte_sim::{Fault, FaultKind, Sim, SimConfig, SimHandle, Supplier};
use ponte_suppliers::connection_test::run;
use ponte_suppliers::http::Limits;
use ponte_suppliers::wooba::{DEVELOPER_TOKEN, PUBLIC_KEY_PEM};
use ponte_suppliers::Form;
use ponte_suppliers::SupplierError;
use secrecy::SecretString;

async fn sim() -> SimHandle {
    Sim::start(SimConfig::new(7, 50).with_test_key()).await.unwrap()
}

fn limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(2),
        max_body: 1024 * 1024,
    }
}

fn s(v: &str) -> SecretString {
    SecretString::from(v.to_string())
}

fn infotravel(sim: &SimHandle, password: &str) -> Form {
    let i = sim.client_info().infotravel;
    Form {
        ty: IntegrationType::Infotravel,
        values: BTreeMap::from([
            ("url".into(), i.url),
            ("supplier_id".into(), i.client),
            ("agency_code".into(), i.agency),
            ("username".into(), i.username),
        ]),
        secrets: BTreeMap::from([("password".into(), s(password))]),
    }
}

fn wooba(sim: &SimHandle, password: &str) -> Form {
    let w = sim.client_info().wooba;
    Form {
        ty: IntegrationType::Wooba,
        // The form's fields, and the vendor settings the supplier's `prepare` adds.
        values: BTreeMap::from([
            ("url".into(), w.url),
            ("username".into(), w.identifier),
            (PUBLIC_KEY_PEM.into(), w.public_key_pem),
        ]),
        secrets: BTreeMap::from([
            ("password".into(), s(password)),
            (DEVELOPER_TOKEN.into(), s(&w.developer_token)),
        ]),
    }
}

fn paytourist(sim: &SimHandle, token: &str) -> Form {
    let p = sim.client_info().paytourist;
    Form {
        ty: IntegrationType::Paytourist,
        values: BTreeMap::from([
            ("comune".into(), "firenze".into()),
            ("structure_id".into(), p.structures[0].id.to_string()),
            ("software_id".into(), p.software_id.to_string()),
            ("api_url".into(), p.url),
        ]),
        // The token in use, as the supplier's `prepare` adds it.
        secrets: BTreeMap::from([(ponte_suppliers::paytourist::TOKEN.into(), s(token))]),
    }
}

#[tokio::test]
async fn infotravel_ok_and_every_failure() {
    let sim = sim().await;
    let good = sim.client_info().infotravel.password;
    let ok = run(&infotravel(&sim, &good), &limits()).await.unwrap();
    assert_eq!(ok.key, "test.ok.infotravel");
    assert_eq!(ok.params["minutes"], "60");
    // Installed under a path, typed with a trailing slash.
    let mut prefixed = infotravel(&sim, &good);
    prefixed.values.insert(
        "url".into(),
        format!("{}/", sim.client_info().infotravel.prefixed_urls[0]),
    );
    run(&prefixed, &limits()).await.unwrap();

    assert_eq!(
        run(&infotravel(&sim, "errada"), &limits()).await.unwrap_err(),
        SupplierError::InvalidCredentials
    );
    let cases: Vec<(FaultKind, &str)> = vec![
        (FaultKind::ApiAccessDenied, "api_access_denied"),
        (FaultKind::RateLimited { retry_after_secs: 7 }, "rate_limited"),
        (FaultKind::ServerError { status: 503 }, "server_error"),
        (FaultKind::Html { status: 200 }, "unexpected_reply"),
        (FaultKind::EmptyBody, "unexpected_reply"),
        (FaultKind::WrongShape, "unexpected_reply"),
        (FaultKind::TruncatedBody, "unexpected_reply"),
        (FaultKind::Huge { bytes: 2 * 1024 * 1024 }, "reply_too_large"),
        (FaultKind::Slow { delay_ms: 4000 }, "timeout"),
    ];
    for (kind, code) in cases {
        sim.faults()
            .push(Fault::new(kind.clone()).on(Supplier::Infotravel).times(1));
        let started = std::time::Instant::now();
        let err = run(&infotravel(&sim, &good), &limits()).await.unwrap_err();
        assert_eq!(err.code(), code, "{kind:?} gave {err:?}");
        assert!(started.elapsed() < Duration::from_secs(4), "{kind:?} hung");
        let reply = err.reply();
        assert!(!format!("{reply:?}").contains(&good), "password leaked in {reply:?}");
        sim.faults().clear();
    }
    sim.faults()
        .push(Fault::new(FaultKind::RateLimited { retry_after_secs: 7 }).on(Supplier::Infotravel));
    let err = run(&infotravel(&sim, &good), &limits()).await.unwrap_err();
    assert_eq!(err.reply().params["seconds"], "7");
}

#[tokio::test]
async fn wooba_ok_and_every_failure() {
    let sim = sim().await;
    let good = sim.client_info().wooba.password;
    assert_eq!(run(&wooba(&sim, &good), &limits()).await.unwrap().key, "test.ok.wooba");
    assert_eq!(
        run(&wooba(&sim, "errada"), &limits()).await.unwrap_err(),
        SupplierError::InvalidCredentials
    );
    for (kind, err) in [
        (FaultKind::IpBlocked, SupplierError::IpNotAllowed),
        (FaultKind::BadAccessCode, SupplierError::DeveloperAccessCode),
        (
            FaultKind::ServerError { status: 502 },
            SupplierError::Server { status: 502 },
        ),
    ] {
        sim.faults().push(Fault::new(kind).on(Supplier::Wooba).times(1));
        assert_eq!(run(&wooba(&sim, &good), &limits()).await.unwrap_err(), err);
    }
    // A wrong developer token is refused by Wooba with the access-code error.
    let mut bad_dev = wooba(&sim, &good);
    bad_dev.secrets.insert(DEVELOPER_TOKEN.into(), s("not-our-token"));
    assert_eq!(
        run(&bad_dev, &limits()).await.unwrap_err().code(),
        "developer_access_code"
    );
    let mut no_key = wooba(&sim, &good);
    no_key.values.remove(PUBLIC_KEY_PEM);
    assert_eq!(
        run(&no_key, &limits()).await.unwrap_err().code(),
        "developer_settings_missing"
    );
    let mut bad_key = wooba(&sim, &good);
    bad_key.values.insert(
        PUBLIC_KEY_PEM.into(),
        "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----".into(),
    );
    assert_eq!(run(&bad_key, &limits()).await.unwrap_err().code(), "developer_key");
}

#[tokio::test]
async fn paytourist_token_verification() {
    let sim = sim().await;
    let p = sim.client_info().paytourist;
    let ok = run(&paytourist(&sim, &p.valid_tokens[0]), &limits()).await.unwrap();
    assert_eq!(ok.key, "test.ok.paytourist");
    for t in [&p.expired_tokens[0], &p.revoked_tokens[0], &"made-up".to_string()] {
        assert_eq!(
            run(&paytourist(&sim, t), &limits()).await.unwrap_err(),
            SupplierError::TokenRejected
        );
    }
    let mut none = paytourist(&sim, "x");
    none.secrets.clear();
    assert_eq!(run(&none, &limits()).await.unwrap_err().code(), "missing_secret");
}

#[tokio::test]
async fn network_failures_name_the_host() {
    let sim = sim().await;
    let good = sim.client_info().infotravel.password;
    // Nothing listens on this port once the listener is dropped.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut refused = infotravel(&sim, &good);
    refused.values.insert("url".into(), format!("http://127.0.0.1:{port}"));
    let err = run(&refused, &limits()).await.unwrap_err();
    assert_eq!(
        err,
        SupplierError::Connect {
            host: "127.0.0.1".into()
        }
    );
    let mut dns = infotravel(&sim, &good);
    dns.values.insert("url".into(), "https://nao-existe.invalid".into());
    assert_eq!(run(&dns, &limits()).await.unwrap_err().code(), "network_dns");
    // TLS spoken to a plain-HTTP server.
    let mut tls = infotravel(&sim, &good);
    tls.values
        .insert("url".into(), sim.base_url().replace("http://", "https://"));
    assert_eq!(run(&tls, &limits()).await.unwrap_err().code(), "network_tls");
}
