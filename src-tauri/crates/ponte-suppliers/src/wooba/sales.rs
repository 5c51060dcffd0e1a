//! Wooba's sales for the import engine: `sales/list` by sale date or by locator (pages from 1, so the
//! engine's page `index` is sent as `index + 1`), each Sale mapped by [`super::mapping`].

use ponte_core::zone::Zone;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{assumed, mapping, Client, Credentials};
use crate::http::Limits;
use crate::json::{self, Map};
use crate::sales_source::{parse_with, records, Page, Query, SalesPages, Source};
use crate::supplier::{BoxFuture, Form};
use crate::SupplierError;

/// Version of [`mapping::sale`]: raise it when the mapping changes what it stores, so every stored
/// sale is mapped again on its next import (it is part of each record's hash).
pub const MAPPING: &str = "wooba-1";

/// [`crate::Supplier::sales`]: a client over the integration's form and the vendor settings.
pub fn open(form: &Form, limits: Limits) -> Result<Source, SupplierError> {
    Ok(Box::new(Client::new(Credentials::from_form(form)?, limits)?))
}

/// A `sales/list` reply, its sales kept as they came (read when mapped). A reply without its `Sales`
/// list is not a page ("unexpected reply"); an unreadable `TotalPages` counts as absent.
#[derive(Deserialize)]
pub struct Envelope {
    #[serde(rename = "Sales")]
    sales: Vec<Box<RawValue>>,
    #[serde(rename = "TotalPages", default, deserialize_with = "json::lenient_u64")]
    total_pages: Option<u64>,
}

impl SalesPages for Client {
    fn page<'a>(
        &'a mut self,
        q: &'a Query,
        index: u32,
        size: u32,
        tz: Zone,
    ) -> BoxFuture<'a, Result<Page, SupplierError>> {
        Box::pin(async move {
            let body = match q {
                Query::Document(code) => assumed::list_body(None, None, Some(code), index + 1, size),
                Query::Dates { from, to } => assumed::list_body(Some(*from), Some(*to), None, index + 1, size),
            };
            let Map(envelope): Map<Envelope> = self.post(assumed::LIST_PATH, body).await?;
            Ok(page(envelope, index, tz))
        })
    }
}

fn page(e: Envelope, index: u32, tz: Zone) -> Page {
    let total_pages = e.total_pages.map(|n| n.min(u64::from(u32::MAX)) as u32);
    Page {
        last: e.sales.is_empty() || total_pages.is_none_or(|t| index + 1 >= t),
        records: records(e.sales, |r| json::record_id(r, "SaleId")),
        total_pages,
        total_records: None,
        tz,
        mapping: (MAPPING, mapping::sale),
    }
}

/// One `sales/list` reply (`index` 0-based, sent as `index + 1`), not mapped yet: the import path from
/// the HTTP reply's bytes on (fuzzed by ponte-fuzz-targets, with the mapping of each record).
pub fn parse_page(body: &[u8], index: u32, tz: Zone) -> Result<Page, SupplierError> {
    parse_with(body, |e: Map<Envelope>| page(e.0, index, tz))
}
