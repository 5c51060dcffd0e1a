//! Sales, one page at a time, from any supplier that has them (its [`crate::Supplier::sales`] opens a
//! [`Source`]): the import engine streams these pages and never holds more than one in memory.

use chrono::NaiveDate;
use chrono_tz::Tz;
use ponte_core::sales::SupplierSale;
use serde_json::Value;

use crate::json;
use crate::supplier::BoxFuture;
use crate::SupplierError;

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

/// An open session with a supplier's sales: its client, authenticated on first use.
pub trait SalesPages: Send {
    /// Page `index` (0-based, whatever the supplier's own numbering) of the sales `q` asks for.
    fn page<'a>(
        &'a mut self,
        q: &'a Query,
        index: u32,
        size: u32,
        tz: Tz,
    ) -> BoxFuture<'a, Result<Page, SupplierError>>;
}

/// What [`crate::Supplier::sales`] opens and the import engine pages through.
pub type Source = Box<dyn SalesPages>;

pub const PAGE_SIZE: u32 = 500;

/// Maps a page's records one by one: a record that cannot be read is kept as a [`BadRecord`] (with its
/// id, read from `id_key`) and never fails the page.
pub(crate) fn records(
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

/// A reply without the list where the supplier puts its sales.
pub(crate) fn shape_error(v: &Value) -> SupplierError {
    SupplierError::Unexpected {
        status: 200,
        excerpt: crate::http::excerpt(v.to_string().as_bytes(), &[]),
    }
}
