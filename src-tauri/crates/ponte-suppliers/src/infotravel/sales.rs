//! Infotravel's sales for the import engine: `GET /booking` by sale date or by locator, a Spring page
//! (`content`, `totalPages`, `totalElements`, `last`; pages from 0), each ApiBooking mapped by
//! [`super::mapping`].

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
pub const MAPPING: &str = "infotravel-1";

/// [`crate::Supplier::sales`]: a client over the integration's form, authenticated on the first page.
pub fn open(form: &Form, limits: Limits) -> Result<Source, SupplierError> {
    Ok(Box::new(Client::new(Credentials::from_form(form)?, limits)))
}

/// A Spring page as Infotravel sends it, its bookings kept as they came (read when mapped). A reply
/// without its `content` list is not a page ("unexpected reply"); unreadable counters count as absent.
#[derive(Deserialize)]
pub struct Envelope {
    content: Vec<Box<RawValue>>,
    #[serde(rename = "totalPages", default, deserialize_with = "json::lenient_u64")]
    total_pages: Option<u64>,
    #[serde(rename = "totalElements", default, deserialize_with = "json::lenient_u64")]
    total_elements: Option<u64>,
    #[serde(default, deserialize_with = "json::lenient_bool")]
    last: Option<bool>,
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
            let path = match q {
                Query::Document(code) => assumed::bookings_by_locator(code, index, size),
                Query::Dates { from, to } => assumed::bookings_by_date(*from, *to, index, size),
            };
            let Map(envelope): Map<Envelope> = self.get_json(&path).await?;
            Ok(page(envelope, index, tz))
        })
    }
}

fn page(e: Envelope, index: u32, tz: Zone) -> Page {
    let total_pages = e.total_pages.map(|n| n.min(u64::from(u32::MAX)) as u32);
    let last = e.last.unwrap_or_else(|| total_pages.is_none_or(|t| index + 1 >= t));
    Page {
        last: last || e.content.is_empty(),
        records: records(e.content, |r| json::record_id(r, "id")),
        total_pages,
        total_records: e.total_elements,
        tz,
        mapping: (MAPPING, mapping::sale),
    }
}

/// One page as Infotravel sends it (`index` 0-based), not mapped yet: the import path from the HTTP
/// reply's bytes on (fuzzed by ponte-fuzz-targets, with the mapping of each record).
pub fn parse_page(body: &[u8], index: u32, tz: Zone) -> Result<Page, SupplierError> {
    parse_with(body, |e: Map<Envelope>| page(e.0, index, tz))
}
