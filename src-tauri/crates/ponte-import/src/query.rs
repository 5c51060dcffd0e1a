//! What the window or the CLI asks to import, checked before anything is fetched.

use chrono::NaiveDate;
use ponte_core::{CoreError, FieldIssue};
use ponte_suppliers::sales_source::Query;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest date range of one run; longer ones are split by the user (or the scheduler).
pub const MAX_RANGE_DAYS: i64 = 366;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "snake_case")]
#[ts(export)]
pub enum ImportQuery {
    /// Reserva, localizador or voucher, exactly as the supplier shows it.
    Document { document: String },
    /// Sale dates `YYYY-MM-DD`, both ends included.
    Dates { from: String, to: String },
}

impl ImportQuery {
    pub fn check(&self) -> Result<Query, CoreError> {
        match self {
            ImportQuery::Document { document } => {
                // Exact as typed, except the spaces a copy-paste adds around it.
                let d = document.trim();
                if d.is_empty() {
                    return Err(CoreError::invalid("document", "error.field.required"));
                }
                if d.chars().any(char::is_whitespace) || d.chars().count() > 100 {
                    return Err(CoreError::invalid("document", "error.import.document_format"));
                }
                Ok(Query::Document(d.to_string()))
            }
            ImportQuery::Dates { from, to } => {
                let parse = |s: &str, field: &str| {
                    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                        .map_err(|_| FieldIssue::new(field, "error.import.date_format"))
                };
                let (f, t) = (parse(from, "from"), parse(to, "to"));
                let (f, t) = match (f, t) {
                    (Ok(f), Ok(t)) => (f, t),
                    (f, t) => return Err(CoreError::Invalid(f.err().into_iter().chain(t.err()).collect())),
                };
                if t < f {
                    return Err(CoreError::invalid("to", "error.import.date_order"));
                }
                if (t - f).num_days() >= MAX_RANGE_DAYS {
                    return Err(CoreError::Invalid(vec![FieldIssue::new(
                        "to",
                        "error.import.range_too_long",
                    )
                    .with("days", MAX_RANGE_DAYS)]));
                }
                Ok(Query::Dates { from: f, to: t })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks() {
        let doc = |d: &str| ImportQuery::Document { document: d.into() }.check();
        assert_eq!(doc(" AbC123 ").unwrap(), Query::Document("AbC123".into()));
        assert!(doc("").is_err());
        assert!(doc("ABC 123").is_err());
        let dates = |f: &str, t: &str| {
            ImportQuery::Dates {
                from: f.into(),
                to: t.into(),
            }
            .check()
        };
        assert!(dates("2026-11-01", "2026-11-30").is_ok());
        assert!(dates("2026-11-30", "2026-11-01").is_err());
        assert!(dates("01/11/2026", "2026-11-30").is_err());
        assert!(dates("2024-01-01", "2026-01-01").is_err());
    }
}
