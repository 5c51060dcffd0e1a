//! Imported sales: the normalised model every supplier maps into, and its storage. A sale is keyed by
//! (integration, supplier sale id): writing it again updates what changed and never duplicates.

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{CoreError, Result};

/// The product kinds the user expects (docs/PROTOCOLS.md#imported-product-kinds). Circuits are imported as
/// tour packages, transfers as ground transport.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProductKind {
    CarRental,
    Hotel,
    TourPackage,
    AirTicket,
    TravelInsurance,
    Services,
    GroundTransport,
    /// A supplier product type with no kind yet: kept, and reported as a warning.
    Unmapped,
}

impl ProductKind {
    pub const ALL: [ProductKind; 8] = [
        Self::CarRental,
        Self::Hotel,
        Self::TourPackage,
        Self::AirTicket,
        Self::TravelInsurance,
        Self::Services,
        Self::GroundTransport,
        Self::Unmapped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CarRental => "car_rental",
            Self::Hotel => "hotel",
            Self::TourPackage => "tour_package",
            Self::AirTicket => "air_ticket",
            Self::TravelInsurance => "travel_insurance",
            Self::Services => "services",
            Self::GroundTransport => "ground_transport",
            Self::Unmapped => "unmapped",
        }
    }

    pub fn parse(s: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .unwrap_or(Self::Unmapped)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SaleStatus {
    Confirmed,
    Reserved,
    Cancelled,
    Other,
}

impl SaleStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed",
            Self::Reserved => "reserved",
            Self::Cancelled => "cancelled",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "confirmed" => Self::Confirmed,
            "reserved" => Self::Reserved,
            "cancelled" => Self::Cancelled,
            _ => Self::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Passenger {
    pub name: String,
    #[serde(rename = "type")]
    pub ty: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Product {
    pub kind: ProductKind,
    pub supplier_type: String,
    pub locator: Option<String>,
    pub provider: Option<String>,
    pub description: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    #[ts(type = "number | null")]
    pub amount_cents: Option<i64>,
    pub currency: Option<String>,
    pub passengers: Vec<Passenger>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Payment {
    #[serde(rename = "type")]
    pub ty: String,
    #[ts(type = "number")]
    pub amount_cents: i64,
    pub currency: String,
    pub confirmed: Option<bool>,
}

/// One sale as a supplier client hands it to the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupplierSale {
    pub supplier_sale_id: String,
    pub locators: Vec<String>,
    pub sale_date: String,
    pub sold_at: Option<String>,
    pub status: SaleStatus,
    pub supplier_status: String,
    pub customer_name: Option<String>,
    pub customer_document: Option<String>,
    pub customer_email: Option<String>,
    pub total_cents: i64,
    pub currency: String,
    pub products: Vec<Product>,
    /// Payments that are imported (agency-direct ones are not: see `needs_manual_payment`).
    pub payments: Vec<Payment>,
    /// The customer paid (part of) it straight to the agency: to be entered by hand
    /// (docs/PROTOCOLS.md#payments-made-to-the-agency).
    pub needs_manual_payment: bool,
    /// The supplier's record exactly as received (its JSON text, byte for byte), for the detail view.
    pub raw: String,
    /// What decides the stored row, hashed ([`record_hash`]): equal hash = unchanged sale.
    pub content_hash: String,
}

impl SupplierSale {
    pub fn unmapped_types(&self) -> Vec<&str> {
        self.products
            .iter()
            .filter(|p| p.kind == ProductKind::Unmapped)
            .map(|p| p.supplier_type.as_str())
            .collect()
    }
}

/// Prefix of the hashes made by [`record_hash`] (a stored hash without it was made by [`hash_text`]).
pub const RECORD_HASH_PREFIX: &str = "r1:";

/// The content hash of a supplier record before it is mapped: everything that decides the stored row —
/// the supplier's exact bytes, the agency's time zone (it moves sale dates) and the version of that
/// supplier's mapping (a new Ponte that maps differently re-maps every record once). XXH3-128 over
/// `{mapping}|{tz}|{bytes}`, as `r1:` + 32 lowercase hex digits; fixed by the algorithm's specification,
/// so it survives toolchain updates. The import compares it with the stored hash and skips an
/// unchanged record unread.
pub fn record_hash(mapping: &str, tz: &str, raw: &str) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(mapping.as_bytes());
    h.update(b"|");
    h.update(tz.as_bytes());
    h.update(b"|");
    h.update(raw.as_bytes());
    format!("{RECORD_HASH_PREFIX}{:032x}", h.digest128())
}

/// A hash stored by a Ponte before [`record_hash`] ([`hash_text`] of the sale date and the record as
/// compact JSON) that still describes `sale`: the sale is unchanged, only its hash is of the old kind.
fn old_hash_matches(stored: &str, sale: &SupplierSale) -> bool {
    if stored.starts_with(RECORD_HASH_PREFIX) {
        return false;
    }
    serde_json::from_str::<serde_json::Value>(&sale.raw)
        .is_ok_and(|v| hash_text(&sale.sale_date, &v.to_string()) == stored)
}

/// The content hash of a sale from its date and its raw record as stored (`sales.sale_date`, `sales.raw`:
/// the compact JSON text). XXH3-128 (`xxhash-rust`), a named algorithm whose output is fixed by its
/// specification, over the bytes `{sale_date}|{raw}`, as 32 lowercase hex digits. It used to be Rust's
/// `DefaultHasher`, whose output may change with any Rust release (after a toolchain update every sale
/// would have been re-written as "updated"); schema 6's migration re-hashed every stored sale once with
/// this function, from the same two columns, so an unchanged sale stays "unchanged" across the upgrade.
/// Since then [`record_hash`] replaces it: a sale with a hash of this kind is recognised as unchanged
/// once more and gets the new hash (and its exact bytes) on its next import.
pub fn hash_text(sale_date: &str, raw: &str) -> String {
    let mut text = String::with_capacity(sale_date.len() + 1 + raw.len());
    text.push_str(sale_date);
    text.push('|');
    text.push_str(raw);
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// Schema 6's migration hook: every stored sale's hash, re-computed with [`hash_text`].
pub(crate) fn rehash_all(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    // In batches by id, so a million sales do not all sit in memory at once.
    let mut batch = tx.prepare("SELECT id, sale_date, raw FROM sales WHERE id > ?1 ORDER BY id LIMIT 2000")?;
    let mut update = tx.prepare("UPDATE sales SET content_hash = ?1 WHERE id = ?2")?;
    let mut after = i64::MIN;
    loop {
        let rows: Vec<(i64, String, String)> = batch
            .query_map([after], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(last) = rows.last().map(|r| r.0) else {
            return Ok(());
        };
        for (id, date, raw) in rows {
            update.execute(params![hash_text(&date, &raw), id])?;
        }
        after = last;
    }
}

/// What writing (or previewing) one sale did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Change {
    New,
    Updated,
    Unchanged,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// What is stored now for this key: (row id, content hash).
pub fn existing(
    conn: &rusqlite::Connection,
    integration_id: i64,
    supplier_sale_id: &str,
) -> Result<Option<(i64, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, content_hash FROM sales WHERE integration_id = ?1 AND supplier_sale_id = ?2")?
        .query_row(params![integration_id, supplier_sale_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// What is stored for a sale the import may skip unread: its hash, and what the run reports for an
/// unchanged sale (flagged for a manual payment, its products of no known kind).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub content_hash: String,
    pub needs_manual_payment: bool,
    pub unmapped: Vec<String>,
}

/// [`Known`] for those of `ids` stored for the integration (one query per page; ids not stored are absent).
pub fn known(
    conn: &rusqlite::Connection,
    integration_id: i64,
    ids: &[&str],
) -> Result<std::collections::HashMap<String, Known>> {
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    // SQLite takes at most 32 766 parameters: a page is far smaller, but any list is cut to fit.
    for chunk in ids.chunks(10_000) {
        let marks = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT s.supplier_sale_id, s.content_hash, s.needs_manual_payment,
                (SELECT group_concat(p.supplier_type, char(31)) FROM sale_products p
                  WHERE p.sale_id = s.id AND p.kind = 'unmapped')
             FROM sales s WHERE s.integration_id = ? AND s.supplier_sale_id IN ({marks})"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let params = std::iter::once(&integration_id as &dyn rusqlite::ToSql)
            .chain(chunk.iter().map(|id| id as &dyn rusqlite::ToSql));
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            let unmapped: Option<String> = r.get(3)?;
            Ok((
                r.get::<_, String>(0)?,
                Known {
                    content_hash: r.get(1)?,
                    needs_manual_payment: r.get(2)?,
                    unmapped: unmapped
                        .map(|u| u.split('\u{1f}').map(String::from).collect())
                        .unwrap_or_default(),
                },
            ))
        })?;
        for row in rows {
            let (id, k) = row?;
            out.insert(id, k);
        }
    }
    Ok(out)
}

/// Classifies without writing (preview).
pub fn classify(conn: &rusqlite::Connection, integration_id: i64, sale: &SupplierSale) -> Result<Change> {
    Ok(match existing(conn, integration_id, &sale.supplier_sale_id)? {
        None => Change::New,
        Some((_, hash)) if hash == sale.content_hash || old_hash_matches(&hash, sale) => Change::Unchanged,
        Some(_) => Change::Updated,
    })
}

/// Inserts or updates one whole sale (products, passengers, payments) inside the caller's transaction.
pub fn upsert(tx: &Transaction<'_>, integration_id: i64, sale: &SupplierSale) -> Result<Change> {
    let hash = &sale.content_hash;
    let found = existing(tx, integration_id, &sale.supplier_sale_id)?;
    match &found {
        Some((_, h)) if h == hash => return Ok(Change::Unchanged),
        Some((id, h)) if old_hash_matches(h, sale) => {
            // Stored by an older Ponte: the same sale, now kept with its exact bytes and the new hash.
            tx.prepare_cached("UPDATE sales SET content_hash = ?1, raw = ?2 WHERE id = ?3")?
                .execute(params![hash, sale.raw, id])?;
            return Ok(Change::Unchanged);
        }
        _ => {}
    }
    let ts = now();
    let locators = sale.locators.join(" ");
    let raw = &sale.raw;
    let (sale_id, change) = match found {
        Some((id, _)) => {
            tx.execute(
                "UPDATE sales SET locators = ?1, sale_date = ?2, sold_at = ?3, status = ?4, supplier_status = ?5,
                    customer_name = ?6, customer_document = ?7, customer_email = ?8, total_cents = ?9, currency = ?10,
                    needs_manual_payment = ?11, content_hash = ?12, raw = ?13, updated_at = ?14 WHERE id = ?15",
                params![
                    locators,
                    sale.sale_date,
                    sale.sold_at,
                    sale.status.as_str(),
                    sale.supplier_status,
                    sale.customer_name,
                    sale.customer_document,
                    sale.customer_email,
                    sale.total_cents,
                    sale.currency,
                    sale.needs_manual_payment,
                    hash,
                    raw,
                    ts,
                    id
                ],
            )?;
            for t in ["sale_products", "sale_passengers", "sale_payments"] {
                tx.execute(&format!("DELETE FROM {t} WHERE sale_id = ?1"), [id])?;
            }
            (id, Change::Updated)
        }
        None => {
            tx.execute(
                "INSERT INTO sales (integration_id, supplier_sale_id, locators, sale_date, sold_at, status,
                    supplier_status, customer_name, customer_document, customer_email, total_cents, currency,
                    needs_manual_payment, content_hash, raw, first_imported_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
                params![
                    integration_id,
                    sale.supplier_sale_id,
                    locators,
                    sale.sale_date,
                    sale.sold_at,
                    sale.status.as_str(),
                    sale.supplier_status,
                    sale.customer_name,
                    sale.customer_document,
                    sale.customer_email,
                    sale.total_cents,
                    sale.currency,
                    sale.needs_manual_payment,
                    hash,
                    raw,
                    ts
                ],
            )?;
            (tx.last_insert_rowid(), Change::New)
        }
    };
    let mut product_stmt = tx.prepare_cached(
        "INSERT INTO sale_products (sale_id, position, kind, supplier_type, locator, provider, description,
            start_date, end_date, amount_cents, currency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut pax_stmt = tx.prepare_cached(
        "INSERT INTO sale_passengers (sale_id, product_position, name, type) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (pos, p) in sale.products.iter().enumerate() {
        product_stmt.execute(params![
            sale_id,
            pos as i64,
            p.kind.as_str(),
            p.supplier_type,
            p.locator,
            p.provider,
            p.description,
            p.start_date,
            p.end_date,
            p.amount_cents,
            p.currency
        ])?;
        for pax in &p.passengers {
            pax_stmt.execute(params![sale_id, pos as i64, pax.name, pax.ty])?;
        }
    }
    let mut pay_stmt = tx.prepare_cached(
        "INSERT INTO sale_payments (sale_id, type, amount_cents, currency, confirmed) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for pay in &sale.payments {
        pay_stmt.execute(params![sale_id, pay.ty, pay.amount_cents, pay.currency, pay.confirmed])?;
    }
    Ok(change)
}

/// One row of the Vendas list.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SaleRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub integration_id: i64,
    pub integration: String,
    pub supplier_sale_id: String,
    pub locators: String,
    pub sale_date: String,
    pub status: SaleStatus,
    pub customer_name: Option<String>,
    #[ts(type = "number")]
    pub total_cents: i64,
    pub currency: String,
    pub needs_manual_payment: bool,
    /// Product kinds present, comma-separated.
    pub kinds: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SalesFilter {
    #[serde(default)]
    pub query: String,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub integration_id: Option<i64>,
    #[serde(default)]
    pub kind: Option<ProductKind>,
    #[serde(default)]
    pub status: Option<SaleStatus>,
    #[serde(default)]
    pub flagged_only: bool,
    #[serde(default)]
    pub date_from: Option<String>,
    #[serde(default)]
    pub date_to: Option<String>,
}

/// Keyset cursor: the last row of the previous page (sale_date, id), newest first.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SalesCursor {
    pub sale_date: String,
    #[ts(type = "number")]
    pub id: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SalesPage {
    pub rows: Vec<SaleRow>,
    pub next: Option<SalesCursor>,
}

pub const MAX_PAGE: u32 = 500;

fn where_clause(f: &SalesFilter, args: &mut Vec<rusqlite::types::Value>) -> String {
    use rusqlite::types::Value as V;
    let mut w = vec!["1 = 1".to_string()];
    let push = |cond: String, v: V, args: &mut Vec<V>, w: &mut Vec<String>| {
        args.push(v);
        w.push(cond.replace('?', &format!("?{}", args.len())));
    };
    if let Some(id) = f.integration_id {
        push("s.integration_id = ?".into(), V::Integer(id), args, &mut w);
    }
    if let Some(st) = f.status {
        push("s.status = ?".into(), V::Text(st.as_str().into()), args, &mut w);
    }
    if f.flagged_only {
        w.push("s.needs_manual_payment = 1".into());
    }
    if let Some(d) = &f.date_from {
        push("s.sale_date >= ?".into(), V::Text(d.clone()), args, &mut w);
    }
    if let Some(d) = &f.date_to {
        push("s.sale_date <= ?".into(), V::Text(d.clone()), args, &mut w);
    }
    if let Some(k) = f.kind {
        push(
            "EXISTS (SELECT 1 FROM sale_products p WHERE p.sale_id = s.id AND p.kind = ?)".into(),
            V::Text(k.as_str().into()),
            args,
            &mut w,
        );
    }
    let q = f.query.trim();
    if !q.is_empty() {
        // Documents match exactly as typed (case-sensitive: docs/PROTOCOLS.md#importing-by-document-or-by-date);
        // customers by name, case-insensitively.
        args.push(V::Text(q.to_string()));
        let n = args.len();
        args.push(V::Text(format!("%{}%", crate::text::like_escape(q))));
        let m = args.len();
        w.push(format!(
            "(s.supplier_sale_id = ?{n} OR instr(' ' || s.locators || ' ', ' ' || ?{n} || ' ') > 0 \
             OR s.customer_name LIKE ?{m} ESCAPE '\\')"
        ));
    }
    w.join(" AND ")
}

/// A page of sales, newest first, after `cursor` (keyset pagination: constant time at any depth).
pub fn page(db: &Db, f: &SalesFilter, cursor: Option<&SalesCursor>, limit: u32) -> Result<SalesPage> {
    let limit = limit.clamp(1, MAX_PAGE);
    let mut args = Vec::new();
    let mut w = where_clause(f, &mut args);
    if let Some(c) = cursor {
        args.push(rusqlite::types::Value::Text(c.sale_date.clone()));
        let a = args.len();
        args.push(rusqlite::types::Value::Integer(c.id));
        let b = args.len();
        w.push_str(&format!(" AND (s.sale_date, s.id) < (?{a}, ?{b})"));
    }
    let sql = format!("{ROW_SELECT} WHERE {w} ORDER BY s.sale_date DESC, s.id DESC LIMIT {limit}");
    let mut stmt = db.conn().prepare_cached(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), row_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let next = (rows.len() as u32 == limit).then(|| {
        let last = &rows[rows.len() - 1];
        SalesCursor {
            sale_date: last.sale_date.clone(),
            id: last.id,
        }
    });
    Ok(SalesPage { rows, next })
}

pub fn count(db: &Db, f: &SalesFilter) -> Result<i64> {
    let mut args = Vec::new();
    let w = where_clause(f, &mut args);
    Ok(db.conn().query_row(
        &format!("SELECT count(*) FROM sales s WHERE {w}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?)
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SaleDetail {
    pub sale: SaleRow,
    pub sold_at: Option<String>,
    pub supplier_status: String,
    pub customer_document: Option<String>,
    pub customer_email: Option<String>,
    pub products: Vec<Product>,
    pub payments: Vec<Payment>,
    /// The supplier's record as received (JSON text).
    pub raw: String,
    pub first_imported_at: String,
    pub updated_at: String,
}

pub fn detail(db: &Db, id: i64) -> Result<SaleDetail> {
    let c = db.conn();
    let (sold_at, supplier_status, doc, email, raw, first, updated): (
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        String,
        String,
        String,
    ) = c
        .query_row(
            "SELECT sold_at, supplier_status, customer_document, customer_email, raw, first_imported_at, updated_at
             FROM sales WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .optional()?
        .ok_or(CoreError::NotFound)?;
    let sale = one_row(db, id)?;
    let mut products: Vec<Product> = c
        .prepare_cached(
            "SELECT kind, supplier_type, locator, provider, description, start_date, end_date, amount_cents, currency
             FROM sale_products WHERE sale_id = ?1 ORDER BY position",
        )?
        .query_map([id], |r| {
            let kind: String = r.get(0)?;
            Ok(Product {
                kind: ProductKind::parse(&kind),
                supplier_type: r.get(1)?,
                locator: r.get(2)?,
                provider: r.get(3)?,
                description: r.get(4)?,
                start_date: r.get(5)?,
                end_date: r.get(6)?,
                amount_cents: r.get(7)?,
                currency: r.get(8)?,
                passengers: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt =
        c.prepare_cached("SELECT product_position, name, type FROM sale_passengers WHERE sale_id = ?1 ORDER BY id")?;
    let pax = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, Option<i64>>(0)?,
            Passenger {
                name: r.get(1)?,
                ty: r.get(2)?,
            },
        ))
    })?;
    for p in pax {
        let (pos, passenger) = p?;
        if let Some(product) = pos.and_then(|i| products.get_mut(i as usize)) {
            product.passengers.push(passenger);
        }
    }
    let payments = c
        .prepare_cached(
            "SELECT type, amount_cents, currency, confirmed FROM sale_payments WHERE sale_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Payment {
                ty: r.get(0)?,
                amount_cents: r.get(1)?,
                currency: r.get(2)?,
                confirmed: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(SaleDetail {
        sale,
        sold_at,
        supplier_status,
        customer_document: doc,
        customer_email: email,
        products,
        payments,
        raw,
        first_imported_at: first,
        updated_at: updated,
    })
}

fn one_row(db: &Db, id: i64) -> Result<SaleRow> {
    db.conn()
        .query_row(&format!("{ROW_SELECT} WHERE s.id = ?1"), [id], row_from)
        .optional()?
        .ok_or(CoreError::NotFound)
}

const ROW_SELECT: &str = "SELECT s.id, s.integration_id, i.description, s.supplier_sale_id, s.locators, s.sale_date,
        s.status, s.customer_name, s.total_cents, s.currency, s.needs_manual_payment,
        (SELECT group_concat(DISTINCT kind) FROM sale_products p WHERE p.sale_id = s.id)
    FROM sales s JOIN integrations i ON i.id = s.integration_id";

fn row_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<SaleRow> {
    let status: String = r.get(6)?;
    Ok(SaleRow {
        id: r.get(0)?,
        integration_id: r.get(1)?,
        integration: r.get(2)?,
        supplier_sale_id: r.get(3)?,
        locators: r.get(4)?,
        sale_date: r.get(5)?,
        status: SaleStatus::parse(&status),
        customer_name: r.get(7)?,
        total_cents: r.get(8)?,
        currency: r.get(9)?,
        needs_manual_payment: r.get(10)?,
        kinds: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sale() -> SupplierSale {
        SupplierSale {
            supplier_sale_id: "INF-1".into(),
            locators: vec!["INF-1".into()],
            sale_date: "2026-11-25".into(),
            sold_at: None,
            status: SaleStatus::Confirmed,
            supplier_status: "CONFIRMED".into(),
            customer_name: Some("Maria".into()),
            customer_document: None,
            customer_email: None,
            total_cents: 123456,
            currency: "BRL".into(),
            products: vec![],
            payments: vec![],
            needs_manual_payment: false,
            raw: RAW.into(),
            content_hash: record_hash("infotravel-1", "America/Sao_Paulo", RAW),
        }
    }

    /// A record as a supplier sends it (spaces, key order and all).
    const RAW: &str = r#"{"id": "INF-1", "bookingAmount": {"amount": 1234.56}}"#;

    /// The hash is part of the stored data: it must not change with the Rust release, the platform or
    /// this process. These values are XXH3-128 as its specification defines it.
    #[test]
    fn content_hash_is_a_fixed_function_of_the_bytes() {
        // The algorithm itself, on the specification's empty-input vector.
        assert_eq!(
            format!("{:032x}", xxhash_rust::xxh3::xxh3_128(b"")),
            "99aa06d3014798d86001c324468d497f"
        );
        assert_eq!(hash_text("", ""), format!("{:032x}", xxhash_rust::xxh3::xxh3_128(b"|")));
        // The import's hash: `{mapping}|{tz}|{bytes}` (checked against Python's `xxhash` package).
        assert_eq!(sale().content_hash, "r1:71cd9021c671aaa4ed746fae949b666c");
        assert_ne!(
            record_hash("infotravel-1", "Europe/Rome", RAW),
            sale().content_hash,
            "the agency's time zone decides the sale date: it is part of the hash"
        );
        assert_ne!(
            record_hash("infotravel-2", "America/Sao_Paulo", RAW),
            sale().content_hash
        );
        // A fixed input, committed with its hash: `{sale_date}|{raw as stored}`.
        assert_eq!(
            hash_text(
                "2026-11-25",
                r#"{"bookingAmount":{"amount":1234.56,"currency":"BRL"},"id":"INF-1"}"#
            ),
            "206bfed1ef5f370a92ddc12ea07f85e9"
        );
    }

    /// A sale stored by an older Ponte (hash of its date and compact JSON) is unchanged, not "updated",
    /// on its next import, and is then kept with its exact bytes and the new hash; `known` reports it.
    #[test]
    fn a_sale_hashed_the_old_way_is_unchanged_and_upgraded() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = crate::db::Db::open(dir.path()).unwrap();
        let s = sale();
        let compact = serde_json::from_str::<serde_json::Value>(RAW).unwrap().to_string();
        let tx = db.conn_mut().transaction().unwrap();
        tx.execute_batch(
            "INSERT INTO people (id, kind, name, search_text, created_at, updated_at) VALUES (1, 'company', 'BWT', 'bwt', 'x', 'x');
             INSERT INTO integrations (id, type, description, person_id, field_values, created_at, updated_at)
                 VALUES (1, 'infotravel', 'BWT', 1, '{}', 'x', 'x');",
        )
        .unwrap();
        assert_eq!(upsert(&tx, 1, &s).unwrap(), Change::New);
        tx.execute(
            "UPDATE sales SET content_hash = ?1, raw = ?2",
            params![hash_text(&s.sale_date, &compact), compact],
        )
        .unwrap();
        assert_eq!(classify(&tx, 1, &s).unwrap(), Change::Unchanged);
        assert_eq!(upsert(&tx, 1, &s).unwrap(), Change::Unchanged);
        let (hash, raw): (String, String) = tx
            .query_row("SELECT content_hash, raw FROM sales", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((hash.as_str(), raw.as_str()), (s.content_hash.as_str(), RAW));
        let k = known(&tx, 1, &["INF-1", "INF-2"]).unwrap();
        assert_eq!(k.len(), 1);
        assert_eq!(k["INF-1"].content_hash, s.content_hash);
        // Another record under the same id is an update.
        let changed = SupplierSale {
            raw: RAW.replace("1234.56", "1234.57"),
            content_hash: record_hash("infotravel-1", "America/Sao_Paulo", &RAW.replace("1234.56", "1234.57")),
            ..sale()
        };
        assert_eq!(upsert(&tx, 1, &changed).unwrap(), Change::Updated);
    }
}
