//! The record of every import run: what was asked, how far it got, what it did and how it ended.

use chrono::{SecondsFormat, Utc};
use ponte_core::db::Db;
use ponte_core::CoreError;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Counts {
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Sales with a payment made straight to the agency: to be entered by hand.
    pub flagged: u32,
    /// Products of a type with no product kind yet (kept, reported).
    pub unmapped: u32,
    /// Records that could not be read (reported one by one).
    pub errors: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    Running,
    Completed,
    Cancelled,
    Failed,
    Interrupted,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Running => "running",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::Failed => "failed",
            Self::Interrupted => "interrupted",
        }
    }

    pub fn parse(s: &str) -> Self {
        match s {
            "running" => Self::Running,
            "completed" => Self::Completed,
            "cancelled" => Self::Cancelled,
            "failed" => Self::Failed,
            _ => Self::Interrupted,
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportRun {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub integration_id: i64,
    pub integration: String,
    /// `document` or `dates`.
    pub mode: String,
    pub document: Option<String>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub outcome: Outcome,
    pub pages_done: u32,
    pub pages_total: Option<u32>,
    pub counts: Counts,
    pub error_code: Option<String>,
    pub error_detail: Option<String>,
    /// Days per window of a date range (None: a document).
    pub window_days: Option<u32>,
    /// Windows written, counted from the range's start (a continued run starts where its run stopped).
    pub windows_done: u32,
    pub windows_total: Option<u32>,
    /// The run this one continues.
    #[ts(type = "number | null")]
    pub resumes: Option<i64>,
    /// It stopped before its last window and no run continues it yet: "Continuar" / `--resume`.
    pub resumable: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportIssue {
    pub supplier_sale_id: Option<String>,
    /// `malformed` or `unmapped`.
    pub kind: String,
    pub detail: String,
}

pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub struct NewRun<'a> {
    pub integration_id: i64,
    pub mode: &'a str,
    pub document: Option<&'a str>,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    /// For a date range: (days per window, windows in the range, windows already written).
    pub windows: Option<(u32, u32, u32)>,
    pub resumes: Option<i64>,
}

pub fn start(db: &Db, r: &NewRun<'_>) -> Result<i64, CoreError> {
    let ts = now();
    db.conn().execute(
        "INSERT INTO import_runs (integration_id, mode, document, date_from, date_to, started_at, outcome, updated_at,
            window_days, windows_total, windows_done, resumes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', ?6, ?7, ?8, ?9, ?10)",
        params![
            r.integration_id,
            r.mode,
            r.document,
            r.date_from,
            r.date_to,
            ts,
            r.windows.map(|w| w.0),
            r.windows.map(|w| w.1),
            r.windows.map_or(0, |w| w.2),
            r.resumes
        ],
    )?;
    Ok(db.conn().last_insert_rowid())
}

/// Written in the same transaction as the page it counts.
/// `windows_done`: set when this page was the last of a window (the windows written so far, in all).
pub fn progress(
    conn: &rusqlite::Connection,
    run: i64,
    pages_done: u32,
    pages_total: Option<u32>,
    c: &Counts,
    windows_done: Option<u32>,
) -> Result<(), CoreError> {
    conn.execute(
        "UPDATE import_runs SET pages_done = ?1, pages_total = ?2, new_count = ?3, updated_count = ?4,
            unchanged_count = ?5, flagged_count = ?6, unmapped_count = ?7, error_count = ?8, updated_at = ?9,
            windows_done = coalesce(?11, windows_done)
         WHERE id = ?10",
        params![
            pages_done,
            pages_total,
            c.new,
            c.updated,
            c.unchanged,
            c.flagged,
            c.unmapped,
            c.errors,
            now(),
            run,
            windows_done
        ],
    )?;
    Ok(())
}

pub fn issue(
    conn: &rusqlite::Connection,
    run: i64,
    sale: Option<&str>,
    kind: &str,
    detail: &str,
) -> Result<(), CoreError> {
    conn.execute(
        "INSERT INTO import_issues (run_id, supplier_sale_id, kind, detail) VALUES (?1, ?2, ?3, ?4)",
        params![run, sale, kind, detail],
    )?;
    Ok(())
}

pub fn finish(db: &Db, run: i64, outcome: Outcome, error: Option<(&str, &str)>) -> Result<(), CoreError> {
    let ts = now();
    db.conn().execute(
        "UPDATE import_runs SET outcome = ?1, finished_at = ?2, updated_at = ?2, error_code = ?3, error_detail = ?4
         WHERE id = ?5",
        params![outcome.as_str(), ts, error.map(|e| e.0), error.map(|e| e.1), run],
    )?;
    if outcome == Outcome::Completed {
        db.conn().execute(
            "UPDATE integrations SET last_import_at = ?1 WHERE id = (SELECT integration_id FROM import_runs WHERE id = ?2)",
            params![ts, run],
        )?;
    }
    Ok(())
}

/// Marks the integration's "running" runs as interrupted: call only while holding its import lock.
pub fn mark_interrupted(db: &Db, integration_id: i64) -> Result<usize, CoreError> {
    Ok(db.conn().execute(
        "UPDATE import_runs SET outcome = 'interrupted', finished_at = updated_at
         WHERE outcome = 'running' AND integration_id = ?1",
        [integration_id],
    )?)
}

pub fn running_integrations(db: &Db) -> Result<Vec<i64>, CoreError> {
    let mut stmt = db
        .conn()
        .prepare("SELECT DISTINCT integration_id FROM import_runs WHERE outcome = 'running'")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SELECT: &str = "SELECT r.id, r.integration_id, i.description, r.mode, r.document, r.date_from, r.date_to,
        r.started_at, r.finished_at, r.outcome, r.pages_done, r.pages_total, r.new_count, r.updated_count,
        r.unchanged_count, r.flagged_count, r.unmapped_count, r.error_count, r.error_code, r.error_detail,
        r.window_days, r.windows_done, r.windows_total, r.resumes,
        r.outcome IN ('cancelled', 'failed', 'interrupted') AND r.windows_done < r.windows_total
            AND NOT EXISTS (SELECT 1 FROM import_runs n WHERE n.resumes = r.id)
    FROM import_runs r JOIN integrations i ON i.id = r.integration_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ImportRun> {
    let outcome: String = r.get(9)?;
    Ok(ImportRun {
        id: r.get(0)?,
        integration_id: r.get(1)?,
        integration: r.get(2)?,
        mode: r.get(3)?,
        document: r.get(4)?,
        date_from: r.get(5)?,
        date_to: r.get(6)?,
        started_at: r.get(7)?,
        finished_at: r.get(8)?,
        outcome: Outcome::parse(&outcome),
        pages_done: r.get(10)?,
        pages_total: r.get(11)?,
        counts: Counts {
            new: r.get(12)?,
            updated: r.get(13)?,
            unchanged: r.get(14)?,
            flagged: r.get(15)?,
            unmapped: r.get(16)?,
            errors: r.get(17)?,
        },
        error_code: r.get(18)?,
        error_detail: r.get(19)?,
        window_days: r.get(20)?,
        windows_done: r.get(21)?,
        windows_total: r.get(22)?,
        resumes: r.get(23)?,
        resumable: r.get::<_, Option<bool>>(24)?.unwrap_or(false),
    })
}

pub fn get(db: &Db, id: i64) -> Result<ImportRun, CoreError> {
    db.conn()
        .query_row(&format!("{SELECT} WHERE r.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(CoreError::NotFound)
}

pub fn list(db: &Db, integration_id: Option<i64>, limit: u32) -> Result<Vec<ImportRun>, CoreError> {
    let mut stmt = db.conn().prepare(&format!(
        "{SELECT} WHERE ?1 IS NULL OR r.integration_id = ?1 ORDER BY r.id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![integration_id, limit], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn issues(db: &Db, run: i64) -> Result<Vec<ImportIssue>, CoreError> {
    let mut stmt = db
        .conn()
        .prepare("SELECT supplier_sale_id, kind, detail FROM import_issues WHERE run_id = ?1 ORDER BY id LIMIT 1000")?;
    let rows = stmt.query_map([run], |r| {
        Ok(ImportIssue {
            supplier_sale_id: r.get(0)?,
            kind: r.get(1)?,
            detail: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
