//! An Infotravel `ApiBooking` (docs/PROTOCOLS.md#known-about-infotravel) → Ponte's sale. Product lists map
//! to the user's kinds (docs/PROTOCOLS.md#imported-product-kinds): circuits are tour packages, transfers
//! are ground transport; a list with no kind is kept as `unmapped` (docs/PROTOCOLS.md#infotravel-mapping).

use chrono_tz::Tz;
use ponte_core::sales::{Passenger, Payment, Product, ProductKind, SaleStatus, SupplierSale};
use serde_json::Value;

use crate::json::{self, Malformed};

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

/// `{"currency": "BRL", "amount": 1234.56}` → (cents, currency).
fn price(v: Option<&Value>, what: &str) -> Result<Option<(i64, String)>, Malformed> {
    let Some(p) = v.filter(|p| !p.is_null()) else {
        return Ok(None);
    };
    if !p.is_object() {
        return Err(format!("{what}: expected a price object"));
    }
    let amount = json::cents(p, "amount")?.ok_or_else(|| format!("{what}.amount: missing"))?;
    let currency = json::string_opt(p, "currency")?.unwrap_or_else(|| "BRL".into());
    Ok(Some((amount, currency)))
}

fn day(s: &str) -> String {
    s.get(..10).unwrap_or(s).to_string()
}

fn product(item: &Value, list: &str, kind: ProductKind) -> Result<Product, Malformed> {
    let mut passengers = Vec::new();
    for n in json::array(item, "names")? {
        let first = json::str_opt(n, "firstName")?.unwrap_or("");
        let last = json::str_opt(n, "lastName")?.unwrap_or("");
        let name = format!("{first} {last}").trim().to_string();
        if !name.is_empty() {
            passengers.push(Passenger {
                name,
                ty: json::string_opt(n, "type")?,
            });
        }
    }
    let mut amount: Option<i64> = None;
    let mut currency = None;
    for f in json::array(item, "fares")? {
        let p = price(
            f.get("priceSale").filter(|v| !v.is_null()).or(f.get("price")),
            "fares.price",
        )?;
        if let Some((c, cur)) = p {
            amount = Some(
                amount
                    .unwrap_or(0)
                    .checked_add(c)
                    .ok_or("fares.price: the sum of the fares is out of range")?,
            );
            currency.get_or_insert(cur);
        }
    }
    let locator = json::array(item, "locators")?
        .iter()
        .find_map(|l| l.get("code").and_then(Value::as_str))
        .map(String::from);
    let (mut start, mut end, mut description) = (None, None, None);
    match list {
        "bookingHotels" => {
            let rooms = json::array(item, "rooms")?;
            start = rooms
                .first()
                .map(|r| json::string_opt(r, "checkIn"))
                .transpose()?
                .flatten();
            end = rooms
                .last()
                .map(|r| json::string_opt(r, "checkOut"))
                .transpose()?
                .flatten();
            let hotel = json::object(item, "hotel")?
                .map(|h| json::string_opt(h, "name"))
                .transpose()?
                .flatten();
            let room = rooms
                .first()
                .map(|r| json::string_opt(r, "roomType"))
                .transpose()?
                .flatten();
            description = match (hotel, room) {
                (Some(h), Some(r)) => Some(format!("{h} — {r}")),
                (h, r) => h.or(r),
            };
        }
        "bookingFlights" => {
            let mut legs = Vec::new();
            for f in json::array(item, "flights")? {
                for s in json::array(f, "segments")? {
                    let dep = json::string_opt(s, "departure")?;
                    let arr = json::string_opt(s, "arrival")?;
                    if start.is_none() {
                        start = dep.clone();
                    }
                    end = arr.or(end);
                    legs.push(format!(
                        "{}→{} {}{}",
                        json::str_opt(s, "origin")?.unwrap_or("?"),
                        json::str_opt(s, "destination")?.unwrap_or("?"),
                        json::str_opt(s, "airline")?.unwrap_or(""),
                        json::str_opt(s, "number")?.unwrap_or("")
                    ));
                }
            }
            description = (!legs.is_empty()).then(|| legs.join(", "));
        }
        "bookingVehicles" => {
            start = json::string_opt(item, "pickUpDate")?;
            end = json::string_opt(item, "dropOffDate")?;
            description = json::string_opt(item, "rentalCompany")?;
        }
        "bookingInsurances" => {
            start = json::string_opt(item, "startDate")?;
            end = json::string_opt(item, "endDate")?;
        }
        "bookingCircuits" => {
            start = json::string_opt(item, "date")?;
            end = json::string_opt(item, "endDate")?;
            description = json::string_opt(item, "itinerary")?;
        }
        _ => {
            start = json::string_opt(item, "date")?;
        }
    }
    Ok(Product {
        kind,
        supplier_type: list.to_string(),
        locator,
        provider: json::string_opt(item, "provider")?,
        description,
        start_date: start.map(|s| day(&s)),
        end_date: end.map(|s| day(&s)),
        amount_cents: amount,
        currency,
        passengers,
    })
}

/// Maps one booking; an error names the field that was wrong, for the run's report.
pub fn sale(b: &Value, tz: Tz) -> Result<SupplierSale, Malformed> {
    if !b.is_object() {
        return Err("booking: expected an object".into());
    }
    let id = json::id_text(b, "id")?;
    let created = json::str_opt(b, "createdAt")?.ok_or("createdAt: missing")?;
    let created_at =
        chrono::DateTime::parse_from_rfc3339(created).map_err(|_| format!("createdAt: not a date-time ({created})"))?;
    let supplier_status = json::string_opt(b, "status")?.unwrap_or_default();
    let (total_cents, currency) = price(b.get("bookingAmount"), "bookingAmount")?.unwrap_or((0, "BRL".into()));
    let contact = json::object(b, "contact")?;
    let mut locators = vec![id.clone()];
    let mut products = Vec::new();
    for (list, kind) in PRODUCT_LISTS {
        for item in json::array(b, list)? {
            let p = product(item, list, *kind).map_err(|e| format!("{list}: {e}"))?;
            for l in json::array(item, "locators")? {
                if let Some(code) = l.get("code").and_then(Value::as_str) {
                    if !locators.iter().any(|x| x == code) {
                        locators.push(code.to_string());
                    }
                }
            }
            products.push(p);
        }
    }
    let mut payments = Vec::new();
    let mut needs_manual_payment = false;
    for p in json::array(b, "payments")? {
        let ty = json::string_opt(p, "type")?.unwrap_or_default();
        if ty == AGENCY_DIRECT_PAYMENT {
            needs_manual_payment = true;
            continue;
        }
        let (amount_cents, cur) = price(p.get("value"), "payments.value")?.unwrap_or((0, currency.clone()));
        payments.push(Payment {
            ty,
            amount_cents,
            currency: cur,
            confirmed: json::bool_opt(p, "paymentConfirmed")?,
        });
    }
    Ok(SupplierSale {
        supplier_sale_id: id,
        locators,
        sale_date: json::day(created_at.with_timezone(&tz).date_naive(), "createdAt")?,
        sold_at: Some(created.to_string()),
        status: status(&supplier_status),
        supplier_status,
        customer_name: contact.map(|c| json::string_opt(c, "name")).transpose()?.flatten(),
        customer_document: None,
        customer_email: contact.map(|c| json::string_opt(c, "email")).transpose()?.flatten(),
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
