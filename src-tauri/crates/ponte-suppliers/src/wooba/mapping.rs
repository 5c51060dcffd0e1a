//! A Wooba `Sale` (assumed shape: docs/PROTOCOLS.md#assumed-for-wooba) → Ponte's sale. Wooba imports car
//! rental, hotel nights, air tickets and travel insurance (docs/PROTOCOLS.md#imported-product-kinds); any
//! other product type is kept as `unmapped`.

use chrono_tz::Tz;
use ponte_core::sales::{Passenger, Payment, Product, ProductKind, SaleStatus, SupplierSale};
use serde_json::Value;

use crate::json::{self, Malformed};

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

/// A date that may be `/Date(…)/` or ISO text → `YYYY-MM-DD`.
fn day(v: &Value, key: &str, tz: Tz) -> Result<Option<String>, Malformed> {
    let Some(s) = json::str_opt(v, key)? else {
        return Ok(None);
    };
    if let Some(d) = parse_date(s) {
        return json::day(d.with_timezone(&tz).date_naive(), key).map(Some);
    }
    match s
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        Some(d) => json::day(d, key).map(Some),
        None => Err(format!("{key}: not a date ({s})")),
    }
}

pub fn sale(s: &Value, tz: Tz) -> Result<SupplierSale, Malformed> {
    if !s.is_object() {
        return Err("sale: expected an object".into());
    }
    let id = json::id_text(s, "SaleId")?;
    let sale_date_raw = json::str_opt(s, "SaleDate")?.ok_or("SaleDate: missing")?;
    let sold = parse_date(sale_date_raw).ok_or_else(|| format!("SaleDate: not a /Date()/ value ({sale_date_raw})"))?;
    let supplier_status = json::string_opt(s, "Status")?.unwrap_or_default();
    let customer = json::object(s, "Customer")?;
    let mut locators = vec![id.clone()];
    if let Some(l) = json::str_opt(s, "Locator")? {
        locators.push(l.to_string());
    }
    let mut products = Vec::new();
    let mut total: i64 = 0;
    let mut currency: Option<String> = None;
    for p in json::array(s, "Products")? {
        let ty = json::string_opt(p, "Type")?.unwrap_or_default();
        let amount = json::cents(p, "Amount")?;
        let cur = json::string_opt(p, "Currency")?;
        total = total
            .checked_add(amount.unwrap_or(0))
            .ok_or("Products.Amount: the sum of the amounts is out of range")?;
        if currency.is_none() {
            currency = cur.clone();
        }
        let locator = json::string_opt(p, "Locator")?;
        if let Some(l) = &locator {
            if !locators.contains(l) {
                locators.push(l.clone());
            }
        }
        let mut passengers = Vec::new();
        for x in json::array(p, "Passengers")? {
            if let Some(name) = json::string_opt(x, "Name")? {
                passengers.push(Passenger {
                    name,
                    ty: json::string_opt(x, "Type")?,
                });
            }
        }
        products.push(Product {
            kind: product_kind(&ty),
            supplier_type: ty,
            locator,
            provider: json::string_opt(p, "Supplier")?,
            description: json::string_opt(p, "Description")?,
            start_date: day(p, "StartDate", tz)?,
            end_date: day(p, "EndDate", tz)?,
            amount_cents: amount,
            currency: cur,
            passengers,
        });
    }
    let currency = currency.unwrap_or_else(|| "BRL".into());
    let mut payments = Vec::new();
    let mut needs_manual_payment = false;
    for p in json::array(s, "Payments")? {
        let ty = json::string_opt(p, "Type")?.unwrap_or_default();
        if ty == AGENCY_DIRECT_PAYMENT {
            needs_manual_payment = true;
            continue;
        }
        payments.push(Payment {
            ty,
            amount_cents: json::cents(p, "Amount")?.unwrap_or(0),
            currency: json::string_opt(p, "Currency")?.unwrap_or_else(|| currency.clone()),
            confirmed: None,
        });
    }
    Ok(SupplierSale {
        supplier_sale_id: id,
        locators,
        sale_date: json::day(sold.with_timezone(&tz).date_naive(), "SaleDate")?,
        sold_at: Some(sold.to_rfc3339()),
        status: status(&supplier_status),
        supplier_status,
        customer_name: customer.map(|c| json::string_opt(c, "Name")).transpose()?.flatten(),
        customer_document: customer.map(|c| json::string_opt(c, "Document")).transpose()?.flatten(),
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
