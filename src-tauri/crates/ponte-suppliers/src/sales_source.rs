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

/// A reply without the list where the supplier puts its sales. The excerpt masks nothing (no secret
/// is at hand here): a client re-makes it with its secrets through [`masked`] before the error leaves it.
pub(crate) fn shape_error(v: &Value) -> SupplierError {
    shape_error_masked(v, &[])
}

/// [`shape_error`] with `secrets` masked in the excerpt (before it is cut: [`crate::mask::excerpt`]).
pub(crate) fn shape_error_masked(v: &Value, secrets: &[&str]) -> SupplierError {
    SupplierError::Unexpected {
        status: 200,
        excerpt: crate::mask::excerpt(&json_start(v), secrets),
    }
}

/// A page's error as it may leave the client: a shape error is made again from the reply `v` with the
/// client's secrets masked; any other error passes.
pub(crate) fn masked(e: SupplierError, v: &Value, secrets: &[&str]) -> SupplierError {
    match e {
        SupplierError::Unexpected { status: 200, .. } => shape_error_masked(v, secrets),
        e => e,
    }
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
        let e = masked(shape_error(&v), &v, &[secret]);
        let SupplierError::Unexpected { excerpt, .. } = &e else {
            panic!("{e:?}")
        };
        assert!(!crate::mask::reveals(excerpt, &[secret]), "{excerpt}");
        assert!(excerpt.contains("•••"), "{excerpt}");
        // Huge replies are not written out whole.
        let big = Value::Array(vec![Value::String("x".repeat(1000)); 10_000]);
        assert_eq!(json_start(&big).len(), crate::mask::EXCERPT_SCAN_BYTES + 1);
        // Other errors pass unchanged.
        assert_eq!(
            masked(SupplierError::InvalidCredentials, &v, &[secret]),
            SupplierError::InvalidCredentials
        );
    }
}
