//! Tokens de API (docs/PROTOCOLS.md#paytourist-api-tokens): PayTourist Booking users and their personal
//! access tokens. A token is pasted once, verified live by the caller, stored in the OS keyring, and
//! afterwards only its last four characters are ever shown. Valid 36 months by default (editable:
//! PayTourist also says 12).
//!
//! As for integrations, the keyring is never called inside an SQLite transaction nor under the app's
//! database lock (the `_shared` functions): the secret is written before its row is committed (and
//! removed if the commit fails), and removed before its row is deleted (and put back if that fails).

use std::sync::Mutex;

use chrono::{Local, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{self, Db, DbAccess};
use crate::error::{CoreError, FieldIssue, Result};
use crate::integration_types::IntegrationType;
use crate::reminders;
use crate::secrets::{SecretId, Secrets};

pub const DEFAULT_VALIDITY_MONTHS: u32 = 36;
pub const MAX_TOKEN_CHARS: usize = 4096;
/// A token is "expiring" this many days before its expiry (the first reminder threshold).
pub const EXPIRING_DAYS: i64 = 60;

/// Hotel software a Booking user can be associated with on the portal (data, not code).
pub const SOFTWARE: &[&str] = &[
    "Ericsoft",
    "Passepartout",
    "Scrigno",
    "Hotel Cube",
    "Zucchetti Hospitality",
    "Bedzzle",
    "Octorate",
    "Kross Booking",
    "Slope",
    "Other",
];

pub fn secret_id(token_id: i64) -> SecretId {
    SecretId::new("token", token_id, "value")
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BookingUserInput {
    #[ts(type = "number")]
    pub integration_id: i64,
    pub name: String,
    pub email: String,
    pub software: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BookingUser {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub integration_id: i64,
    pub integration: String,
    pub name: String,
    pub email: String,
    pub software: Option<String>,
    pub tokens: Vec<ApiToken>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TokenStatus {
    Valid,
    Expiring,
    Expired,
    /// The last live check said 401.
    Rejected,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ApiToken {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub booking_user_id: i64,
    pub name: String,
    /// The only part of the token ever shown again.
    pub last4: String,
    pub created_on: String,
    pub expires_on: String,
    #[ts(type = "number")]
    pub days_left: i64,
    pub status: TokenStatus,
    pub active: bool,
    #[ts(type = "number | null")]
    pub replaces: Option<i64>,
    pub rotation_step: Option<RotationStep>,
    pub last_verified_at: Option<String>,
    pub last_check: Option<String>,
}

/// Where a rotation (new token replacing an old one) stands, so the wizard resumes at the right step.
/// Stored as its lowercase name; the SQL that advances it (verify, activate, delete) uses the same names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum RotationStep {
    /// The new token is stored.
    Added,
    /// PayTourist accepted it.
    Verified,
    /// It is the one in use; the old one still exists.
    Activated,
    /// The user pasted it into the hotel software.
    Pasted,
    /// The old token is deleted.
    Done,
}

impl RotationStep {
    pub const ALL: [RotationStep; 5] = [Self::Added, Self::Verified, Self::Activated, Self::Pasted, Self::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Verified => "verified",
            Self::Activated => "activated",
            Self::Pasted => "pasted",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What the user pasted, cleaned: `Bearer ` and surrounding whitespace/line breaks removed (with a
/// notice); inner whitespace or characters no token has are refused, because the token must be kept
/// exactly as PayTourist showed it (docs/PROTOCOLS.md#paytourist-api-tokens).
pub fn clean_pasted(pasted: &str) -> Result<(SecretString, Vec<FieldIssue>)> {
    let mut notices = Vec::new();
    let trimmed = pasted.trim();
    let mut t = trimmed;
    if let Some(rest) = t.strip_prefix("Bearer ").or_else(|| t.strip_prefix("bearer ")) {
        t = rest.trim_start();
        notices.push(FieldIssue::new("token", "notice.token_bearer_removed"));
    }
    if trimmed.len() != pasted.len() {
        notices.push(FieldIssue::new("token", "notice.secret_trimmed"));
    }
    if t.is_empty() {
        return Err(CoreError::invalid("token", "error.field.required"));
    }
    if t.chars().count() > MAX_TOKEN_CHARS {
        return Err(CoreError::Invalid(vec![FieldIssue::new(
            "token",
            "error.field.too_long",
        )
        .with("max", MAX_TOKEN_CHARS)]));
    }
    if t.chars().any(char::is_whitespace) {
        return Err(CoreError::invalid("token", "error.token.inner_space"));
    }
    if !t.chars().all(|c| c.is_ascii_graphic()) {
        return Err(CoreError::invalid("token", "error.token.characters"));
    }
    Ok((SecretString::from(t.to_string()), notices))
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn status(expires_on: NaiveDate, last_check: Option<&str>, today: NaiveDate) -> (TokenStatus, i64) {
    let days = (expires_on - today).num_days();
    let s = if last_check == Some("rejected") {
        TokenStatus::Rejected
    } else if days < 0 {
        TokenStatus::Expired
    } else if days <= EXPIRING_DAYS {
        TokenStatus::Expiring
    } else {
        TokenStatus::Valid
    };
    (s, days)
}

pub fn create_user(db: &Db, input: &BookingUserInput) -> Result<BookingUser> {
    let mut issues = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        issues.push(FieldIssue::new("name", "error.field.required"));
    }
    let email = input.email.trim();
    if !email_address::EmailAddress::is_valid(email) {
        issues.push(FieldIssue::new("email", "error.email.invalid"));
    }
    if let Some(s) = input.software.as_deref().filter(|s| !s.is_empty()) {
        if !SOFTWARE.contains(&s) {
            issues.push(FieldIssue::new("software", "error.field.invalid"));
        }
    }
    let ty: Option<String> = db
        .conn()
        .query_row(
            "SELECT type FROM integrations WHERE id = ?1",
            [input.integration_id],
            |r| r.get(0),
        )
        .optional()?;
    if ty.as_deref() != Some(IntegrationType::Paytourist.as_str()) {
        issues.push(FieldIssue::new("integration_id", "error.token.not_paytourist"));
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    let ts = now();
    db.conn().execute(
        "INSERT INTO booking_users (integration_id, name, email, software, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![
            input.integration_id,
            name,
            email,
            input.software.as_deref().filter(|s| !s.is_empty()),
            ts
        ],
    )?;
    user(db, db.conn().last_insert_rowid())
}

pub fn user(db: &Db, id: i64) -> Result<BookingUser> {
    users(db, Some(id))?.into_iter().next().ok_or(CoreError::NotFound)
}

/// Every Booking user with its tokens (or just one).
pub fn users(db: &Db, only: Option<i64>) -> Result<Vec<BookingUser>> {
    let mut stmt = db.conn().prepare(
        "SELECT u.id, u.integration_id, i.description, u.name, u.email, u.software
         FROM booking_users u JOIN integrations i ON i.id = u.integration_id
         WHERE ?1 IS NULL OR u.id = ?1 ORDER BY u.name, u.id",
    )?;
    let rows = stmt.query_map([only], |r| {
        Ok(BookingUser {
            id: r.get(0)?,
            integration_id: r.get(1)?,
            integration: r.get(2)?,
            name: r.get(3)?,
            email: r.get(4)?,
            software: r.get(5)?,
            tokens: Vec::new(),
        })
    })?;
    let mut out: Vec<BookingUser> = rows.collect::<rusqlite::Result<_>>()?;
    for u in &mut out {
        u.tokens = tokens_of(db, u.id)?;
    }
    Ok(out)
}

const TOKEN_COLS: &str = "id, booking_user_id, name, last4, created_on, expires_on, active, replaces, rotation_step,
    last_verified_at, last_check";

fn token_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<ApiToken> {
    let expires_on: String = r.get(5)?;
    let last_check: Option<String> = r.get(10)?;
    let exp = NaiveDate::parse_from_str(&expires_on, "%Y-%m-%d").unwrap_or(NaiveDate::MIN);
    let (status, days_left) = status(exp, last_check.as_deref(), today());
    Ok(ApiToken {
        id: r.get(0)?,
        booking_user_id: r.get(1)?,
        name: r.get(2)?,
        last4: r.get(3)?,
        created_on: r.get(4)?,
        expires_on,
        days_left,
        status,
        active: r.get(6)?,
        replaces: r.get(7)?,
        rotation_step: r.get::<_, Option<String>>(8)?.as_deref().and_then(RotationStep::parse),
        last_verified_at: r.get(9)?,
        last_check,
    })
}

fn tokens_of(db: &Db, user_id: i64) -> Result<Vec<ApiToken>> {
    let mut stmt = db.conn().prepare(&format!(
        "SELECT {TOKEN_COLS} FROM api_tokens WHERE booking_user_id = ?1 ORDER BY expires_on, id"
    ))?;
    let rows = stmt.query_map([user_id], token_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn token(db: &Db, id: i64) -> Result<ApiToken> {
    db.conn()
        .query_row(
            &format!("SELECT {TOKEN_COLS} FROM api_tokens WHERE id = ?1"),
            [id],
            token_from,
        )
        .optional()?
        .ok_or(CoreError::NotFound)
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct TokenDates {
    /// Default: today.
    pub created_on: Option<String>,
    /// Default: created + 36 months.
    pub expires_on: Option<String>,
}

/// Checks the dates; a past expiry is allowed (the reminder fires at once) and says so.
pub fn check_dates(d: &TokenDates) -> Result<(NaiveDate, NaiveDate, Vec<FieldIssue>)> {
    let parse = |s: &str, field: &str| {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| CoreError::invalid(field, "error.import.date_format"))
    };
    let created = match d.created_on.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => parse(s, "created_on")?,
        None => today(),
    };
    let expires = match d.expires_on.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => parse(s, "expires_on")?,
        None => reminders::add_months(created, DEFAULT_VALIDITY_MONTHS),
    };
    if expires <= created {
        return Err(CoreError::invalid("expires_on", "error.token.expiry_before_creation"));
    }
    let mut notices = Vec::new();
    if expires < today() {
        notices.push(FieldIssue::new("expires_on", "notice.token_already_expired"));
    }
    Ok((created, expires, notices))
}

/// Refuses a token equal to one already stored (pasting the old token again is the usual mistake).
pub fn is_duplicate(db: &Db, store: &Secrets, token: &SecretString) -> Result<bool> {
    is_duplicate_in(db, store, token)
}

/// [`is_duplicate`] with the app's shared database: the ids under the lock, the keyring without it.
pub fn is_duplicate_shared(db: &Mutex<Db>, store: &Secrets, token: &SecretString) -> Result<bool> {
    is_duplicate_in(db, store, token)
}

fn is_duplicate_in(mut db: impl DbAccess, store: &Secrets, token: &SecretString) -> Result<bool> {
    let ids: Vec<i64> = db.with(|db| {
        Ok(db
            .conn()
            .prepare("SELECT id FROM api_tokens")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    })?;
    for id in ids {
        if let Some(v) = store.get(&secret_id(id))? {
            if v.expose_secret() == token.expose_secret() {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

pub struct NewToken<'a> {
    pub booking_user_id: i64,
    pub name: &'a str,
    pub token: &'a SecretString,
    pub created_on: NaiveDate,
    pub expires_on: NaiveDate,
    /// When the caller verified it live (it always should before storing).
    pub verified_at: Option<String>,
    /// The token being rotated out, if any.
    pub replaces: Option<i64>,
}

/// Stores a token: row and keyring entry together (no orphan on either side).
pub fn add(db: &mut Db, store: &Secrets, t: &NewToken<'_>) -> Result<ApiToken> {
    add_in(db, store, t)
}

/// [`add`] with the app's shared database, locked only for the short database steps.
pub fn add_shared(db: &Mutex<Db>, store: &Secrets, t: &NewToken<'_>) -> Result<ApiToken> {
    add_in(db, store, t)
}

fn add_in(mut db: impl DbAccess, store: &Secrets, t: &NewToken<'_>) -> Result<ApiToken> {
    let name = t.name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid("name", "error.field.required"));
    }
    let value = t.token.expose_secret();
    let last4: String = value
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let id = db.with(|db| {
        user(db, t.booking_user_id)?;
        db::reserve_id(db, "api_tokens")
    })?;
    // The keyring outside any transaction and lock; the id is new, so nothing was there before.
    store.put(&secret_id(id), t.token)?;
    let saved = db.with(|db| {
        let tx = db.conn().unchecked_transaction()?;
        let has_active: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM api_tokens WHERE booking_user_id = ?1 AND active = 1)",
            [t.booking_user_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO api_tokens (id, booking_user_id, name, last4, created_on, expires_on, active, replaces,
                rotation_step, last_verified_at, last_check, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                t.booking_user_id,
                name,
                last4,
                t.created_on.to_string(),
                t.expires_on.to_string(),
                !has_active && t.replaces.is_none(),
                t.replaces,
                t.replaces
                    .map(|_| if t.verified_at.is_some() { "verified" } else { "added" }),
                t.verified_at,
                t.verified_at.as_ref().map(|_| "ok"),
                now()
            ],
        )?;
        tx.commit()?;
        token(db, id)
    });
    if saved.is_err() {
        if let Err(e) = store.delete(&secret_id(id)) {
            log::error!("could not remove the keyring entry of unsaved token {id}: {e}");
        }
    }
    saved
}

/// Loads a token's value for a live check or a copy. Stays in the backend.
pub fn value(store: &Secrets, id: i64) -> Result<SecretString> {
    store.get(&secret_id(id))?.ok_or(CoreError::NotFound)
}

/// Records a live check: `ok`, `rejected` (401) or another error code.
pub fn record_check(db: &Db, id: i64, result: &str) -> Result<ApiToken> {
    db.conn().execute(
        "UPDATE api_tokens SET last_check = ?1, last_verified_at = ?2,
            rotation_step = CASE WHEN rotation_step = 'added' AND ?1 = 'ok' THEN 'verified' ELSE rotation_step END
         WHERE id = ?3",
        params![result, now(), id],
    )?;
    token(db, id)
}

pub fn set_expiry(db: &Db, id: i64, dates: &TokenDates) -> Result<ApiToken> {
    let (created, expires, _) = check_dates(dates)?;
    db.conn().execute(
        "UPDATE api_tokens SET created_on = ?1, expires_on = ?2 WHERE id = ?3",
        params![created.to_string(), expires.to_string(), id],
    )?;
    token(db, id)
}

/// Rotation: the new token becomes the one the integration uses; the old one stays until deleted.
pub fn activate(db: &mut Db, id: i64) -> Result<ApiToken> {
    let t = token(db, id)?;
    let tx = db.conn_mut().transaction()?;
    tx.execute(
        "UPDATE api_tokens SET active = 0 WHERE booking_user_id = ?1",
        [t.booking_user_id],
    )?;
    tx.execute(
        "UPDATE api_tokens SET active = 1,
            rotation_step = CASE WHEN replaces IS NOT NULL THEN 'activated' ELSE rotation_step END
         WHERE id = ?1",
        [id],
    )?;
    tx.commit()?;
    token(db, id)
}

pub fn set_rotation_step(db: &Db, id: i64, step: RotationStep) -> Result<ApiToken> {
    db.conn().execute(
        "UPDATE api_tokens SET rotation_step = ?1 WHERE id = ?2",
        params![step.as_str(), id],
    )?;
    token(db, id)
}

/// Deletes a token from the keyring and the database: keyring first (if it fails, nothing changes), then
/// the row; if the row cannot be deleted, the keyring entry is put back.
pub fn delete(db: &Db, store: &Secrets, id: i64) -> Result<()> {
    delete_in(db, store, id)
}

/// [`delete`] with the app's shared database, locked only for the short database steps.
pub fn delete_shared(db: &Mutex<Db>, store: &Secrets, id: i64) -> Result<()> {
    delete_in(db, store, id)
}

fn delete_in(mut db: impl DbAccess, store: &Secrets, id: i64) -> Result<()> {
    db.with(|db| token(db, id))?;
    let sid = secret_id(id);
    let previous = store.get(&sid)?;
    store.delete(&sid)?;
    let r = db.with(|db| {
        let tx = db.conn().unchecked_transaction()?;
        tx.execute(
            "UPDATE api_tokens SET rotation_step = 'done', replaces = NULL WHERE replaces = ?1",
            [id],
        )?;
        tx.execute("DELETE FROM api_tokens WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    });
    if r.is_err() {
        if let Some(p) = previous {
            if let Err(e) = store.put(&sid, &p) {
                log::error!("could not put back the keyring entry of token {id}: {e}");
            }
        }
    }
    r
}

/// The token an integration uses now (for its connection test).
pub fn active_for_integration(db: &Db, integration_id: i64) -> Result<Option<i64>> {
    Ok(db
        .conn()
        .query_row(
            "SELECT t.id FROM api_tokens t JOIN booking_users u ON u.id = t.booking_user_id
             WHERE u.integration_id = ?1 AND t.active = 1 ORDER BY t.expires_on DESC LIMIT 1",
            [integration_id],
            |r| r.get(0),
        )
        .optional()?)
}
