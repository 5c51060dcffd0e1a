//! Amounts from the wire are checked: a sale whose amounts add up past what `i64` cents can hold is
//! unreadable (with its id), never a panic (debug) nor a wrapped total stored as right (release), and
//! the rest of the page is read. Against the simulator over loopback, which replaces one sale's products.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::NaiveDate;
use ponte_core::integration_types::IntegrationType;
use ponte_core::zone::Zone;
use ponte_sim::{Fault, FaultKind, Mutation, Sim, SimConfig, Supplier};
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::{Page, Query};
use ponte_suppliers::wooba::{DEVELOPER_TOKEN, PUBLIC_KEY_PEM};
use ponte_suppliers::{registry, Form};
use secrecy::SecretString;
use serde_json::json;

fn limits() -> Limits {
    Limits {
        connect_timeout: Duration::from_secs(5),
        timeout: Duration::from_secs(10),
        max_body: 16 * 1024 * 1024,
    }
}

fn year() -> Query {
    Query::Dates {
        from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    }
}

/// 9.2e16 reais = 9.2e18 cents: each fits in i64 (max ≈ 9.22e18), their sum does not.
const HUGE: f64 = 9.2e16;

fn check(page: Page) {
    let sales = page.into_sales();
    let first = sales.first().expect("a page with sales");
    let bad = first
        .as_ref()
        .expect_err("the sale whose amounts overflow is unreadable");
    assert!(bad.supplier_sale_id.is_some(), "named by its id: {bad:?}");
    assert!(bad.detail.contains("out of range"), "{bad:?}");
    assert!(sales.len() > 1);
    assert!(sales[1..].iter().all(Result::is_ok), "the other sales are read");
}

#[tokio::test]
async fn infotravel_fares_that_overflow_make_that_sale_unreadable() {
    let sim = Sim::start(SimConfig::new(7, 40).with_test_key()).await.unwrap();
    let i = sim.client_info().infotravel;
    sim.faults().push(
        Fault::new(FaultKind::Mutate {
            field: "content.0.bookingFlights".into(),
            mutation: Mutation::Value(json!([{
                "names": [], "locators": [],
                "fares": [
                    {"price": {"amount": HUGE, "currency": "BRL"}},
                    {"price": {"amount": HUGE, "currency": "BRL"}}
                ]
            }])),
        })
        .on(Supplier::Infotravel)
        .on_path("/booking"),
    );
    let form = Form {
        ty: IntegrationType::Infotravel,
        values: BTreeMap::from([
            ("url".into(), i.url),
            ("supplier_id".into(), i.client),
            ("agency_code".into(), i.agency),
            ("username".into(), i.username),
        ]),
        secrets: BTreeMap::from([("password".into(), SecretString::from(i.password))]),
    };
    let mut source = (registry::get(IntegrationType::Infotravel).sales().unwrap())(&form, limits()).unwrap();
    let page = source.page(&year(), 0, 20, Zone::default_zone()).await.unwrap();
    check(page);
}

#[tokio::test]
async fn wooba_products_that_overflow_make_that_sale_unreadable() {
    let sim = Sim::start(SimConfig::new(7, 40).with_test_key()).await.unwrap();
    let w = sim.client_info().wooba;
    sim.faults().push(
        Fault::new(FaultKind::Mutate {
            field: "Sales.0.Products".into(),
            mutation: Mutation::Value(json!([
                {"Type": "Hotel", "Amount": HUGE, "Currency": "BRL"},
                {"Type": "Hotel", "Amount": HUGE, "Currency": "BRL"}
            ])),
        })
        .on(Supplier::Wooba)
        .on_path("sales/list"),
    );
    let form = Form {
        ty: IntegrationType::Wooba,
        values: BTreeMap::from([
            ("url".into(), w.url),
            ("username".into(), w.identifier),
            (PUBLIC_KEY_PEM.into(), w.public_key_pem),
        ]),
        secrets: BTreeMap::from([
            ("password".into(), SecretString::from(w.password)),
            (DEVELOPER_TOKEN.into(), SecretString::from(w.developer_token)),
        ]),
    };
    let mut source = (registry::get(IntegrationType::Wooba).sales().unwrap())(&form, limits()).unwrap();
    let page = source.page(&year(), 0, 20, Zone::default_zone()).await.unwrap();
    check(page);
}
