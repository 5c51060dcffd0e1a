//! An Infotravel `ApiBooking` (docs/PROTOCOLS.md#known-about-infotravel) → Ponte's sale. Product lists map
//! to the user's kinds (docs/PROTOCOLS.md#imported-product-kinds): circuits are tour packages, transfers
//! are ground transport; a list with no kind is kept as `unmapped` (docs/PROTOCOLS.md#infotravel-mapping).

//!
//! A booking is read once into the typed form below, borrowing its text (no tree of values): the fields
//! every product has are typed; those only some kinds of product have (a hotel's rooms, a flight's legs)
//! are kept as text and read for those kinds only, so the same field elsewhere is ignored whatever it
//! holds. An element of a list that is not an object reads as an empty one; a field of the wrong type
//! makes the booking unreadable, named by its path.

use std::borrow::Cow;

use ponte_core::sales::{Passenger, Payment, Product, ProductKind, SaleStatus, SupplierSale};
use ponte_core::zone::Zone;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::json::{self, later, Malformed, Map, Obj};

use super::assumed::AGENCY_DIRECT_PAYMENT;

/// Every product list of an ApiBooking, with the kind it is imported as.
pub const PRODUCT_LISTS: &[(&str, ProductKind)] = &[
    ("bookingHotels", ProductKind::Hotel),
    ("bookingFlights", ProductKind::AirTicket),
    ("bookingInsurances", ProductKind::TravelInsurance),
    ("bookingTours", ProductKind::Services),
    ("bookingServicePackages", ProductKind::TourPackage),
    ("bookingTickets", ProductKind::Services),
    ("bookingTransfers", ProductKind::GroundTransport),
    ("bookingServiceOthers", ProductKind::Services),
    ("bookingPackages", ProductKind::TourPackage),
    ("bookingVehicles", ProductKind::CarRental),
    ("bookingExperiences", ProductKind::Services),
    ("bookingChips", ProductKind::Services),
    ("bookingCircuits", ProductKind::TourPackage),
    ("bookingCruises", ProductKind::Unmapped),
    ("bookingBuses", ProductKind::GroundTransport),
];

fn status(s: &str) -> SaleStatus {
    match s {
        "CONFIRMED" => SaleStatus::Confirmed,
        "RESERVED" | "ON_REQUEST" | "WAITING_LIST" | "ORDER" => SaleStatus::Reserved,
        "CANCELED" | "CANCELLED" | "EXPIRED" => SaleStatus::Cancelled,
        _ => SaleStatus::Other,
    }
}

type Text<'a> = Option<Cow<'a, str>>;

/// `{"currency": "BRL", "amount": 1234.56}`.
#[derive(Deserialize)]
struct Price<'a> {
    #[serde(default, deserialize_with = "json::amount")]
    amount: Option<i64>,
    #[serde(borrow, default)]
    currency: Text<'a>,
}

/// (cents, currency) of a price that must be there once it is not `null`.
fn price(p: Option<Price<'_>>, what: &str) -> Result<Option<(i64, String)>, Malformed> {
    let Some(p) = p else { return Ok(None) };
    let amount = p.amount.ok_or_else(|| format!("{what}.amount: missing"))?;
    Ok(Some((amount, p.currency.map_or_else(|| "BRL".into(), Cow::into_owned))))
}

/// A price kept as text (a fare's `price` is read only when it has no `priceSale`).
fn price_of(raw: Option<&RawValue>, what: &str) -> Result<Option<(i64, String)>, Malformed> {
    let p: Option<Map<Price>> = match raw {
        None => None,
        Some(r) => json::read(r).map_err(|e| format!("{what}: {e}"))?,
    };
    price(p.map(|m| m.0), what)
}

#[derive(Deserialize, Default)]
struct Name<'a> {
    #[serde(rename = "firstName", borrow, default)]
    first: Text<'a>,
    #[serde(rename = "lastName", borrow, default)]
    last: Text<'a>,
    /// Read for a passenger with a name only.
    #[serde(rename = "type", borrow, default)]
    ty: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
struct Fare<'a> {
    #[serde(rename = "priceSale", borrow, default)]
    price_sale: Option<&'a RawValue>,
    #[serde(borrow, default)]
    price: Option<&'a RawValue>,
}

/// `{"code": "…"}`; anything else (not an object, no text code) names no locator.
#[derive(Default)]
struct Code(Option<String>);

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        Ok(Code(v.get("code").and_then(Value::as_str).map(String::from)))
    }
}

#[derive(Deserialize, Default)]
struct Item<'a> {
    #[serde(borrow, default, deserialize_with = "json::list")]
    names: Vec<Obj<Name<'a>>>,
    #[serde(borrow, default, deserialize_with = "json::list")]
    fares: Vec<Obj<Fare<'a>>>,
    #[serde(default, deserialize_with = "json::list")]
    locators: Vec<Code>,
    #[serde(borrow, default)]
    provider: Text<'a>,
    // Read for the kinds of product that have them only.
    #[serde(borrow, default)]
    rooms: Option<&'a RawValue>,
    #[serde(borrow, default)]
    hotel: Option<&'a RawValue>,
    #[serde(borrow, default)]
    flights: Option<&'a RawValue>,
    #[serde(rename = "pickUpDate", borrow, default)]
    pick_up: Option<&'a RawValue>,
    #[serde(rename = "dropOffDate", borrow, default)]
    drop_off: Option<&'a RawValue>,
    #[serde(rename = "rentalCompany", borrow, default)]
    rental_company: Option<&'a RawValue>,
    #[serde(rename = "startDate", borrow, default)]
    start_date: Option<&'a RawValue>,
    #[serde(rename = "endDate", borrow, default)]
    end_date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
    #[serde(borrow, default)]
    itinerary: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
struct Room<'a> {
    #[serde(rename = "checkIn", borrow, default)]
    check_in: Text<'a>,
    #[serde(rename = "checkOut", borrow, default)]
    check_out: Text<'a>,
    #[serde(rename = "roomType", borrow, default)]
    room_type: Text<'a>,
}

#[derive(Deserialize, Default)]
struct Hotel<'a> {
    #[serde(borrow, default)]
    name: Text<'a>,
}

#[derive(Deserialize, Default)]
struct Flight<'a> {
    #[serde(borrow, default, deserialize_with = "json::list")]
    segments: Vec<Obj<Segment<'a>>>,
}

#[derive(Deserialize, Default)]
struct Segment<'a> {
    #[serde(borrow, default)]
    departure: Text<'a>,
    #[serde(borrow, default)]
    arrival: Text<'a>,
    #[serde(borrow, default)]
    origin: Text<'a>,
    #[serde(borrow, default)]
    destination: Text<'a>,
    #[serde(borrow, default)]
    airline: Text<'a>,
    #[serde(borrow, default)]
    number: Text<'a>,
}

#[derive(Deserialize)]
struct Contact<'a> {
    #[serde(borrow, default)]
    name: Text<'a>,
    #[serde(borrow, default)]
    email: Text<'a>,
}

#[derive(Deserialize, Default)]
struct PaymentIn<'a> {
    #[serde(rename = "type", borrow, default)]
    ty: Text<'a>,
    /// Read for the payments that are imported only (not the agency-direct ones).
    #[serde(borrow, default)]
    value: Option<&'a RawValue>,
    #[serde(rename = "paymentConfirmed", borrow, default)]
    confirmed: Option<&'a RawValue>,
}

/// An ApiBooking: its product lists are found by [`PRODUCT_LISTS`] (the one place that names them);
/// like any JSON reader, the last of two equal keys counts.
#[derive(Default)]
struct Booking<'a> {
    id: Option<Value>,
    created_at: Text<'a>,
    status: Text<'a>,
    amount: Option<Price<'a>>,
    contact: Option<Contact<'a>>,
    payments: Vec<Obj<PaymentIn<'a>>>,
    lists: [Vec<Obj<Item<'a>>>; PRODUCT_LISTS.len()],
}

impl<'de: 'a, 'a> Deserialize<'de> for Booking<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Visit<'a> {
            type Value = Booking<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a booking object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Booking<'a>, A::Error> {
                let mut b = Booking::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match key.as_ref() {
                        "id" => b.id = Some(map.next_value()?),
                        "createdAt" => b.created_at = map.next_value()?,
                        "status" => b.status = map.next_value()?,
                        "bookingAmount" => b.amount = map.next_value::<Option<Map<_>>>()?.map(|m| m.0),
                        "contact" => b.contact = map.next_value::<Option<Map<_>>>()?.map(|m| m.0),
                        "payments" => b.payments = map.next_value::<Option<_>>()?.unwrap_or_default(),
                        k => match PRODUCT_LISTS.iter().position(|(list, _)| *list == k) {
                            Some(i) => b.lists[i] = map.next_value::<Option<_>>()?.unwrap_or_default(),
                            None => {
                                map.next_value::<IgnoredAny>()?;
                            }
                        },
                    }
                }
                Ok(b)
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

fn day(s: &str) -> String {
    s.get(..10).unwrap_or(s).to_string()
}

fn text(raw: Option<&RawValue>, key: &str) -> Result<Option<String>, Malformed> {
    later::<Text>(raw, key).map(|t| t.map(Cow::into_owned))
}

/// One room of a hotel (only the first and the last are read: the stay's ends).
fn room(r: Option<&RawValue>) -> Result<Room<'_>, Malformed> {
    r.map_or(Ok(Room::default()), |r| {
        json::read::<Obj<Room>>(r)
            .map(|o| o.0)
            .map_err(|e| format!("rooms: {e}"))
    })
}

fn product(item: &Item<'_>, list: &str, kind: ProductKind) -> Result<Product, Malformed> {
    let mut passengers = Vec::new();
    for Obj(n) in &item.names {
        let first = n.first.as_deref().unwrap_or("");
        let last = n.last.as_deref().unwrap_or("");
        let name = format!("{first} {last}").trim().to_string();
        if !name.is_empty() {
            passengers.push(Passenger {
                name,
                ty: text(n.ty, "names.type")?,
            });
        }
    }
    let mut amount: Option<i64> = None;
    let mut currency = None;
    for Obj(f) in &item.fares {
        if let Some((c, cur)) = price_of(f.price_sale.or(f.price), "fares.price")? {
            amount = Some(
                amount
                    .unwrap_or(0)
                    .checked_add(c)
                    .ok_or("fares.price: the sum of the fares is out of range")?,
            );
            currency.get_or_insert(cur);
        }
    }
    let locator = item.locators.iter().find_map(|c| c.0.clone());
    let (mut start, mut end, mut description) = (None, None, None);
    match list {
        "bookingHotels" => {
            // The stay runs from the first room's check-in to the last room's check-out.
            let rooms: Vec<&RawValue> = later(item.rooms, "rooms")?;
            let (first, last) = (room(rooms.first().copied())?, room(rooms.last().copied())?);
            start = first.check_in.map(Cow::into_owned);
            end = last.check_out.map(Cow::into_owned);
            let hotel = later::<Option<Map<Hotel>>>(item.hotel, "hotel")?.and_then(|h| h.0.name);
            description = match (hotel, first.room_type) {
                (Some(h), Some(r)) => Some(format!("{h} — {r}")),
                (h, r) => h.or(r).map(Cow::into_owned),
            };
        }
        "bookingFlights" => {
            let mut legs = Vec::new();
            for Obj(f) in later::<Vec<Obj<Flight>>>(item.flights, "flights")? {
                for Obj(s) in f.segments {
                    if start.is_none() {
                        start = s.departure.as_deref().map(String::from);
                    }
                    end = s.arrival.map(Cow::into_owned).or(end);
                    legs.push(format!(
                        "{}→{} {}{}",
                        s.origin.as_deref().unwrap_or("?"),
                        s.destination.as_deref().unwrap_or("?"),
                        s.airline.as_deref().unwrap_or(""),
                        s.number.as_deref().unwrap_or("")
                    ));
                }
            }
            description = (!legs.is_empty()).then(|| legs.join(", "));
        }
        "bookingVehicles" => {
            start = text(item.pick_up, "pickUpDate")?;
            end = text(item.drop_off, "dropOffDate")?;
            description = text(item.rental_company, "rentalCompany")?;
        }
        "bookingInsurances" => {
            start = text(item.start_date, "startDate")?;
            end = text(item.end_date, "endDate")?;
        }
        "bookingCircuits" => {
            start = text(item.date, "date")?;
            end = text(item.end_date, "endDate")?;
            description = text(item.itinerary, "itinerary")?;
        }
        _ => {
            start = text(item.date, "date")?;
        }
    }
    Ok(Product {
        kind,
        supplier_type: list.to_string(),
        locator,
        provider: item.provider.as_deref().map(String::from),
        description,
        start_date: start.map(|s| day(&s)),
        end_date: end.map(|s| day(&s)),
        amount_cents: amount,
        currency,
        passengers,
    })
}

/// Maps one booking (its JSON text); an error names the field that was wrong, for the run's report.
pub fn sale(record: &RawValue, tz: Zone) -> Result<SupplierSale, Malformed> {
    let b: Booking = json::read(record)?;
    let id = json::id_value(b.id.as_ref(), "id")?;
    let created = b.created_at.as_deref().ok_or("createdAt: missing")?;
    let created_at =
        chrono::DateTime::parse_from_rfc3339(created).map_err(|_| format!("createdAt: not a date-time ({created})"))?;
    let supplier_status = b.status.as_deref().unwrap_or_default().to_string();
    let (total_cents, currency) = price(b.amount, "bookingAmount")?.unwrap_or((0, "BRL".into()));
    let mut locators = vec![id.clone()];
    let mut products = Vec::new();
    for ((list, kind), items) in PRODUCT_LISTS.iter().zip(&b.lists) {
        for Obj(item) in items {
            let p = product(item, list, *kind).map_err(|e| format!("{list}: {e}"))?;
            for code in item.locators.iter().filter_map(|c| c.0.as_ref()) {
                if !locators.contains(code) {
                    locators.push(code.clone());
                }
            }
            products.push(p);
        }
    }
    let mut payments = Vec::new();
    let mut needs_manual_payment = false;
    for Obj(p) in &b.payments {
        let ty = p.ty.as_deref().unwrap_or_default().to_string();
        if ty == AGENCY_DIRECT_PAYMENT {
            needs_manual_payment = true;
            continue;
        }
        let (amount_cents, cur) = price_of(p.value, "payments.value")?.unwrap_or((0, currency.clone()));
        payments.push(Payment {
            ty,
            amount_cents,
            currency: cur,
            confirmed: later::<Option<bool>>(p.confirmed, "paymentConfirmed")?,
        });
    }
    let contact = b.contact.as_ref();
    Ok(SupplierSale {
        supplier_sale_id: id,
        locators,
        sale_date: json::local_day(&created_at, tz, "createdAt")?,
        sold_at: Some(created.to_string()),
        status: status(&supplier_status),
        supplier_status,
        customer_name: contact.and_then(|c| c.name.as_deref().map(String::from)),
        customer_document: None,
        customer_email: contact.and_then(|c| c.email.as_deref().map(String::from)),
        total_cents,
        currency,
        products,
        payments,
        needs_manual_payment,
        // Set by the page from the record's exact bytes (`Page::map`).
        raw: String::new(),
        content_hash: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(json: &str) -> Result<SupplierSale, Malformed> {
        let raw: Box<RawValue> = serde_json::from_str(json).unwrap();
        sale(&raw, Zone::default_zone())
    }

    const HEAD: &str = r#""id": 77, "createdAt": "2026-03-01T10:00:00-03:00", "status": "CONFIRMED""#;

    #[test]
    fn every_product_list_is_read_in_the_declared_order() {
        let lists: Vec<String> = PRODUCT_LISTS
            .iter()
            .rev()
            .map(|(l, _)| format!(r#""{l}": [{{"provider": "{l}"}}]"#))
            .collect();
        let s = map(&format!("{{{HEAD}, {}}}", lists.join(", "))).unwrap();
        let got: Vec<(&str, ProductKind)> = s.products.iter().map(|p| (p.supplier_type.as_str(), p.kind)).collect();
        assert_eq!(got, PRODUCT_LISTS.to_vec());
        assert!(s
            .products
            .iter()
            .all(|p| p.provider.as_deref() == Some(p.supplier_type.as_str())));
    }

    #[test]
    fn what_is_not_an_object_is_empty_and_fields_of_other_kinds_are_ignored() {
        // A name that is a number, a locator without a code, a tour with "rooms" of the wrong type: read.
        let s = map(&format!(
            r#"{{{HEAD}, "bookingTours": [{{"names": [5, {{"firstName": "Ana"}}], "locators": [1, {{"code": "T1"}}],
                "rooms": "nope", "date": "2026-04-02T00:00:00"}}], "payments": [7]}}"#
        ))
        .unwrap();
        let p = &s.products[0];
        assert_eq!(p.passengers.len(), 1);
        assert_eq!(
            (p.locator.as_deref(), p.start_date.as_deref()),
            (Some("T1"), Some("2026-04-02"))
        );
        assert_eq!(s.locators, vec!["77".to_string(), "T1".to_string()]);
        assert_eq!(s.payments.len(), 1, "a payment that is not an object is kept, empty");
        // The same "rooms" on a hotel is read, and its path says what was wrong.
        let e = map(&format!(r#"{{{HEAD}, "bookingHotels": [{{"rooms": "nope"}}]}}"#)).unwrap_err();
        assert!(e.starts_with("bookingHotels: rooms: invalid type: string"), "{e}");
        let e = map(&format!(
            r#"{{{HEAD}, "bookingTours": [{{"fares": [{{"price": {{"amount": "x"}}}}]}}]}}"#
        ))
        .unwrap_err();
        assert!(
            e.contains("fares.price") && e.contains("expected an amount, got text"),
            "{e}"
        );
        let e = map(&format!(
            r#"{{{HEAD}, "bookingTours": [{{"names": [{{"firstName": 3}}]}}]}}"#
        ))
        .unwrap_err();
        assert!(
            e.starts_with("bookingTours[0].names[0].firstName: invalid type: integer `3`"),
            "{e}"
        );
        assert_eq!(
            map(r#"{"createdAt": "2026-03-01T10:00:00Z"}"#).unwrap_err(),
            "id: missing"
        );
        // Objects stay objects: a list is not read field by field in order (found by fuzzing).
        assert!(map(r#"[77, "2026-03-01T10:00:00Z"]"#).is_err());
        let e = map(&format!(r#"{{{HEAD}, "contact": ["Ana", "ana@example.com"]}}"#)).unwrap_err();
        assert!(
            e.starts_with("contact: invalid type: sequence, expected an object"),
            "{e}"
        );
        let e = map(&format!(r#"{{{HEAD}, "bookingAmount": [1234.5, "BRL"]}}"#)).unwrap_err();
        assert!(e.starts_with("bookingAmount: invalid type: sequence"), "{e}");
        assert_eq!(
            map(r#"{"id": true}"#).unwrap_err(),
            "id: expected an id, got true/false"
        );
    }
}
