//! Wooba API Sales details no public source shows (docs/PROTOCOLS.md#assumed-for-wooba). Correct them
//! here, and only here, when Wooba hands over its specification.

use chrono::NaiveDate;
use serde_json::{json, Value};

pub const LIST_PATH: &str = "sales/list";
pub const DETAILS_PATH: &str = "sales/details";

pub const CODE_INVALID_CREDENTIALS: &str = "CredencialInvalida";
pub const CODE_IP_NOT_ALLOWED: &str = "IpNaoAutorizado";
pub const CODE_ACCESS_CODE: &str = "AccessCodeInvalido";

/// Payment type of a sale paid straight to the agency: not imported, the sale is flagged.
pub const AGENCY_DIRECT_PAYMENT: &str = "DiretoAgencia";

/// Body of `sales/list` (pages from 1; `Locator` exact and case-sensitive; dates null when it is set).
pub fn list_body(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    locator: Option<&str>,
    page: u32,
    size: u32,
) -> Value {
    let d = |x: Option<NaiveDate>| x.map(|d| d.format("%Y-%m-%d").to_string());
    json!({
        "Filter": {"SaleDateStart": d(start), "SaleDateEnd": d(end), "Locator": locator},
        "Page": page,
        "PageSize": size,
    })
}
