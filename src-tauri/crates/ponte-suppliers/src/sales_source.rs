//! Sales, one page at a time, from any supplier that has them (Infotravel, Wooba): the import engine
//! streams these pages and never holds more than one in memory.

use chrono::NaiveDate;
use chrono_tz::Tz;
use ponte_core::sales::SupplierSale;
use serde_json::Value;

use crate::json;
use crate::{infotravel, wooba, SupplierError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Reserva, localizador or voucher, exactly as typed (case-sensitive).
    Document(String),
    /// Sale dates, both ends inclusive, in the agency's time zone.
    Dates { from: NaiveDate, to: NaiveDate },
}

/// A record that could not be read: its id when known, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    pub supplier_sale_id: Option<String>,
    pub detail: String,
}

pub struct Page {
    pub sales: Vec<Result<SupplierSale, BadRecord>>,
    /// Total pages when the supplier says it.
    pub total_pages: Option<u32>,
    pub total_records: Option<u64>,
    pub last: bool,
}

pub enum Source {
    Infotravel(infotravel::Client),
    Wooba(wooba::Client),
}

pub const PAGE_SIZE: u32 = 500;

fn records(
    list: &[Value],
    tz: Tz,
    map: fn(&Value, Tz) -> Result<SupplierSale, String>,
    id_key: &str,
) -> Vec<Result<SupplierSale, BadRecord>> {
    list.iter()
        .map(|v| {
            map(v, tz).map_err(|detail| BadRecord {
                supplier_sale_id: json::id_text(v, id_key).ok(),
                detail,
            })
        })
        .collect()
}

fn shape_error(v: &Value) -> SupplierError {
    SupplierError::Unexpected {
        status: 200,
        excerpt: crate::http::excerpt(v.to_string().as_bytes(), &[]),
    }
}

impl Source {
    /// Page `index` (0-based, whatever the supplier's own numbering).
    pub async fn page(&mut self, q: &Query, index: u32, size: u32, tz: Tz) -> Result<Page, SupplierError> {
        match self {
            Source::Infotravel(c) => {
                let path = match q {
                    Query::Document(code) => infotravel::assumed::bookings_by_locator(code, index, size),
                    Query::Dates { from, to } => infotravel::assumed::bookings_by_date(*from, *to, index, size),
                };
                let v: Value = c.get_json(&path).await?;
                let content = v
                    .get("content")
                    .and_then(Value::as_array)
                    .ok_or_else(|| shape_error(&v))?;
                let total_pages = v.get("totalPages").and_then(Value::as_u64).map(|n| n as u32);
                let last = v
                    .get("last")
                    .and_then(Value::as_bool)
                    .unwrap_or_else(|| total_pages.is_none_or(|t| index + 1 >= t));
                Ok(Page {
                    sales: records(content, tz, infotravel::mapping::sale, "id"),
                    total_pages,
                    total_records: v.get("totalElements").and_then(Value::as_u64),
                    last: last || content.is_empty(),
                })
            }
            Source::Wooba(c) => {
                let body = match q {
                    Query::Document(code) => wooba::assumed::list_body(None, None, Some(code), index + 1, size),
                    Query::Dates { from, to } => {
                        wooba::assumed::list_body(Some(*from), Some(*to), None, index + 1, size)
                    }
                };
                let v: Value = c.post(wooba::assumed::LIST_PATH, body).await?;
                let list = v
                    .get("Sales")
                    .and_then(Value::as_array)
                    .ok_or_else(|| shape_error(&v))?;
                let total_pages = v.get("TotalPages").and_then(Value::as_u64).map(|n| n as u32);
                Ok(Page {
                    sales: records(list, tz, wooba::mapping::sale, "SaleId"),
                    total_pages,
                    total_records: None,
                    last: list.is_empty() || total_pages.is_none_or(|t| index + 1 >= t),
                })
            }
        }
    }
}
