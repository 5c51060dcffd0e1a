//! Início: what needs the user today, in one read. Every number is an SQL aggregate over an indexed
//! column (sales by `sales_date`, flagged sales by the partial `sales_flagged` index, the last run of each
//! integration by `import_runs_integration`), so the screen stays instant with a million sales.

use chrono::{Duration, NaiveDate};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use crate::db::Db;
use crate::error::Result;
use crate::expiries::{self, Expiry};

/// How far ahead the timeline looks.
pub const HORIZON_DAYS: i64 = 90;
/// Days in the sales chart.
pub const CHART_DAYS: i64 = 30;
/// At most this many expiries on the timeline (the rest are in Lembretes).
const MAX_EXPIRING: usize = 12;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct HomeSummary {
    /// For the first-run state: nothing registered yet.
    #[ts(type = "number")]
    pub people: i64,
    #[ts(type = "number")]
    pub integrations: i64,
    /// Credentials expiring within [`HORIZON_DAYS`] (expired ones too), soonest first.
    pub expiring: Vec<Expiry>,
    #[ts(type = "number")]
    pub expiring_more: i64,
    /// Enabled integrations whose last connection test or last import failed.
    pub failing: Vec<Failing>,
    /// Sales per sale day, the last [`CHART_DAYS`] days up to today, every day present (0 when none).
    pub sales_per_day: Vec<DayCount>,
    /// Each integration's last import.
    pub last_imports: Vec<LastImport>,
    /// Sales waiting for a payment to be entered by hand.
    #[ts(type = "number")]
    pub manual_payments: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Failing {
    #[ts(type = "number")]
    pub integration_id: i64,
    pub description: String,
    /// The failed connection test's error code, if the last test failed.
    pub test_code: Option<String>,
    pub test_at: Option<String>,
    /// The failed (or interrupted) last import's error code and end, if it failed.
    pub import_code: Option<String>,
    pub import_outcome: Option<String>,
    pub import_at: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DayCount {
    pub day: String,
    #[ts(type = "number")]
    pub sales: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LastImport {
    #[ts(type = "number")]
    pub integration_id: i64,
    pub description: String,
    pub started_at: String,
    pub outcome: String,
    #[ts(type = "number")]
    pub new_sales: i64,
}

pub fn summary(db: &Db, today: NaiveDate) -> Result<HomeSummary> {
    let c = db.conn();
    let count = |sql: &str| -> Result<i64> { Ok(c.query_row(sql, [], |r| r.get(0))?) };
    let people = count("SELECT count(*) FROM people")?;
    let integrations = count("SELECT count(*) FROM integrations")?;
    let manual_payments = count("SELECT count(*) FROM sales WHERE needs_manual_payment = 1")?;

    let soon: Vec<Expiry> = expiries::list(db)?
        .into_iter()
        .filter(|e| e.days_left <= HORIZON_DAYS)
        .collect();
    let expiring_more = soon.len().saturating_sub(MAX_EXPIRING) as i64;
    let expiring = soon.into_iter().take(MAX_EXPIRING).collect();

    // The last real (not preview) run of each integration, through its (integration_id, id DESC) index.
    const LAST_RUN: &str =
        "(SELECT id FROM import_runs WHERE integration_id = i.id AND dry_run = 0 ORDER BY id DESC LIMIT 1)";
    let mut st = c.prepare(&format!(
        "SELECT i.id, i.description, i.last_test_ok, i.last_test_code, i.last_test_at, r.outcome, r.error_code,
                coalesce(r.finished_at, r.started_at)
           FROM integrations i LEFT JOIN import_runs r ON r.id = {LAST_RUN}
          WHERE i.enabled = 1 AND (i.last_test_ok = 0 OR r.outcome IN ('failed', 'interrupted'))
          ORDER BY i.description"
    ))?;
    let failing = st
        .query_map([], |r| {
            let test_failed = r.get::<_, Option<bool>>(2)? == Some(false);
            let outcome: Option<String> = r.get(5)?;
            let import_failed = matches!(outcome.as_deref(), Some("failed" | "interrupted"));
            Ok(Failing {
                integration_id: r.get(0)?,
                description: r.get(1)?,
                test_code: if test_failed { r.get(3)? } else { None },
                test_at: if test_failed { r.get(4)? } else { None },
                import_code: if import_failed { r.get(6)? } else { None },
                import_outcome: if import_failed { outcome } else { None },
                import_at: if import_failed { r.get(7)? } else { None },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    let first = today - Duration::days(CHART_DAYS - 1);
    let mut st =
        c.prepare("SELECT sale_date, count(*) FROM sales WHERE sale_date BETWEEN ?1 AND ?2 GROUP BY sale_date")?;
    let counted: std::collections::HashMap<String, i64> = st
        .query_map(params![first.to_string(), today.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let sales_per_day = first
        .iter_days()
        .take(CHART_DAYS as usize)
        .map(|d| {
            let day = d.to_string();
            let sales = counted.get(&day).copied().unwrap_or(0);
            DayCount { day, sales }
        })
        .collect();

    let mut st = c.prepare(&format!(
        "SELECT i.id, i.description, r.started_at, r.outcome, r.new_count
           FROM integrations i JOIN import_runs r ON r.id = {LAST_RUN}
          ORDER BY r.started_at DESC"
    ))?;
    let last_imports = st
        .query_map([], |r| {
            Ok(LastImport {
                integration_id: r.get(0)?,
                description: r.get(1)?,
                started_at: r.get(2)?,
                outcome: r.get(3)?,
                new_sales: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok(HomeSummary {
        people,
        integrations,
        expiring,
        expiring_more,
        failing,
        sales_per_day,
        last_imports,
        manual_payments,
    })
}
