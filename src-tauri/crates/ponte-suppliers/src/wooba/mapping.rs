//! A Wooba `Sale` (assumed shape: docs/PROTOCOLS.md#assumed-for-wooba) → Ponte's sale. Wooba imports car
//! rental, hotel nights, air tickets and travel insurance (docs/PROTOCOLS.md#imported-product-kinds); any
//! other product type is kept as `unmapped`.

//!
//! A sale is read once into the typed form below, borrowing its text (no tree of values). An element of
//! a list that is not an object reads as an empty one; a field of the wrong type makes the sale
//! unreadable, named by its path; fields read only in some cases (a passenger's type, an imported
//! payment's amount) are kept as text until then.

use std::borrow::Cow;

use ponte_core::sales::{Passenger, Payment, Product, ProductKind, SaleStatus, SupplierSale};
use ponte_core::zone::Zone;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::json::{self, later, Malformed, Map, Obj};

use super::assumed::AGENCY_DIRECT_PAYMENT;
use super::parse_date;

pub fn product_kind(t: &str) -> ProductKind {
    match t {
        "Aereo" => ProductKind::AirTicket,
        "Hotel" => ProductKind::Hotel,
        "Carro" => ProductKind::CarRental,
        "Seguro" => ProductKind::TravelInsurance,
        _ => ProductKind::Unmapped,
    }
}

fn status(s: &str) -> SaleStatus {
    match s {
        "Emitido" => SaleStatus::Confirmed,
        "Reservado" => SaleStatus::Reserved,
        "Cancelado" => SaleStatus::Cancelled,
        _ => SaleStatus::Other,
    }
}

type Text<'a> = Option<Cow<'a, str>>;

/// A date that may be `/Date(…)/` or ISO text → `YYYY-MM-DD`.
fn day(s: Option<&str>, key: &str, tz: Zone) -> Result<Option<String>, Malformed> {
    let Some(s) = s else {
        return Ok(None);
    };
    if let Some(d) = parse_date(s) {
        return json::local_day(&d, tz, key).map(Some);
    }
    match s
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(d) => json::day(d, key).map(Some),
        None => Err(format!("{key}: not a date ({s})")),
    }
}

#[derive(Deserialize)]
struct Sale<'a> {
    #[serde(rename = "SaleId", default)]
    id: Option<Value>,
    #[serde(rename = "SaleDate", borrow, default)]
    sale_date: Text<'a>,
    #[serde(rename = "Status", borrow, default)]
    status: Text<'a>,
    #[serde(rename = "Customer", borrow, default)]
    customer: Option<Map<Customer<'a>>>,
    #[serde(rename = "Locator", borrow, default)]
    locator: Text<'a>,
    #[serde(rename = "Products", borrow, default, deserialize_with = "json::list")]
    products: Vec<Obj<ProductIn<'a>>>,
    #[serde(rename = "Payments", borrow, default, deserialize_with = "json::list")]
    payments: Vec<Obj<PaymentIn<'a>>>,
}

#[derive(Deserialize)]
struct Customer<'a> {
    #[serde(rename = "Name", borrow, default)]
    name: Text<'a>,
    #[serde(rename = "Document", borrow, default)]
    document: Text<'a>,
}

#[derive(Deserialize, Default)]
struct ProductIn<'a> {
    #[serde(rename = "Type", borrow, default)]
    ty: Text<'a>,
    #[serde(rename = "Amount", default, deserialize_with = "json::amount")]
    amount: Option<i64>,
    #[serde(rename = "Currency", borrow, default)]
    currency: Text<'a>,
    #[serde(rename = "Locator", borrow, default)]
    locator: Text<'a>,
    #[serde(rename = "Passengers", borrow, default, deserialize_with = "json::list")]
    passengers: Vec<Obj<PassengerIn<'a>>>,
    #[serde(rename = "Supplier", borrow, default)]
    supplier: Text<'a>,
    #[serde(rename = "Description", borrow, default)]
    description: Text<'a>,
    #[serde(rename = "StartDate", borrow, default)]
    start: Text<'a>,
    #[serde(rename = "EndDate", borrow, default)]
    end: Text<'a>,
}

#[derive(Deserialize, Default)]
struct PassengerIn<'a> {
    #[serde(rename = "Name", borrow, default)]
    name: Text<'a>,
    /// Read for a passenger with a name only.
    #[serde(rename = "Type", borrow, default)]
    ty: Option<&'a RawValue>,
}

#[derive(Deserialize, Default)]
struct PaymentIn<'a> {
    #[serde(rename = "Type", borrow, default)]
    ty: Text<'a>,
    /// Read for the payments that are imported only (not the agency-direct ones).
    #[serde(rename = "Amount", borrow, default)]
    amount: Option<&'a RawValue>,
    #[serde(rename = "Currency", borrow, default)]
    currency: Option<&'a RawValue>,
}

/// An amount kept as text, read now.
fn amount_of(raw: Option<&RawValue>, key: &str) -> Result<Option<i64>, Malformed> {
    #[derive(Deserialize)]
    struct A(#[serde(deserialize_with = "json::amount")] Option<i64>);
    match raw {
        None => Ok(None),
        Some(r) => json::read::<A>(r).map(|a| a.0).map_err(|e| format!("{key}: {e}")),
    }
}

fn owned(t: Text<'_>) -> Option<String> {
    t.map(Cow::into_owned)
}

/// Maps one sale (its JSON text); an error names the field that was wrong, for the run's report.
pub fn sale(record: &RawValue, tz: Zone) -> Result<SupplierSale, Malformed> {
    let Map(s): Map<Sale> = json::read(record)?;
    let id = json::id_value(s.id.as_ref(), "SaleId")?;
    let sale_date_raw = s.sale_date.as_deref().ok_or("SaleDate: missing")?;
    let sold = parse_date(sale_date_raw).ok_or_else(|| format!("SaleDate: not a /Date()/ value ({sale_date_raw})"))?;
    let supplier_status = s.status.as_deref().unwrap_or_default().to_string();
    let mut locators = vec![id.clone()];
    if let Some(l) = &s.locator {
        locators.push(l.to_string());
    }
    let mut products = Vec::new();
    let mut total: i64 = 0;
    let mut currency: Option<String> = None;
    for Obj(p) in s.products {
        let ty = p.ty.as_deref().unwrap_or_default().to_string();
        total = total
            .checked_add(p.amount.unwrap_or(0))
            .ok_or("Products.Amount: the sum of the amounts is out of range")?;
        let cur = owned(p.currency);
        if currency.is_none() {
            currency = cur.clone();
        }
        let locator = owned(p.locator);
        if let Some(l) = &locator {
            if !locators.contains(l) {
                locators.push(l.clone());
            }
        }
        let mut passengers = Vec::new();
        for Obj(x) in p.passengers {
            if let Some(name) = owned(x.name) {
                passengers.push(Passenger {
                    name,
                    ty: owned(later::<Text>(x.ty, "Passengers.Type")?),
                });
            }
        }
        products.push(Product {
            kind: product_kind(&ty),
            supplier_type: ty,
            locator,
            provider: owned(p.supplier),
            description: owned(p.description),
            start_date: day(p.start.as_deref(), "StartDate", tz)?,
            end_date: day(p.end.as_deref(), "EndDate", tz)?,
            amount_cents: p.amount,
            currency: cur,
            passengers,
        });
    }
    let currency = currency.unwrap_or_else(|| "BRL".into());
    let mut payments = Vec::new();
    let mut needs_manual_payment = false;
    for Obj(p) in s.payments {
        let ty = p.ty.as_deref().unwrap_or_default().to_string();
        if ty == AGENCY_DIRECT_PAYMENT {
            needs_manual_payment = true;
            continue;
        }
        payments.push(Payment {
            ty,
            amount_cents: amount_of(p.amount, "Payments.Amount")?.unwrap_or(0),
            currency: owned(later::<Text>(p.currency, "Payments.Currency")?).unwrap_or_else(|| currency.clone()),
            confirmed: None,
        });
    }
    let customer = s.customer.as_ref().map(|m| &m.0);
    Ok(SupplierSale {
        supplier_sale_id: id,
        locators,
        sale_date: json::local_day(&sold, tz, "SaleDate")?,
        sold_at: Some(sold.to_rfc3339()),
        status: status(&supplier_status),
        supplier_status,
        customer_name: customer.and_then(|c| c.name.as_deref().map(String::from)),
        customer_document: customer.and_then(|c| c.document.as_deref().map(String::from)),
        customer_email: None,
        total_cents: total,
        currency,
        products,
        payments,
        needs_manual_payment,
        // Set by the page from the record's exact bytes (`Page::map`).
        raw: String::new(),
        content_hash: String::new(),
    })
}
