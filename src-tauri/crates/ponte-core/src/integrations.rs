//! Cadastros > Integrações: stored rows (SQLite) and their secrets (OS keyring), always created, changed
//! and removed together: no row points at a missing secret, no keyring entry outlives its row.
//!
//! Saving validates the form against its type's declaration, which the caller passes in
//! (`ponte_suppliers::registry::spec(input.ty)`): the core names no supplier (see
//! [`crate::integration_types`]).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Row};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{CoreError, FieldIssue, Result};
use crate::integration_types::{self, IntegrationType, IntegrationTypeSpec};
use crate::secrets::{SecretId, Secrets};

pub const MAX_DESCRIPTION_CHARS: usize = 200;
pub const MAX_SECRET_CHARS: usize = 4096;

/// What the form (or CLI) submits. `secrets` holds only the secrets typed now: a secret absent from it
/// keeps its stored value. Secrets travel window → backend only, never back.
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
    #[serde(default)]
    pub secrets: BTreeMap<String, String>,
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

/// Writes secrets; if one fails, puts back what was there before (or removes what was new).
fn put_all(store: &Secrets, id: i64, secrets: &BTreeMap<String, SecretString>) -> Result<()> {
    let mut done: Vec<(SecretId, Option<SecretString>)> = Vec::new();
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
    Ok(())
}

fn undo(store: &Secrets, done: Vec<(SecretId, Option<SecretString>)>) {
    for (sid, previous) in done.into_iter().rev() {
        let r = match previous {
            Some(p) => store.put(&sid, &p),
            None => store.delete(&sid),
        };
        if let Err(e) = r {
            log::error!("could not undo keyring entry {}: {e}", sid.as_str());
        }
    }
}

/// Saves a new integration; `spec` is its type's declaration (`ponte_suppliers::registry::spec(input.ty)`).
pub fn create(
    db: &mut Db,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    let (c, notices) = validate(db, spec, input, None, &[])?;
    let set: Vec<&String> = c.secrets.keys().collect();
    let ts = now();
    let tx = db.conn_mut().transaction()?;
    tx.execute(
        "INSERT INTO integrations (type, description, person_id, field_values, secrets_set, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            input.ty.as_str(),
            c.description,
            c.person_id,
            serde_json::to_string(&c.values).unwrap_or_default(),
            serde_json::to_string(&set).unwrap_or_default(),
            ts
        ],
    )?;
    let id = tx.last_insert_rowid();
    // Keyring first, commit second: a keyring failure rolls the row back; a commit failure removes the secrets.
    put_all(store, id, &c.secrets)?;
    if let Err(e) = tx.commit() {
        for key in c.secrets.keys() {
            let _ = store.delete(&secret_id(id, key));
        }
        return Err(e.into());
    }
    Ok(SaveOutcome {
        integration: get(db, id)?,
        notices,
    })
}

/// Saves changes to integration `id`; `spec` is its type's declaration, as for [`create`].
pub fn update(
    db: &mut Db,
    store: &Secrets,
    spec: &IntegrationTypeSpec,
    id: i64,
    input: &IntegrationInput,
) -> Result<SaveOutcome> {
    let current = get(db, id)?;
    if current.ty != input.ty {
        return Err(CoreError::invalid("type", "error.integration.type_change"));
    }
    let (c, notices) = validate(db, spec, input, Some(id), &current.secrets_set)?;
    let mut set: BTreeSet<String> = current.secrets_set.iter().cloned().collect();
    set.extend(c.secrets.keys().cloned());
    let tx = db.conn_mut().transaction()?;
    tx.execute(
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
    put_all(store, id, &c.secrets)?;
    tx.commit()?;
    Ok(SaveOutcome {
        integration: get(db, id)?,
        notices,
    })
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

/// Removes the row and its keyring entries. If the keyring fails part-way, the row stays (with the
/// secrets that are really gone marked unset) and the error says what to do: nothing is orphaned.
pub fn delete(db: &mut Db, store: &Secrets, id: i64) -> Result<()> {
    let current = get(db, id)?;
    let tx = db.conn_mut().transaction()?;
    tx.execute("DELETE FROM integrations WHERE id = ?1", [id])?;
    let mut remaining: Vec<String> = current.secrets_set.clone();
    for key in &current.secrets_set {
        if let Err(e) = store.delete(&secret_id(id, key)) {
            drop(tx);
            db.conn().execute(
                "UPDATE integrations SET secrets_set = ?1 WHERE id = ?2",
                params![serde_json::to_string(&remaining).unwrap_or_default(), id],
            )?;
            return Err(e.into());
        }
        remaining.retain(|k| k != key);
    }
    tx.commit()?;
    // Settings that name the integration (its daily import schedule, kept by ponte-import) go with it.
    db.conn().execute(
        "DELETE FROM settings WHERE key IN ('import.schedule.' || ?1, 'import.schedule_last.' || ?1)",
        [id],
    )?;
    Ok(())
}

/// The stored secrets of an integration, for a connection test or an import. Stays in the backend.
pub fn load_secrets(db: &Db, store: &Secrets, id: i64) -> Result<BTreeMap<String, SecretString>> {
    let current = get(db, id)?;
    let mut out = BTreeMap::new();
    for key in current.secrets_set {
        if let Some(v) = store.get(&secret_id(id, &key))? {
            out.insert(key, v);
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
    db.conn()
        .query_row(&format!("{SELECT} WHERE i.id = ?1"), [id], from_row)
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
