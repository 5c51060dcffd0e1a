//! Infotravel details no public source shows (docs/PROTOCOLS.md#assumed-for-infotravel). Correct them
//! here, and only here, when the supplier hands over its specification.

/// Error code of a 403 when the supplier has not released API access for the agency.
pub const API_ACCESS_DENIED: &str = "API_ACCESS_DENIED";

/// Largest page `GET /booking` accepts.
pub const MAX_PAGE_SIZE: u32 = 500;

/// `GET /booking?startDate=…&endDate=…&page=…&size=…` (sale date range, both ends inclusive, pages from 0).
pub fn bookings_by_date(start: chrono::NaiveDate, end: chrono::NaiveDate, page: u32, size: u32) -> String {
    format!(
        "/booking?startDate={}&endDate={}&page={page}&size={}",
        start.format("%Y-%m-%d"),
        end.format("%Y-%m-%d"),
        size.min(MAX_PAGE_SIZE)
    )
}

/// `GET /booking?locator=CODE&page=…&size=…` — exact, case-sensitive match on id, locator or voucher.
pub fn bookings_by_locator(code: &str, page: u32, size: u32) -> String {
    let encoded: String = url::form_urlencoded::byte_serialize(code.as_bytes()).collect();
    format!(
        "/booking?locator={encoded}&page={page}&size={}",
        size.min(MAX_PAGE_SIZE)
    )
}

/// Payment type of a sale the client paid straight to the agency: not imported, the sale is flagged.
pub const AGENCY_DIRECT_PAYMENT: &str = "AGENCY_DIRECT";
