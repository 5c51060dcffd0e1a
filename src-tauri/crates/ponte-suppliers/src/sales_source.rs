//! Sales, one page at a time, from any supplier that has them (its [`crate::Supplier::sales`] opens a
//! [`Source`]): the import engine streams these pages and never holds more than one in memory.

use chrono::NaiveDate;
use ponte_core::sales::SupplierSale;
use ponte_core::zone::Zone;
use serde_json::value::RawValue;
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

/// One record of a page as the supplier sent it: its exact JSON text, and its id when it has one (read
/// without mapping the rest, so an unchanged sale can be skipped unread).
#[derive(Debug)]
pub struct Record {
    pub id: Option<String>,
    pub json: Box<RawValue>,
}

/// A supplier's mapping of one record (its JSON text) to a sale; an error says which field was wrong.
pub type Mapping = fn(&RawValue, Zone) -> Result<SupplierSale, json::Malformed>;

/// One page of sales, not mapped yet: the import decides which records are worth mapping.
pub struct Page {
    pub records: Vec<Record>,
    /// Total pages when the supplier says it.
    pub total_pages: Option<u32>,
    pub total_records: Option<u64>,
    pub last: bool,
    /// The agency's time zone (sale dates are days there).
    pub tz: Zone,
    /// The supplier's mapping and its version (part of every record's hash: a new mapping re-maps).
    pub mapping: (&'static str, Mapping),
}

impl Page {
    /// The hash the stored sale must have for `rec` to be unchanged ([`ponte_core::sales::record_hash`]).
    pub fn hash(&self, rec: &Record) -> String {
        ponte_core::sales::record_hash(self.mapping.0, self.tz.name(), rec.json.get())
    }

    /// Maps one record: a sale that keeps the record's exact bytes and its hash, or, for a record that
    /// cannot be read, a [`BadRecord`] with its id and why.
    pub fn map(&self, rec: Record) -> Result<SupplierSale, BadRecord> {
        let hash = self.hash(&rec);
        match (self.mapping.1)(&rec.json, self.tz) {
            Ok(mut sale) => {
                sale.raw = String::from(Box::<str>::from(rec.json));
                sale.content_hash = hash;
                Ok(sale)
            }
            Err(detail) => Err(BadRecord {
                supplier_sale_id: rec.id,
                detail,
            }),
        }
    }

    /// Every record mapped, in order (previews, tests).
    pub fn into_sales(mut self) -> Vec<Result<SupplierSale, BadRecord>> {
        let records = std::mem::take(&mut self.records);
        records.into_iter().map(|r| self.map(r)).collect()
    }
}

/// An open session with a supplier's sales: its client, authenticated on first use.
pub trait SalesPages: Send {
    /// Page `index` (0-based, whatever the supplier's own numbering) of the sales `q` asks for.
    fn page<'a>(
        &'a mut self,
        q: &'a Query,
        index: u32,
        size: u32,
        tz: Zone,
    ) -> BoxFuture<'a, Result<Page, SupplierError>>;
}

/// What [`crate::Supplier::sales`] opens and the import engine pages through.
pub type Source = Box<dyn SalesPages>;

pub const PAGE_SIZE: u32 = 500;

/// A page's records with their ids: `id` reads a record's id without reading the rest (`None` when it
/// has none, or the record is not an object).
pub(crate) fn records(list: Vec<Box<RawValue>>, id: fn(&RawValue) -> Option<String>) -> Vec<Record> {
    list.into_iter().map(|json| Record { id: id(&json), json }).collect()
}

/// A reply's bytes read as a supplier's page envelope `E` and made a [`Page`] by `page`; a reply that is
/// not that envelope is a [`shape_error`] (what the fuzzers and tests call; a client reads its replies
/// through its own request, which masks its secrets in the excerpt).
pub(crate) fn parse_with<E: serde::de::DeserializeOwned>(
    body: &[u8],
    page: impl FnOnce(E) -> Page,
) -> Result<Page, SupplierError> {
    serde_json::from_slice::<E>(body)
        .map(page)
        .map_err(|_| shape_error(body, &[]))
}

/// A reply that is not the page it should be (no list of sales): "unexpected reply", with the start of
/// the body, `secrets` masked before it is cut ([`crate::mask::excerpt`]).
pub(crate) fn shape_error(body: &[u8], secrets: &[&str]) -> SupplierError {
    SupplierError::Unexpected {
        status: 200,
        excerpt: crate::mask::excerpt(body, secrets),
    }
}

/// [`shape_error`] for a reply already parsed (the connection tests read small replies as values).
pub(crate) fn shape_error_of(v: &Value, secrets: &[&str]) -> SupplierError {
    shape_error(&json_start(v), secrets)
}

/// The first bytes of `v` as JSON (one more than an excerpt reads, so it knows it was cut), without
/// writing out a reply of many megabytes.
fn json_start(v: &Value) -> Vec<u8> {
    struct Bounded(Vec<u8>);
    impl std::io::Write for Bounded {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let room = (crate::mask::EXCERPT_SCAN_BYTES + 1).saturating_sub(self.0.len());
            if room == 0 {
                return Err(std::io::Error::other("enough"));
            }
            let n = buf.len().min(room);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = Bounded(Vec::new());
    let _ = serde_json::to_writer(&mut w, v);
    w.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_error_masks_the_secrets_escaped_or_not() {
        let secret = "Senha-Conceição#2026";
        let v = serde_json::json!({ "echo": format!("{{\"password\":\"{secret}\"}}"), "raw": secret });
        for e in [
            shape_error_of(&v, &[secret]),
            shape_error(v.to_string().as_bytes(), &[secret]),
        ] {
            let SupplierError::Unexpected { excerpt, .. } = &e else {
                panic!("{e:?}")
            };
            assert!(!crate::mask::reveals(excerpt, &[secret]), "{excerpt}");
            assert!(excerpt.contains("•••"), "{excerpt}");
        }
        // Huge replies are not written out whole.
        let big = Value::Array(vec![Value::String("x".repeat(1000)); 10_000]);
        assert_eq!(json_start(&big).len(), crate::mask::EXCERPT_SCAN_BYTES + 1);
    }
}
