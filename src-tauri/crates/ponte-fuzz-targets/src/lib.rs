//! Ponte's fuzz targets, on stable Rust. Each `pub fn <target>(data: &[u8])` feeds the bytes to the real
//! code (the very functions the app calls) and **panics when a property is violated**: libFuzzer (the
//! cargo-fuzz crate in `src-tauri/fuzz/`, whose targets are one call each into this crate) reports a panic
//! as a crash, and `tests/corpus.rs` replays every committed corpus file and fixed crash through the same
//! functions in the normal test run. Every target bounds its input, so none can hang. docs/FUZZING.md
//! lists the targets and their properties.

use chrono::NaiveDate;
use ponte_core::sales::SupplierSale;
use ponte_core::zone::Zone;
use ponte_suppliers::sales_source::Page;
use serde_json::Value;

mod text;

pub use text::{csv_cells, documents, mask, token_clean, url_rules, wooba_date};

/// A fuzz target: panics when the code under test breaks one of its properties.
pub type Target = fn(&[u8]);

/// Every target, by the name of its `src-tauri/fuzz/fuzz_targets/<name>.rs` and `corpus/<name>/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("infotravel_page", infotravel_page),
    ("wooba_page", wooba_page),
    ("wooba_date", wooba_date),
    ("documents", documents),
    ("token_clean", token_clean),
    ("url_rules", url_rules),
    ("csv_cells", csv_cells),
    ("mask", mask),
];

/// Larger inputs are ignored: a page of a few bookings is a few KiB, and the bound keeps every run short.
pub const MAX_PAGE_BYTES: usize = 128 * 1024;

/// Time zones the pages are mapped in (picked by the input's length, so a corpus file always replays the
/// same way): the agencies' own, UTC, and the two extremes of the offsets a date can be shifted by.
const ZONES: [&str; 4] = ["America/Sao_Paulo", "UTC", "Pacific/Kiritimati", "Etc/GMT+12"];

fn zone(data: &[u8]) -> Zone {
    Zone::named(ZONES[data.len() % ZONES.len()]).expect("the built-in time zone database has these")
}

/// An Infotravel `GET /booking` reply (a Spring page of ApiBookings) through the import's parser and
/// mapping ([`ponte_suppliers::infotravel::sales::parse_page`]).
pub fn infotravel_page(data: &[u8]) {
    let Some(v) = page_json(data) else { return };
    let parse = |bytes: &[u8]| ponte_suppliers::infotravel::sales::parse_page(bytes, 0, zone(data));
    let mapping = ponte_suppliers::infotravel::sales::MAPPING;
    let Some(sales) = check_page(data, &v, "content", "id", mapping, parse) else {
        return;
    };
    for (sale, record) in ok_sales(&sales, &v["content"]) {
        // The booking's locators, once each, the booking id first.
        for (i, l) in sale.locators.iter().enumerate() {
            assert!(
                !sale.locators[..i].contains(l),
                "locator {l:?} listed twice: {:?}",
                sale.locators
            );
        }
        assert_eq!(
            sale.sold_at.as_deref(),
            record["createdAt"].as_str(),
            "sold_at is createdAt"
        );
        let lists: usize = ponte_suppliers::infotravel::mapping::PRODUCT_LISTS
            .iter()
            .map(|(list, _)| record.get(*list).and_then(Value::as_array).map_or(0, Vec::len))
            .sum();
        assert_eq!(sale.products.len(), lists, "one product per item of every product list");
        let payments = record.get("payments").and_then(Value::as_array).map_or(0, Vec::len);
        check_payments(sale, payments);
    }
}

/// A Wooba `sales/list` reply through the import's parser and mapping
/// ([`ponte_suppliers::wooba::sales::parse_page`]).
pub fn wooba_page(data: &[u8]) {
    let Some(v) = page_json(data) else { return };
    let parse = |bytes: &[u8]| ponte_suppliers::wooba::sales::parse_page(bytes, 0, zone(data));
    let mapping = ponte_suppliers::wooba::sales::MAPPING;
    let Some(sales) = check_page(data, &v, "Sales", "SaleId", mapping, parse) else {
        return;
    };
    for (sale, record) in ok_sales(&sales, &v["Sales"]) {
        let products = record.get("Products").and_then(Value::as_array).map_or(0, Vec::len);
        assert_eq!(sale.products.len(), products, "one product per item of Products");
        // The total is the exact sum of the products (no overflow, no wrap-around).
        let sum: i128 = sale
            .products
            .iter()
            .filter_map(|p| p.amount_cents)
            .map(i128::from)
            .sum();
        assert_eq!(
            i128::from(sale.total_cents),
            sum,
            "total_cents is the sum of the products"
        );
        for p in &sale.products {
            for d in [&p.start_date, &p.end_date].into_iter().flatten() {
                assert_day(d, "product date");
            }
        }
        let sold = sale.sold_at.as_deref().expect("a Wooba sale has its sale time");
        chrono::DateTime::parse_from_rfc3339(sold).unwrap_or_else(|e| panic!("sold_at {sold:?}: {e}"));
        let payments = record.get("Payments").and_then(Value::as_array).map_or(0, Vec::len);
        check_payments(sale, payments);
    }
}

fn page_json(data: &[u8]) -> Option<Value> {
    if data.len() > MAX_PAGE_BYTES {
        return None;
    }
    // Exactly what the clients do with a reply's body.
    serde_json::from_slice(data).ok()
}

/// What holds for every supplier's page: a reply without the list is an "unexpected reply" error (never a
/// panic), one record per item of the list, each with the id the mapping reads, a record that cannot be
/// read keeps its id and says why, and a sale that can be read is a whole one, with the supplier's exact
/// bytes and the hash the import compares.
fn check_page(
    data: &[u8],
    v: &Value,
    list_key: &str,
    id_key: &str,
    mapping: &str,
    parse: impl Fn(&[u8]) -> Result<Page, ponte_suppliers::SupplierError>,
) -> Option<Vec<Sale>> {
    let list = v.get(list_key).and_then(Value::as_array);
    let page = match (parse(data), list) {
        (Err(e), None) => {
            assert!(
                matches!(e, ponte_suppliers::SupplierError::Unexpected { .. }),
                "a reply without {list_key} is an unexpected reply, not {e:?}"
            );
            return None;
        }
        (Err(e), Some(_)) => {
            // Only a key sent twice at the top (which a JSON value keeps once) may fail a page with the
            // list: the same reply without it is read.
            assert!(
                matches!(e, ponte_suppliers::SupplierError::Unexpected { .. }),
                "a page failed with {e:?}"
            );
            assert!(
                parse(v.to_string().as_bytes()).is_ok(),
                "a reply with a {list_key} list failed as a whole: {e:?}"
            );
            return None;
        }
        (Ok(_), None) => panic!("a reply without a {list_key} list was accepted"),
        (Ok(page), Some(_)) => page,
    };
    let list = list.expect("checked above");
    assert_eq!(page.records.len(), list.len(), "one record per item of the list");
    if list.is_empty() {
        assert!(page.last, "an empty page is the last one");
    }
    for (rec, record) in page.records.iter().zip(list) {
        let id = ponte_suppliers::json::id_text(record, id_key).ok();
        assert_eq!(rec.id, id, "the id read without mapping is the mapping's");
    }
    let tz = page.tz;
    let sales = page.into_sales();
    let text = std::str::from_utf8(data).expect("a page that parses is UTF-8");
    for (result, record) in sales.iter().zip(list) {
        match result {
            Ok(sale) => {
                check_sale(sale, record, id_key);
                assert!(text.contains(&sale.raw), "the raw record is the supplier's exact bytes");
                assert_eq!(
                    ponte_core::sales::record_hash(mapping, tz.name(), &sale.raw),
                    sale.content_hash,
                    "the content hash is the one re-computed from the stored record"
                );
            }
            Err(bad) => {
                assert!(!bad.detail.trim().is_empty(), "an unreadable record says why");
                let id = ponte_suppliers::json::id_text(record, id_key).ok();
                assert_eq!(bad.supplier_sale_id, id, "an unreadable record keeps its id");
            }
        }
    }
    Some(sales)
}

type Sale = Result<SupplierSale, ponte_suppliers::sales_source::BadRecord>;

fn ok_sales<'a>(sales: &'a [Sale], list: &'a Value) -> impl Iterator<Item = (&'a SupplierSale, &'a Value)> {
    let list = list.as_array().map(Vec::as_slice).unwrap_or(&[]);
    sales
        .iter()
        .zip(list)
        .filter_map(|(r, v)| r.as_ref().ok().map(|s| (s, v)))
}

fn check_sale(sale: &SupplierSale, record: &Value, id_key: &str) {
    let id = ponte_suppliers::json::id_text(record, id_key).expect("a sale that maps has an id");
    assert_eq!(sale.supplier_sale_id, id, "the sale's id is the record's");
    assert!(!sale.supplier_sale_id.trim().is_empty(), "a sale has an id");
    assert_eq!(
        sale.locators.first(),
        Some(&sale.supplier_sale_id),
        "the id is the first locator"
    );
    assert_day(&sale.sale_date, "sale_date");
    let raw: Value = serde_json::from_str(&sale.raw).expect("the raw record is JSON");
    assert_eq!(&raw, record, "the raw record is the one received");
    // Everything else survives a JSON round trip too.
    let json = serde_json::to_string(sale).expect("a sale serializes");
    let back: SupplierSale = serde_json::from_str(&json).expect("a stored sale reads back");
    assert_eq!(&back, sale, "a sale survives its JSON round trip");
}

/// Payments made straight to the agency are not imported but flag the sale; every other one is kept.
fn check_payments(sale: &SupplierSale, received: usize) {
    if sale.needs_manual_payment {
        assert!(
            sale.payments.len() < received,
            "a direct payment was dropped, so fewer were kept"
        );
    } else {
        assert_eq!(sale.payments.len(), received, "every payment is kept");
    }
}

/// A day as the sales list stores, sorts and filters it: exactly `YYYY-MM-DD`.
fn assert_day(d: &str, what: &str) {
    let canonical =
        d.len() == 10 && NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|x| x.format("%Y-%m-%d").to_string() == d);
    assert!(canonical, "{what} {d:?} is not a YYYY-MM-DD day");
}
