//! The generator: determinism by seed, variety (every product kind, payment type, status, accents),
//! and what the server serves is what the generator computes.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use ponte_sim::data::{self, DataSpec, InfotravelKind};
use ponte_sim::SimConfig;
use serde_json::Value;

fn spec(seed: u64, bookings: usize) -> DataSpec {
    DataSpec {
        seed,
        bookings,
        ..DataSpec::default()
    }
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let (a, b, c) = (spec(42, 1000), spec(42, 1000), spec(43, 1000));
    for i in [0, 1, 500, 999] {
        assert_eq!(data::infotravel_booking(&a, i), data::infotravel_booking(&b, i));
        assert_eq!(data::wooba_sale(&a, i), data::wooba_sale(&b, i));
        assert_ne!(data::infotravel_booking(&a, i), data::infotravel_booking(&c, i));
        assert_ne!(data::wooba_sale(&a, i).locator, data::wooba_sale(&c, i).locator);
    }
}

#[tokio::test]
async fn two_simulators_with_one_seed_serve_the_same_bytes() {
    let http = client();
    let mut bodies = Vec::new();
    for seed in [5, 5, 6] {
        let sim = start_with(SimConfig::new(seed, 200).with_test_key()).await;
        let token = infotravel_token(&sim, &http).await;
        let reply = http
            .get(format!(
                "{}/api/v1/booking?startDate=2026-01-01&endDate=2026-12-31&page=1&size=50",
                sim.base_url()
            ))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        bodies.push(reply.bytes().await.unwrap());
    }
    assert_eq!(bodies[0], bodies[1]);
    assert_ne!(bodies[0], bodies[2]);
}

#[test]
fn infotravel_data_has_every_kind_and_the_required_cases() {
    let s = spec(42, 2000);
    let mut kinds = BTreeMap::new();
    let mut payment_types = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    let (mut agency_direct, mut products, mut canceled) = (0, 0, 0);
    let mut names = String::new();
    for i in 0..s.bookings {
        let b = data::infotravel_booking(&s, i);
        for (kind, item) in b.products() {
            *kinds.entry(kind.list_name()).or_insert(0) += 1;
            products += 1;
            for n in &item.names {
                names.push_str(&n.full());
            }
        }
        payment_types.extend(b.payments.iter().map(|p| p.kind.clone()));
        statuses.insert(b.status.clone());
        agency_direct += usize::from(b.has_agency_direct_payment());
        canceled += usize::from(b.status == "CANCELED");
    }
    assert_eq!(kinds.len(), 15, "{kinds:?}");
    assert!(kinds[InfotravelKind::Hotel.list_name()] > kinds[InfotravelKind::Cruise.list_name()]);
    assert_eq!(
        payment_types,
        [
            "AGENCY_DIRECT",
            "BANK_SLIP",
            "CREDIT_CARD",
            "INVOICE",
            "IN_HOTEL",
            "PIX"
        ]
        .map(String::from)
        .into()
    );
    assert_eq!(statuses.len(), 8, "{statuses:?}");
    let per_booking = products as f64 / s.bookings as f64;
    assert!((2.7..3.3).contains(&per_booking), "{per_booking} products per booking");
    let share = agency_direct as f64 / s.bookings as f64;
    assert!((0.07..0.13).contains(&share), "{share} agency-direct");
    assert!((0.05..0.11).contains(&(canceled as f64 / s.bookings as f64)));
    for accented in ["João", "Conceição", "Niccolò", "D'Ávila", "Joa\u{303}o"] {
        assert!(names.contains(accented), "{accented}");
    }
}

#[test]
fn wooba_data_has_every_kind_and_the_required_cases() {
    let s = spec(42, 2000);
    let mut kinds = BTreeSet::new();
    let mut payment_types = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    let mut direct = 0;
    for i in 0..s.bookings {
        let sale = data::wooba_sale(&s, i);
        kinds.extend(sale.products.iter().map(|p| p.kind.clone()));
        payment_types.extend(sale.payments.iter().map(|p| p.kind.clone()));
        statuses.insert(sale.status.clone());
        direct += usize::from(sale.has_agency_direct_payment());
    }
    assert_eq!(kinds, ["Aereo", "Carro", "Hotel", "Seguro"].map(String::from).into());
    assert_eq!(
        payment_types,
        ["CartaoCredito", "DiretoAgencia", "Faturado", "Pix"]
            .map(String::from)
            .into()
    );
    assert_eq!(statuses, ["Cancelado", "Emitido", "Reservado"].map(String::from).into());
    assert!((0.07..0.13).contains(&(direct as f64 / s.bookings as f64)));
}

#[test]
fn a_benchmark_sized_data_set_is_cheap_to_reach_anywhere() {
    // 100 000 bookings: nothing is stored, a page deep inside is computed on its own.
    let s = spec(1, 100_000);
    let range = data::infotravel_range(
        &s,
        chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
    );
    assert!((200..400).contains(&range.len()), "{} bookings on one day", range.len());
    let last = data::infotravel_booking(&s, 99_999);
    assert_eq!(last.id, data::INFOTRAVEL_FIRST_ID + 99_999);
    let code = last.products()[0].1.locators[1].code.clone();
    assert_eq!(data::infotravel_find(&s, &code), [99_999]);
}

#[test]
fn prices_are_brl_with_two_decimals() {
    let s = spec(9, 200);
    for i in 0..200 {
        let b = data::infotravel_booking(&s, i);
        let v = serde_json::to_value(&b).unwrap();
        assert_eq!(v["bookingAmount"]["currency"], "BRL");
        let amount = v["bookingAmount"]["amount"].as_f64().unwrap();
        assert!(((amount * 100.0).round() - amount * 100.0).abs() < 1e-6);
        let text = v["bookingAmount"]["amount"].to_string();
        assert!(text.split('.').nth(1).is_none_or(|d| d.len() <= 2), "{text}");
        assert!(matches!(v["payments"][0]["value"], Value::Object(_)));
    }
}
