//! The reference import: the leanest import of the same pages one can reasonably write, so that Ponte's
//! import time has a yardstick that is not Ponte itself. It is not product code: it trusts its input
//! (a malformed booking panics) and does nothing a real import needs beyond the writes themselves (no
//! retries, no cancel, no update of an existing sale).
//!
//! What it does, and what it writes, is what Ponte's import does and writes for these pages:
//! - fetch + parse on one thread: reqwest (Ponte's HTTP stack), `POST /authenticate`, then each page
//!   `GET /booking?startDate&endDate&page&size=500`; the page is split into each booking's exact bytes
//!   (`RawValue`, borrowed) and each booking is read into typed serde structs (strings borrowed when
//!   unescaped); the fields are mapped as `ponte_suppliers::infotravel::mapping` maps them;
//! - writes on another thread, fed through a channel of parsed pages (one page ahead, as Ponte's
//!   writer): plain prepared INSERTs into the SAME schema (the database is opened with
//!   `ponte_core::db::Db::open`, so the migrations made the tables and indexes), one transaction per
//!   500-booking page: the sale (with the booking's bytes as `raw` and an XXH3-128 content hash, as
//!   Ponte stores them), its products, passengers and payments, an issue per unmapped product, and the
//!   run's progress row.
//!
//! The bench checks that it wrote as many sales and products as Ponte did.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::mpsc;
use std::time::Instant;

use axum::body::Bytes;
use chrono::NaiveDate;
use ponte_core::db::Db;
use ponte_core::zone::Zone;
use rusqlite::params;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::pages_server::{self, Access};

/// What one run did: its time and the rows it wrote.
pub struct Outcome {
    pub ms: u128,
    /// Time the fetch + parse thread spent on each page's body after it arrived (parsing, mapping).
    pub parse_ms: u128,
    /// Time the writer thread spent writing (inserts and commits), waiting for pages excluded.
    pub write_ms: u128,
    pub pages: usize,
    pub sales: i64,
    pub products: i64,
    pub passengers: i64,
    pub payments: i64,
}

// ---------------------------------------------------------------------------------------------
// Typed pages (only the fields Ponte stores)
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageIn<'a> {
    #[serde(borrow)]
    content: Vec<&'a RawValue>,
    total_pages: Option<u32>,
    last: Option<bool>,
}

#[derive(Deserialize)]
struct Price {
    amount: f64,
    currency: Option<String>,
}

#[derive(Deserialize)]
struct Contact<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    email: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Code<'a> {
    #[serde(borrow)]
    code: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Name<'a> {
    #[serde(borrow, default)]
    first_name: Cow<'a, str>,
    #[serde(borrow, default)]
    last_name: Cow<'a, str>,
    #[serde(borrow, rename = "type")]
    kind: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fare {
    price: Option<Price>,
    price_sale: Option<Price>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Room<'a> {
    #[serde(borrow)]
    check_in: Option<Cow<'a, str>>,
    #[serde(borrow)]
    check_out: Option<Cow<'a, str>>,
    #[serde(borrow)]
    room_type: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Hotel<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Segment<'a> {
    #[serde(borrow)]
    origin: Option<Cow<'a, str>>,
    #[serde(borrow)]
    destination: Option<Cow<'a, str>>,
    #[serde(borrow)]
    airline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    departure: Option<Cow<'a, str>>,
    #[serde(borrow)]
    arrival: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct Flight<'a> {
    #[serde(borrow, default)]
    segments: Vec<Segment<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item<'a> {
    #[serde(borrow, default)]
    locators: Vec<Code<'a>>,
    #[serde(borrow)]
    provider: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    names: Vec<Name<'a>>,
    #[serde(default)]
    fares: Vec<Fare>,
    #[serde(borrow)]
    hotel: Option<Hotel<'a>>,
    #[serde(borrow, default)]
    rooms: Vec<Room<'a>>,
    #[serde(borrow, default)]
    flights: Vec<Flight<'a>>,
    #[serde(borrow)]
    pick_up_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    drop_off_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    rental_company: Option<Cow<'a, str>>,
    #[serde(borrow)]
    start_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    end_date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    itinerary: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Pay<'a> {
    #[serde(borrow, rename = "type", default)]
    kind: Cow<'a, str>,
    value: Option<Price>,
    payment_confirmed: Option<bool>,
}

/// An ApiBooking: its product lists in the order Ponte reads them.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Booking<'a> {
    id: u64,
    #[serde(borrow, default)]
    status: Cow<'a, str>,
    #[serde(borrow)]
    created_at: Cow<'a, str>,
    #[serde(borrow)]
    contact: Option<Contact<'a>>,
    booking_amount: Option<Price>,
    #[serde(borrow, default)]
    booking_hotels: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_flights: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_insurances: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_tours: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_service_packages: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_tickets: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_transfers: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_service_others: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_packages: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_vehicles: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_experiences: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_chips: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_circuits: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_cruises: Vec<Item<'a>>,
    #[serde(borrow, default)]
    booking_buses: Vec<Item<'a>>,
    #[serde(borrow, default)]
    payments: Vec<Pay<'a>>,
}

impl<'a> Booking<'a> {
    /// (list name, stored kind, items), in `ponte_suppliers::infotravel::mapping::PRODUCT_LISTS` order.
    fn lists(&self) -> [(&'static str, &'static str, &[Item<'a>]); 15] {
        [
            ("bookingHotels", "hotel", &self.booking_hotels),
            ("bookingFlights", "air_ticket", &self.booking_flights),
            ("bookingInsurances", "travel_insurance", &self.booking_insurances),
            ("bookingTours", "services", &self.booking_tours),
            ("bookingServicePackages", "tour_package", &self.booking_service_packages),
            ("bookingTickets", "services", &self.booking_tickets),
            ("bookingTransfers", "ground_transport", &self.booking_transfers),
            ("bookingServiceOthers", "services", &self.booking_service_others),
            ("bookingPackages", "tour_package", &self.booking_packages),
            ("bookingVehicles", "car_rental", &self.booking_vehicles),
            ("bookingExperiences", "services", &self.booking_experiences),
            ("bookingChips", "services", &self.booking_chips),
            ("bookingCircuits", "tour_package", &self.booking_circuits),
            ("bookingCruises", "unmapped", &self.booking_cruises),
            ("bookingBuses", "ground_transport", &self.booking_buses),
        ]
    }
}

// ---------------------------------------------------------------------------------------------
// Rows, as the writer inserts them
// ---------------------------------------------------------------------------------------------

struct ProductRow {
    kind: &'static str,
    supplier_type: &'static str,
    locator: Option<String>,
    provider: Option<String>,
    description: Option<String>,
    start_date: Option<String>,
    end_date: Option<String>,
    amount_cents: Option<i64>,
    currency: Option<String>,
    passengers: Vec<(String, Option<String>)>,
}

struct PaymentRow {
    kind: String,
    amount_cents: i64,
    currency: String,
    confirmed: Option<bool>,
}

struct SaleRow {
    id: String,
    locators: String,
    sale_date: String,
    sold_at: String,
    status: &'static str,
    supplier_status: String,
    customer_name: Option<String>,
    customer_email: Option<String>,
    total_cents: i64,
    currency: String,
    needs_manual_payment: bool,
    content_hash: String,
    /// The booking's bytes within the page's body.
    raw: Range<usize>,
    products: Vec<ProductRow>,
    payments: Vec<PaymentRow>,
}

/// A parsed page: its body (the sales' raw bytes point into it) and its rows.
struct ParsedPage {
    body: Bytes,
    sales: Vec<SaleRow>,
    last: bool,
}

fn cents(p: &Price) -> i64 {
    (p.amount * 100.0).round() as i64
}

fn owned(s: &Option<Cow<'_, str>>) -> Option<String> {
    s.as_deref().map(str::to_string)
}

fn day(s: &Option<Cow<'_, str>>) -> Option<String> {
    s.as_deref().map(|s| s.get(..10).unwrap_or(s).to_string())
}

fn status(s: &str) -> &'static str {
    match s {
        "CONFIRMED" => "confirmed",
        "RESERVED" | "ON_REQUEST" | "WAITING_LIST" | "ORDER" => "reserved",
        "CANCELED" | "CANCELLED" | "EXPIRED" => "cancelled",
        _ => "other",
    }
}

fn product(list: &'static str, kind: &'static str, item: &Item<'_>) -> ProductRow {
    let passengers = item
        .names
        .iter()
        .filter_map(|n| {
            let name = format!("{} {}", n.first_name, n.last_name).trim().to_string();
            (!name.is_empty()).then(|| (name, owned(&n.kind)))
        })
        .collect();
    let (mut amount, mut currency) = (None, None);
    for f in &item.fares {
        if let Some(p) = f.price_sale.as_ref().or(f.price.as_ref()) {
            amount = Some(amount.unwrap_or(0) + cents(p));
            currency.get_or_insert_with(|| p.currency.clone().unwrap_or_else(|| "BRL".into()));
        }
    }
    let (mut start, mut end, mut description) = (None, None, None);
    match list {
        "bookingHotels" => {
            start = item.rooms.first().and_then(|r| day(&r.check_in));
            end = item.rooms.last().and_then(|r| day(&r.check_out));
            let hotel = item.hotel.as_ref().and_then(|h| owned(&h.name));
            let room = item.rooms.first().and_then(|r| owned(&r.room_type));
            description = match (hotel, room) {
                (Some(h), Some(r)) => Some(format!("{h} — {r}")),
                (h, r) => h.or(r),
            };
        }
        "bookingFlights" => {
            let mut legs = Vec::new();
            for s in item.flights.iter().flat_map(|f| &f.segments) {
                if start.is_none() {
                    start = day(&s.departure);
                }
                end = day(&s.arrival).or(end);
                legs.push(format!(
                    "{}→{} {}{}",
                    s.origin.as_deref().unwrap_or("?"),
                    s.destination.as_deref().unwrap_or("?"),
                    s.airline.as_deref().unwrap_or(""),
                    s.number.as_deref().unwrap_or("")
                ));
            }
            description = (!legs.is_empty()).then(|| legs.join(", "));
        }
        "bookingVehicles" => {
            start = day(&item.pick_up_date);
            end = day(&item.drop_off_date);
            description = owned(&item.rental_company);
        }
        "bookingInsurances" => {
            start = day(&item.start_date);
            end = day(&item.end_date);
        }
        "bookingCircuits" => {
            start = day(&item.date);
            end = day(&item.end_date);
            description = owned(&item.itinerary);
        }
        _ => start = day(&item.date),
    }
    ProductRow {
        kind,
        supplier_type: list,
        locator: item.locators.iter().find_map(|l| owned(&l.code)),
        provider: owned(&item.provider),
        description,
        start_date: start,
        end_date: end,
        amount_cents: amount,
        currency,
        passengers,
    }
}

fn sale(body: &str, raw: &RawValue, tz: Zone) -> SaleRow {
    let text = raw.get();
    let b: Booking<'_> = serde_json::from_str(text).expect("a well-formed booking");
    let id = b.id.to_string();
    let created = chrono::DateTime::parse_from_rfc3339(&b.created_at).expect("createdAt");
    let sale_date = tz
        .date_of(&created)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let (total_cents, currency) = b
        .booking_amount
        .as_ref()
        .map(|p| (cents(p), p.currency.clone().unwrap_or_else(|| "BRL".into())))
        .unwrap_or((0, "BRL".into()));
    let mut locators = id.clone();
    let mut seen: Vec<&str> = vec![&id];
    let mut products = Vec::new();
    for (list, kind, items) in b.lists() {
        for item in items {
            for code in item.locators.iter().filter_map(|l| l.code.as_deref()) {
                if !seen.contains(&code) {
                    seen.push(code);
                    locators.push(' ');
                    locators.push_str(code);
                }
            }
            products.push(product(list, kind, item));
        }
    }
    let mut needs_manual_payment = false;
    let mut payments = Vec::new();
    for p in &b.payments {
        // Paid straight to the agency: not imported, the sale is flagged (`assumed::AGENCY_DIRECT_PAYMENT`).
        if p.kind == "AGENCY_DIRECT" {
            needs_manual_payment = true;
            continue;
        }
        let (amount_cents, cur) = p
            .value
            .as_ref()
            .map(|v| (cents(v), v.currency.clone().unwrap_or_else(|| currency.clone())))
            .unwrap_or((0, currency.clone()));
        payments.push(PaymentRow {
            kind: p.kind.to_string(),
            amount_cents,
            currency: cur,
            confirmed: p.payment_confirmed,
        });
    }
    let mut hashed = String::with_capacity(sale_date.len() + 1 + text.len());
    hashed.push_str(&sale_date);
    hashed.push('|');
    hashed.push_str(text);
    let start = text.as_ptr() as usize - body.as_ptr() as usize;
    SaleRow {
        locators,
        sale_date,
        sold_at: b.created_at.to_string(),
        status: status(&b.status),
        supplier_status: b.status.to_string(),
        customer_name: b.contact.as_ref().and_then(|c| owned(&c.name)),
        customer_email: b.contact.as_ref().and_then(|c| owned(&c.email)),
        total_cents,
        currency,
        needs_manual_payment,
        content_hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(hashed.as_bytes())),
        raw: start..start + text.len(),
        products,
        payments,
        id,
    }
}

/// Page `index`: its bookings, and whether it is the last (as Ponte decides it: `last`, else
/// `totalPages`, and an empty page always is).
fn parse_page(body: Bytes, index: u32, tz: Zone) -> ParsedPage {
    let text = std::str::from_utf8(&body).expect("UTF-8");
    let page: PageIn<'_> = serde_json::from_str(text).expect("a page");
    let sales = page.content.iter().map(|raw| sale(text, raw, tz)).collect();
    let last = page
        .last
        .unwrap_or_else(|| page.total_pages.is_none_or(|t| index + 1 >= t))
        || page.content.is_empty();
    ParsedPage { sales, last, body }
}

// ---------------------------------------------------------------------------------------------
// The writer
// ---------------------------------------------------------------------------------------------

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn write_page(conn: &mut rusqlite::Connection, integration: i64, run: i64, page: &ParsedPage, done: u32) {
    let ts = now();
    let tx = conn.transaction().unwrap();
    {
        let mut sale_stmt = tx
            .prepare_cached(
                "INSERT INTO sales (integration_id, supplier_sale_id, locators, sale_date, sold_at, status,
                    supplier_status, customer_name, customer_document, customer_email, total_cents, currency,
                    needs_manual_payment, content_hash, raw, first_imported_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
            )
            .unwrap();
        let mut product_stmt = tx
            .prepare_cached(
                "INSERT INTO sale_products (sale_id, position, kind, supplier_type, locator, provider, description,
                    start_date, end_date, amount_cents, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .unwrap();
        let mut pax_stmt = tx
            .prepare_cached(
                "INSERT INTO sale_passengers (sale_id, product_position, name, type) VALUES (?1, ?2, ?3, ?4)",
            )
            .unwrap();
        let mut pay_stmt = tx
            .prepare_cached(
                "INSERT INTO sale_payments (sale_id, type, amount_cents, currency, confirmed) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap();
        let mut issue_stmt = tx
            .prepare_cached(
                "INSERT INTO import_issues (run_id, supplier_sale_id, kind, detail) VALUES (?1, ?2, 'unmapped', ?3)",
            )
            .unwrap();
        let body = std::str::from_utf8(&page.body).unwrap();
        for s in &page.sales {
            let sale_id = sale_stmt
                .insert(params![
                    integration,
                    s.id,
                    s.locators,
                    s.sale_date,
                    s.sold_at,
                    s.status,
                    s.supplier_status,
                    s.customer_name,
                    s.customer_email,
                    s.total_cents,
                    s.currency,
                    s.needs_manual_payment,
                    s.content_hash,
                    &body[s.raw.clone()],
                    ts
                ])
                .unwrap();
            for (pos, p) in s.products.iter().enumerate() {
                product_stmt
                    .execute(params![
                        sale_id,
                        pos as i64,
                        p.kind,
                        p.supplier_type,
                        p.locator,
                        p.provider,
                        p.description,
                        p.start_date,
                        p.end_date,
                        p.amount_cents,
                        p.currency
                    ])
                    .unwrap();
                for (name, kind) in &p.passengers {
                    pax_stmt.execute(params![sale_id, pos as i64, name, kind]).unwrap();
                }
                if p.kind == "unmapped" {
                    issue_stmt.execute(params![run, s.id, p.supplier_type]).unwrap();
                }
            }
            for pay in &s.payments {
                pay_stmt
                    .execute(params![
                        sale_id,
                        pay.kind,
                        pay.amount_cents,
                        pay.currency,
                        pay.confirmed
                    ])
                    .unwrap();
            }
        }
    }
    tx.execute(
        "UPDATE import_runs SET pages_done = ?1, updated_at = ?2 WHERE id = ?3",
        params![done, ts, run],
    )
    .unwrap();
    tx.commit().unwrap();
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

/// Imports every page of `from..=to` from `access` into `db` (integration `integration`): fetch + parse
/// on this thread, writes on another.
pub fn run(db: Db, integration: i64, access: &Access, from: NaiveDate, to: NaiveDate, tz: Zone) -> Outcome {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let run_id = {
        db.conn()
            .execute(
                "INSERT INTO import_runs (integration_id, mode, date_from, date_to, started_at, outcome, updated_at)
                 VALUES (?1, 'dates', ?2, ?3, ?4, 'running', ?4)",
                params![integration, from.to_string(), to.to_string(), now()],
            )
            .unwrap();
        db.conn().last_insert_rowid()
    };
    // One page ahead, as Ponte's writer: memory stays at about two pages.
    let (pages_tx, pages_rx) = mpsc::sync_channel::<ParsedPage>(1);
    let writer = std::thread::spawn(move || {
        let mut db = db;
        let mut done = 0u32;
        let mut busy = std::time::Duration::ZERO;
        for page in pages_rx {
            let t = Instant::now();
            done += 1;
            write_page(db.conn_mut(), integration, run_id, &page, done);
            busy += t.elapsed();
        }
        db.conn()
            .execute(
                "UPDATE import_runs SET outcome = 'completed', finished_at = ?1, updated_at = ?1 WHERE id = ?2",
                params![now(), run_id],
            )
            .unwrap();
        (db, busy)
    });
    let mut parse = std::time::Duration::ZERO;
    let pages = rt.block_on(async {
        let http = pages_server::http_client();
        let token = pages_server::token(&http, access).await;
        let mut index = 0u32;
        loop {
            let reply = http
                .get(format!(
                    "{}{}",
                    access.url,
                    pages_server::page_path(from, to, index as usize)
                ))
                .bearer_auth(&token)
                .send()
                .await
                .expect("page");
            assert!(reply.status().is_success(), "page {index}: {}", reply.status());
            let body = reply.bytes().await.expect("body");
            let t = Instant::now();
            let page = parse_page(body, index, tz);
            parse += t.elapsed();
            let last = page.last;
            pages_tx.send(page).expect("the writer runs");
            index += 1;
            if last {
                break index as usize;
            }
        }
    });
    drop(pages_tx);
    let (db, write) = writer.join().expect("the writer finished");
    let ms = started.elapsed().as_millis();
    let count = |table: &str| -> i64 {
        db.conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    Outcome {
        ms,
        parse_ms: parse.as_millis(),
        write_ms: write.as_millis(),
        pages,
        sales: count("sales"),
        products: count("sale_products"),
        passengers: count("sale_passengers"),
        payments: count("sale_payments"),
    }
}
