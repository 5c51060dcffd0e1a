//! Infotravel's sales for the import engine: `GET /booking` by sale date or by locator, a Spring page
//! (`content`, `totalPages`, `totalElements`, `last`; pages from 0), each ApiBooking mapped by
//! [`super::mapping`].

use chrono_tz::Tz;
use serde_json::Value;

use super::{assumed, mapping, Client, Credentials};
use crate::http::Limits;
use crate::sales_source::{masked, records, shape_error, Page, Query, SalesPages, Source};
use crate::supplier::{BoxFuture, Form};
use crate::SupplierError;

/// [`crate::Supplier::sales`]: a client over the integration's form, authenticated on the first page.
pub fn open(form: &Form, limits: Limits) -> Result<Source, SupplierError> {
    Ok(Box::new(Client::new(Credentials::from_form(form)?, limits)))
}

impl SalesPages for Client {
    fn page<'a>(
        &'a mut self,
        q: &'a Query,
        index: u32,
        size: u32,
        tz: Tz,
    ) -> BoxFuture<'a, Result<Page, SupplierError>> {
        Box::pin(async move {
            let path = match q {
                Query::Document(code) => assumed::bookings_by_locator(code, index, size),
                Query::Dates { from, to } => assumed::bookings_by_date(*from, *to, index, size),
            };
            let v: Value = self.get_json(&path).await?;
            parse_page(&v, index, tz).map_err(|e| masked(e, &v, &self.secrets()))
        })
    }
}

/// One page as Infotravel sends it (`index` 0-based), its bookings mapped: the whole import path after
/// the HTTP reply was parsed as JSON (fuzzed by ponte-fuzz-targets).
pub fn parse_page(v: &Value, index: u32, tz: Tz) -> Result<Page, SupplierError> {
    let content = v
        .get("content")
        .and_then(Value::as_array)
        .ok_or_else(|| shape_error(v))?;
    let total_pages = v.get("totalPages").and_then(Value::as_u64).map(|n| n as u32);
    let last = v
        .get("last")
        .and_then(Value::as_bool)
        .unwrap_or_else(|| total_pages.is_none_or(|t| index + 1 >= t));
    Ok(Page {
        sales: records(content, tz, mapping::sale, "id"),
        total_pages,
        total_records: v.get("totalElements").and_then(Value::as_u64),
        last: last || content.is_empty(),
    })
}
