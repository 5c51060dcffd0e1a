//! Cadastros > Integrações: stored rows (SQLite) and their secrets (OS keyring), always created, changed
//! and removed together: no row points at a missing secret, no keyring entry outlives its row.
//!
//! The keyring may stop on an unlock prompt for as long as the user takes, so it is never called inside
//! an open SQLite transaction nor with the database lock held: each save is short database steps around
//! the keyring work ([`DbAccess`]). Saving writes the secrets first (remembering what they replace) and
//! commits the row second; if the commit fails, the keyring is put back as it was. Deleting reads and
//! removes the secrets (the integration's and its API tokens') first and the row second; if removing the
//! row fails, the secrets are put back. The `_shared` functions take the app's `Mutex<Db>`.
//!
//! Saving validates the form against its type's declaration, which the caller passes in
//! (`ponte_suppliers::registry::spec(input.ty)`): the core names no supplier (see
//! [`crate::integration_types`]).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Row};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{self, Db, DbAccess};
use crate::error::{CoreError, FieldIssue, Result};
use crate::integration_types::{self, IntegrationType, IntegrationTypeSpec};
use crate::secrets::{SecretId, Secrets};

pub const MAX_DESCRIPTION_CHARS: usize = 200;
pub const MAX_SECRET_CHARS: usize = 4096;

/// What the form (or CLI) submits. `secrets` holds only the secrets typed now: a secret absent from it
/// keeps its stored value. Secrets travel window → backend only, never back: they are `SecretString`s
/// (Debug shows `[REDACTED]`), read from the same JSON strings, and always serialized as `{}` (a draft
/// sent to the window, `integration_duplicate`, has none anyway).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntegrationInput {
    #[serde(rename = "type")]
    pub ty: IntegrationType,
    pub description: String,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    #[serde(default)]
    pub values: BTreeMap<String, String>,
    #[serde(default, serialize_with = "crate::secrets::serialize_none")]
    #[ts(type = "{ [key in string]: string }")]
    pub secrets: BTreeMap<String, SecretString>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LastTest {
    pub at: String,
    pub ok: bool,
    /// Error code of a failed test (`invalid_credentials`…).
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Integration {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(rename = "type")]
    pub ty: IntegrationType,
    pub description: String,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    pub values: BTreeMap<String, String>,
    /// Secret fields that have a value in the keyring ("definida"); never the values.
    pub secrets_set: Vec<String>,
    pub enabled: bool,
    pub last_test: Option<LastTest>,
    pub last_success_at: Option<String>,
    pub last_import_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SaveOutcome {
    pub integration: Integration,
    /// Things done to the input that the user must know (e.g. spaces trimmed from a password).
    pub notices: Vec<FieldIssue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StatusFilter {
    Enabled,
    Disabled,
    Failing,
    Untested,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IntegrationFilter {
    #[serde(default)]
    pub query: String,
    #[serde(rename = "type", default)]
    pub ty: Option<IntegrationType>,
    #[serde(default)]
    pub status: Option<StatusFilter>,
}

pub fn secret_id(integration_id: i64, field: &str) -> SecretId {
    SecretId::new("integration", integration_id, field)
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

struct Clean {
    description: String,
    person_id: i64,
    values: BTreeMap<String, String>,
    secrets: BTreeMap<String, SecretString>,
}

fn validate(
    db: &Db,
    spec: &IntegrationTypeSpec,
    input: &IntegrationInput,
    except_id: Option<i64>,
    already_set: &[String],
) -> Result<(Clean, Vec<FieldIssue>)> {
    if spec.ty != input.ty {
        // A caller's mistake, never the user's: the spec must be the one of the input's type.
        return Err(CoreError::Input(format!(
            "the form of {} was checked against the declaration of {}",
            input.ty.as_str(),
            spec.ty.as_str()
        )));
    }
    let mut issues = Vec::new();
    let mut notices = Vec::new();
    let description = input.description.trim().to_string();
    if description.is_empty() {
        issues.push(FieldIssue::new("description", "error.field.required"));
    } else if description.chars().count() > MAX_DESCRIPTION_CHARS {
        issues.push(FieldIssue::new("description", "error.field.too_long").with("max", MAX_DESCRIPTION_CHARS));
    } else {
        let clash: Option<i64> = db
            .conn()
            .query_row(
                "SELECT id FROM integrations WHERE type = ?1 AND lower(description) = lower(?2) AND id IS NOT ?3",
                params![input.ty.as_str(), description, except_id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            issues.push(FieldIssue::new(
                "description",
                "error.integration.duplicate_description",
            ));
        }
    }
    let person_id = match input.person_id {
        None => {
            issues.push(FieldIssue::new("person", "error.field.required"));
            0
        }
        Some(id) => {
            let exists: bool =
                db.conn()
                    .query_row("SELECT EXISTS (SELECT 1 FROM people WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                issues.push(FieldIssue::new("person", "error.integration.person_missing"));
            }
            id
        }
    };
    let values = integration_types::validate_values(spec, &input.values, &mut issues);
    let mut secrets = BTreeMap::new();
    for (key, raw) in &input.secrets {
        let raw = raw.expose_secret();
        if !spec.secret_keys().any(|k| k == key) {
            issues.push(FieldIssue::new(key, "error.field.unknown"));
            continue;
        }
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.len() != raw.len() {
            notices.push(FieldIssue::new(key, "notice.secret_trimmed"));
        }
        if trimmed.chars().count() > MAX_SECRET_CHARS {
            issues.push(FieldIssue::new(key, "error.field.too_long").with("max", MAX_SECRET_CHARS));
            continue;
        }
        secrets.insert(key.clone(), SecretString::from(trimmed.to_string()));
    }
    for f in spec
        .fields
        .iter()
        .filter(|f| f.kind == integration_types::FieldKind::Secret && f.required)
    {
        if !secrets.contains_key(&f.key) && !already_set.contains(&f.key) {
            issues.push(FieldIssue::new(&f.key, "error.field.required"));
        }
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    Ok((
        Clean {
            description,
            person_id,
            values,
            secrets,
        },
        notices,
    ))
}

/// What a keyring write replaced, to put it back: (entry, previous value or none).
type Undo = Vec<(SecretId, Option<SecretString>)>;

/// Writes secrets; if one fails, puts back what was there before (or removes what was new). On success,
/// returns what to put back should the database step that follows fail.
fn put_all(store: &Secrets, id: i64, secrets: &BTreeMap<String, SecretString>) -> Result<Undo> {
    let mut done: Undo = Vec::new();
    for (key, value) in secrets {
        let sid = secret_id(id, key);
        let previous = match store.get(&sid) {
            Ok(p) => p,
            Err(e) => {
                undo(store, done);
                return Err(e.into());
            }
        };
        if let Err(e) = store.put(&sid, value) {
            undo(store, done);
            return Err(e.into());
        }
        done.push((sid, previous));
    }
    Ok(done)
}

/// Puts each entry back as it was, newest first; returns the entries it could not restore.
fn undo(store: &Secrets, done: Undo) -> Vec<SecretId> {
    let mut failed = Vec::new();
    for (sid, previous) in done.into_iter().rev() {
        let r = match previous {
            Some(p) => store.put(&sid, &p),
            None => store.delete(&sid),
        };
        if let Err(e) = r {
            log::error!("could not undo keyring entry {}: {e}", sid.as_str());
            failed.push(sid);
        }
    }
    failed
}

/// Saves a new integration; `spec` is its type's declaration (`ponte_suppliers::registry::spec(input.ty)`).
pub fn create(
    db: &mut Db,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    create_in(db, store, spec, input)
}

/// [`create`] with the app's shared database, locked only for the short database steps.
pub fn create_shared(
    db: &Mutex<Db>,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    create_in(db, store, spec, input)
}

/// The same, with the database from wherever the caller has it ([`DbAccess`]).
pub fn create_in(
    mut db: impl DbAccess,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    // 1. Check, and reserve the row's id (its secrets are filed under it).
    let (c, notices, id) = db.with(|db| {
        let (c, notices) = validate(db, spec, input, None, &[])?;
        let id = db::reserve_id(db, "integrations")?;
        Ok((c, notices, id))
    })?;
    // 2. The keyring, outside any transaction and lock: a failure leaves nothing behind.
    let written = put_all(store, id, &c.secrets)?;
    // 3. The row. If it cannot be written, its secrets go.
    let set: Vec<&String> = c.secrets.keys().collect();
    let saved = db.with(|db| {
        let ts = now();
        let tx = db.conn().unchecked_transaction()?;
        tx.execute(
            "INSERT INTO integrations (id, type, description, person_id, field_values, secrets_set, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                id,
                input.ty.as_str(),
                c.description,
                c.person_id,
                serde_json::to_string(&c.values).unwrap_or_default(),
                serde_json::to_string(&set).unwrap_or_default(),
                ts
            ],
        )?;
        tx.commit()?;
        get(db, id)
    });
    match saved {
        Ok(integration) => Ok(SaveOutcome { integration, notices }),
        Err(e) => {
            undo(store, written);
            Err(e)
        }
    }
}

/// Saves changes to integration `id`; `spec` is its type's declaration, as for [`create`].
pub fn update(
    db: &mut Db,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    id: i64,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    update_in(db, store, spec, id, input)
}

/// [`update`] with the app's shared database, locked only for the short database steps.
pub fn update_shared(
    db: &Mutex<Db>,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    id: i64,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    update_in(db, store, spec, id, input)
}

/// The same, with the database from wherever the caller has it ([`DbAccess`]).
pub fn update_in(
    mut db: impl DbAccess,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    id: i64,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    let (c, notices, set) = db.with(|db| {
        let current = get(db, id)?;
        if current.ty != input.ty {
            return Err(CoreError::invalid("type", "error.integration.type_change"));
        }
        let (c, notices) = validate(db, spec, input, Some(id), &current.secrets_set)?;
        let mut set: BTreeSet<String> = current.secrets_set.iter().cloned().collect();
        set.extend(c.secrets.keys().cloned());
        Ok((c, notices, set))
    })?;
    // New secrets first (what they replace is kept in memory), then the row; a failed row write puts
    // the previous secrets back, so the keyring and the row never disagree.
    let written = put_all(store, id, &c.secrets)?;
    let saved = db.with(|db| {
        let tx = db.conn().unchecked_transaction()?;
        let n = tx.execute(
            "UPDATE integrations SET description = ?1, person_id = ?2, field_values = ?3, secrets_set = ?4, updated_at = ?5
             WHERE id = ?6",
            params![
                c.description,
                c.person_id,
                serde_json::to_string(&c.values).unwrap_or_default(),
                serde_json::to_string(&set).unwrap_or_default(),
                now(),
                id
            ],
        )?;
        if n == 0 {
            // Deleted meanwhile.
            return Err(CoreError::NotFound);
        }
        tx.commit()?;
        get(db, id)
    });
    match saved {
        Ok(integration) => Ok(SaveOutcome { integration, notices }),
        Err(e) => {
            undo(store, written);
            Err(e)
        }
    }
}

/// A copy to edit and save as new: same type, person and fields; secrets are asked again.
pub fn duplicate_draft(db: &Db, id: i64, copy_suffix: &str) -> Result<IntegrationInput> {
    let src = get(db, id)?;
    Ok(IntegrationInput {
        ty: src.ty,
        description: format!("{} {copy_suffix}", src.description),
        person_id: Some(src.person_id),
        values: src.values,
        secrets: BTreeMap::new(),
    })
}

pub fn set_enabled(db: &Db, id: i64, enabled: bool) -> Result<Integration> {
    get(db, id)?;
    db.conn().execute(
        "UPDATE integrations SET enabled = ?1, updated_at = ?2 WHERE id = ?3",
        params![enabled, now(), id],
    )?;
    get(db, id)
}

/// Removes the row, its keyring entries and those of its API tokens (which SQLite removes with it).
/// Keyring first, row second; if the keyring fails part-way or the row cannot be removed, what was
/// already removed from the keyring is put back (a secret that cannot be put back is marked unset on the
/// row): the error says what to do and nothing is orphaned.
pub fn delete(db: &mut Db, store: &Secrets, id: i64) -> Result<()> {
    delete_in(db, store, id)
}

/// [`delete`] with the app's shared database, locked only for the short database steps.
pub fn delete_shared(db: &Mutex<Db>, store: &Secrets, id: i64) -> Result<()> {
    delete_in(db, store, id)
}

/// Every keyring entry integration `id` owns: its secrets and its API tokens' values.
fn owned_secrets(conn: &rusqlite::Connection, id: i64) -> Result<Vec<SecretId>> {
    let current = get_in(conn, id)?;
    let mut out: Vec<SecretId> = current.secrets_set.iter().map(|k| secret_id(id, k)).collect();
    let tokens: Vec<i64> = conn
        .prepare(
            "SELECT t.id FROM api_tokens t JOIN booking_users u ON u.id = t.booking_user_id
             WHERE u.integration_id = ?1 ORDER BY t.id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    out.extend(tokens.into_iter().map(crate::tokens::secret_id));
    Ok(out)
}

/// The same, with the database from wherever the caller has it ([`DbAccess`]).
pub fn delete_in(mut db: impl DbAccess, store: &Secrets, id: i64) -> Result<()> {
    // A secret or token added between the steps (another window, the CLI) is caught at the row step:
    // then the keyring is put back and it starts again.
    for _attempt in 0..3 {
        let owned = db.with(|db| owned_secrets(db.conn(), id))?;
        let mut removed: Undo = Vec::new();
        for sid in &owned {
            let step = store.get(sid).and_then(|previous| {
                store.delete(sid)?;
                Ok(previous)
            });
            match step {
                Ok(previous) => removed.push((sid.clone(), previous)),
                Err(e) => {
                    restore_after_failed_delete(&mut db, store, id, removed);
                    return Err(e.into());
                }
            }
        }
        let outcome = db.with(|db| {
            let tx = db.conn().unchecked_transaction()?;
            // Read inside the transaction that deletes: what it owns now.
            let now_owned = owned_secrets(&tx, id)?;
            if now_owned.iter().any(|s| !owned.contains(s)) {
                return Ok(false);
            }
            tx.execute("DELETE FROM integrations WHERE id = ?1", [id])?;
            // Settings that name the integration (its daily import schedule, kept by ponte-import) go with it.
            tx.execute(
                "DELETE FROM settings WHERE key IN ('import.schedule.' || ?1, 'import.schedule_last.' || ?1)",
                [id],
            )?;
            tx.commit()?;
            Ok(true)
        });
        match outcome {
            Ok(true) => return Ok(()),
            Ok(false) => {
                restore_after_failed_delete(&mut db, store, id, removed);
            }
            Err(e) => {
                restore_after_failed_delete(&mut db, store, id, removed);
                return Err(e);
            }
        }
    }
    Err(CoreError::Input(
        "the integration kept changing while it was being deleted".into(),
    ))
}

/// Puts back what a delete removed from the keyring; a secret of the integration that cannot be put back
/// is marked unset on its row (the row must not claim a secret that is gone).
fn restore_after_failed_delete(db: &mut impl DbAccess, store: &Secrets, id: i64, removed: Undo) {
    let lost = undo(store, removed);
    if lost.is_empty() {
        return;
    }
    let r = db.with(|db| {
        let Ok(current) = get(db, id) else { return Ok(()) };
        let remaining: Vec<&String> = current
            .secrets_set
            .iter()
            .filter(|k| !lost.contains(&secret_id(id, k)))
            .collect();
        db.conn().execute(
            "UPDATE integrations SET secrets_set = ?1 WHERE id = ?2",
            params![serde_json::to_string(&remaining).unwrap_or_default(), id],
        )?;
        Ok(())
    });
    if let Err(e) = r {
        log::error!("could not mark lost secrets of integration {id}: {}", e.code());
    }
}

/// The stored secrets of an integration, for a connection test or an import. Stays in the backend.
pub fn load_secrets(db: &Db, store: &Secrets, id: i64) -> Result<BTreeMap<String, SecretString>> {
    secrets_of(store, &get(db, id)?)
}

/// The stored secrets of a row already read: the keyring only, so callers need not hold the database.
pub fn secrets_of(store: &Secrets, integration: &Integration) -> Result<BTreeMap<String, SecretString>> {
    let mut out = BTreeMap::new();
    for key in &integration.secrets_set {
        if let Some(v) = store.get(&secret_id(integration.id, key))? {
            out.insert(key.clone(), v);
        }
    }
    Ok(out)
}

/// Remembers the outcome of "Testar conexão" (shown in the list and on Início).
pub fn record_test(db: &Db, id: i64, code: Option<&str>) -> Result<()> {
    let ts = now();
    db.conn().execute(
        "UPDATE integrations SET last_test_at = ?1, last_test_ok = ?2, last_test_code = ?3,
                last_success_at = CASE WHEN ?2 THEN ?1 ELSE last_success_at END
         WHERE id = ?4",
        params![ts, code.is_none(), code, id],
    )?;
    Ok(())
}

const SELECT: &str = "SELECT i.id, i.type, i.description, i.person_id, p.name, i.field_values, i.secrets_set,
        i.enabled, i.last_test_at, i.last_test_ok, i.last_test_code, i.last_success_at, i.last_import_at,
        i.created_at, i.updated_at
    FROM integrations i JOIN people p ON p.id = i.person_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Integration> {
    let ty_text: String = r.get(1)?;
    let values_json: String = r.get(5)?;
    let set_json: String = r.get(6)?;
    let last_test_at: Option<String> = r.get(8)?;
    let last_ok: Option<bool> = r.get(9)?;
    Ok(Integration {
        id: r.get(0)?,
        // A type this Ponte does not know (a row written behind its back) is an error, never a guess.
        ty: IntegrationType::parse(&ty_text).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown integration type {ty_text:?}").into(),
            )
        })?,
        description: r.get(2)?,
        person_id: r.get(3)?,
        person_name: r.get(4)?,
        values: serde_json::from_str(&values_json).unwrap_or_default(),
        secrets_set: serde_json::from_str(&set_json).unwrap_or_default(),
        enabled: r.get(7)?,
        last_test: last_test_at.map(|at| LastTest {
            at,
            ok: last_ok.unwrap_or(false),
            code: r.get(10).unwrap_or(None),
        }),
        last_success_at: r.get(11)?,
        last_import_at: r.get(12)?,
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

pub fn get(db: &Db, id: i64) -> Result<Integration> {
    get_in(db.conn(), id)
}

fn get_in(conn: &rusqlite::Connection, id: i64) -> Result<Integration> {
    conn.query_row(&format!("{SELECT} WHERE i.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(CoreError::NotFound)
}

pub fn list(db: &Db, filter: &IntegrationFilter) -> Result<Vec<Integration>> {
    let mut stmt = db
        .conn()
        .prepare(&format!("{SELECT} ORDER BY i.description COLLATE NOCASE, i.id"))?;
    let rows = stmt.query_map([], from_row)?;
    let words: Vec<String> = crate::text::fold(&filter.query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let mut out = Vec::new();
    for row in rows {
        let i = row?;
        if filter.ty.is_some_and(|t| t != i.ty) {
            continue;
        }
        let status_ok = match filter.status {
            None => true,
            Some(StatusFilter::Enabled) => i.enabled,
            Some(StatusFilter::Disabled) => !i.enabled,
            Some(StatusFilter::Failing) => i.last_test.as_ref().is_some_and(|t| !t.ok),
            Some(StatusFilter::Untested) => i.last_test.is_none(),
        };
        if !status_ok {
            continue;
        }
        let hay = crate::text::fold(&format!("{} {} {}", i.description, i.person_name, i.ty.as_str()));
        if words.iter().all(|w| hay.contains(w.as_str())) {
            out.push(i);
        }
    }
    Ok(out)
}

/// Exposes a secret only to code that sends it to its supplier.
pub fn expose(s: &SecretString) -> &str {
    s.expose_secret()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::secrets::SecretInput;
    use crate::vendor_settings::WoobaSettingsInput;

    /// Typed secrets arrive as the same JSON strings, are `SecretString`s from there on (Debug shows
    /// `[REDACTED]`), are never serialized back, and stay `string` for TypeScript.
    #[test]
    fn typed_secrets_are_secret_strings_end_to_end() {
        let input: IntegrationInput = serde_json::from_value(json!({
            "type": "wooba", "description": "BWT", "person_id": 1,
            "values": {"url": "https://bwt.example.com.br"},
            "secrets": {"password": "S3cr3t-typed"}
        }))
        .unwrap();
        assert_eq!(input.secrets["password"].expose_secret(), "S3cr3t-typed");
        let shown = format!("{input:?}");
        assert!(!shown.contains("S3cr3t") && shown.contains("REDACTED"), "{shown}");
        let back = serde_json::to_value(&input).unwrap();
        assert_eq!(back["secrets"], json!({}), "never serialized back");
        assert!(!back.to_string().contains("S3cr3t"));

        let w: WoobaSettingsInput =
            serde_json::from_value(json!({"developer_token": "dev-S3cr3t", "public_key_pem": null})).unwrap();
        assert_eq!(w.developer_token.as_ref().unwrap().expose_secret(), "dev-S3cr3t");
        assert!(!format!("{w:?}").contains("dev-S3cr3t"));

        let t: SecretInput = serde_json::from_value(json!("1|tok-S3cr3t")).unwrap();
        assert_eq!(t.expose(), "1|tok-S3cr3t");
        assert!(!format!("{t:?}").contains("S3cr3t"));
        assert!(serde_json::from_value::<SecretInput>(json!(42)).is_err());

        let cfg = ts_rs::Config::default();
        assert!(
            IntegrationInput::decl(&cfg).contains("secrets: { [key in string]: string }"),
            "{}",
            IntegrationInput::decl(&cfg)
        );
        assert!(WoobaSettingsInput::decl(&cfg).contains("developer_token: string | null"));
        assert_eq!(SecretInput::name(&cfg), "string");
    }
}
