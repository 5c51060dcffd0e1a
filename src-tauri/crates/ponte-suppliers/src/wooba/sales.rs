//! Wooba's sales for the import engine: `sales/list` by sale date or by locator (pages from 1, so the
//! engine's page `index` is sent as `index + 1`), each Sale mapped by [`super::mapping`].

use chrono_tz::Tz;
use serde_json::Value;

use super::{assumed, mapping, Client, Credentials};
use crate::http::Limits;
use crate::sales_source::{masked, records, shape_error, Page, Query, SalesPages, Source};
use crate::supplier::{BoxFuture, Form};
use crate::SupplierError;

/// [`crate::Supplier::sales`]: a client over the integration's form and the vendor settings.
pub fn open(form: &Form, limits: Limits) -> Result<Source, SupplierError> {
    Ok(Box::new(Client::new(Credentials::from_form(form)?, limits)?))
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
            let body = match q {
                Query::Document(code) => assumed::list_body(None, None, Some(code), index + 1, size),
                Query::Dates { from, to } => assumed::list_body(Some(*from), Some(*to), None, index + 1, size),
            };
            let v: Value = self.post(assumed::LIST_PATH, body).await?;
            parse_page(&v, index, tz).map_err(|e| masked(e, &v, &self.secrets()))
        })
    }
}

/// One `sales/list` reply (`index` 0-based, sent as `index + 1`), its sales mapped: the whole import path
/// after the HTTP reply was parsed as JSON (fuzzed by ponte-fuzz-targets).
pub fn parse_page(v: &Value, index: u32, tz: Tz) -> Result<Page, SupplierError> {
    let list = v.get("Sales").and_then(Value::as_array).ok_or_else(|| shape_error(v))?;
    let total_pages = v.get("TotalPages").and_then(Value::as_u64).map(|n| n as u32);
    Ok(Page {
        sales: records(list, tz, mapping::sale, "SaleId"),
        total_pages,
        total_records: None,
        last: list.is_empty() || total_pages.is_none_or(|t| index + 1 >= t),
    })
}
