//! Lembretes: every credential that expires (API tokens, integration secrets with an expiry date),
//! soonest first, and the reminder settings and record that the reminder engine works from.

use chrono::{NaiveDate, SecondsFormat, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{CoreError, FieldIssue, Result};
use crate::reminders::{self, Credential, Due, QuietHours, Sent};
use crate::settings;

const THRESHOLDS: &str = "reminders.thresholds";
const QUIET: &str = "reminders.quiet_hours";
const CLIPBOARD: &str = "clipboard.clear_after_secs";
pub const DEFAULT_CLIPBOARD_SECS: u32 = 30;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Expiry {
    /// `token:<id>` or `secret:<integration>:<field>`.
    pub key: String,
    pub label: String,
    pub integration: String,
    #[ts(type = "number")]
    pub integration_id: i64,
    #[ts(type = "number | null")]
    pub token_id: Option<i64>,
    pub expires_on: String,
    #[ts(type = "number")]
    pub days_left: i64,
}

impl Expiry {
    /// Where a click on this expiry's reminder (the notification, the tray menu, Início) opens the
    /// window: a token's rotation on Tokens de API, else the integrations (the secret is edited there).
    pub fn route(&self) -> String {
        match self.token_id {
            Some(id) => format!("#/tokens/{id}"),
            None => "#/integrations".to_string(),
        }
    }
}

pub fn list(db: &Db) -> Result<Vec<Expiry>> {
    let today = crate::tokens::today();
    let mut out = Vec::new();
    let mut stmt = db.conn().prepare(
        "SELECT t.id, t.name, u.name, i.description, i.id, t.expires_on FROM api_tokens t
         JOIN booking_users u ON u.id = t.booking_user_id JOIN integrations i ON i.id = u.integration_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        let token: String = r.get(1)?;
        let user: String = r.get(2)?;
        Ok(Expiry {
            key: format!("token:{id}"),
            label: format!("{token} ({user})"),
            integration: r.get(3)?,
            integration_id: r.get(4)?,
            token_id: Some(id),
            expires_on: r.get(5)?,
            days_left: 0,
        })
    })?;
    out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    let mut stmt = db.conn().prepare(
        "SELECT e.integration_id, e.field, i.description, e.expires_on FROM secret_expiries e
         JOIN integrations i ON i.id = e.integration_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        let field: String = r.get(1)?;
        Ok(Expiry {
            key: format!("secret:{id}:{field}"),
            label: field,
            integration: r.get(2)?,
            integration_id: id,
            token_id: None,
            expires_on: r.get(3)?,
            days_left: 0,
        })
    })?;
    out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    for e in &mut out {
        let d = NaiveDate::parse_from_str(&e.expires_on, "%Y-%m-%d").unwrap_or(today);
        e.days_left = (d - today).num_days();
    }
    out.sort_by(|a, b| a.expires_on.cmp(&b.expires_on).then(a.key.cmp(&b.key)));
    Ok(out)
}

pub fn credentials(db: &Db) -> Result<Vec<Credential>> {
    Ok(list(db)?
        .into_iter()
        .filter_map(|e| {
            NaiveDate::parse_from_str(&e.expires_on, "%Y-%m-%d")
                .ok()
                .map(|d| Credential {
                    key: e.key,
                    expires_on: d,
                })
        })
        .collect())
}

/// Sets (or clears, with `None`) the expiry of an integration secret. `spec` is the declaration of the
/// integration's type (the caller has it from the suppliers' registry): only its secret fields have an
/// expiry, and only for an integration of that type that exists.
pub fn set_secret_expiry(
    db: &Db,
    spec: &crate::integration_types::IntegrationTypeSpec,
    integration_id: i64,
    field: &str,
    expires_on: Option<&str>,
) -> Result<()> {
    if crate::integrations::get(db, integration_id)?.ty != spec.ty {
        return Err(CoreError::NotFound);
    }
    let secret = spec
        .fields
        .iter()
        .any(|f| f.key == field && f.kind == crate::integration_types::FieldKind::Secret);
    if !secret {
        return Err(CoreError::invalid("field", "error.field.unknown"));
    }
    match expires_on.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            db.conn().execute(
                "DELETE FROM secret_expiries WHERE integration_id = ?1 AND field = ?2",
                params![integration_id, field],
            )?;
        }
        Some(d) => {
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| CoreError::invalid("expires_on", "error.import.date_format"))?;
            db.conn().execute(
                "INSERT INTO secret_expiries (integration_id, field, expires_on) VALUES (?1, ?2, ?3)
                 ON CONFLICT (integration_id, field) DO UPDATE SET expires_on = excluded.expires_on",
                params![integration_id, field, d],
            )?;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReminderSettings {
    /// Days before expiry, e.g. [60, 30, 7, 1, 0].
    pub thresholds: Vec<u32>,
    pub quiet_hours: QuietHours,
    /// After how many seconds a copied token leaves the clipboard (if it is still there).
    pub clipboard_clear_secs: u32,
}

pub fn reminder_settings(db: &Db) -> Result<ReminderSettings> {
    let thresholds = settings::get(db, THRESHOLDS)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_else(|| reminders::DEFAULT_THRESHOLDS.to_vec());
    let quiet_hours = settings::get(db, QUIET)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let clipboard_clear_secs = settings::get(db, CLIPBOARD)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_CLIPBOARD_SECS);
    Ok(ReminderSettings {
        thresholds,
        quiet_hours,
        clipboard_clear_secs,
    })
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ReminderSettingsInput {
    #[ts(type = "number[]")]
    pub thresholds: Vec<i64>,
    pub quiet_hours: QuietHours,
    /// 5 to 600 seconds; unchanged when absent.
    #[serde(default)]
    #[ts(optional)]
    pub clipboard_clear_secs: Option<u32>,
}

pub fn set_reminder_settings(db: &Db, input: &ReminderSettingsInput) -> Result<ReminderSettings> {
    let thresholds = reminders::check_thresholds(&input.thresholds)
        .map_err(|key| CoreError::Invalid(vec![FieldIssue::new("thresholds", key)]))?;
    for (field, v) in [
        ("quiet_start", &input.quiet_hours.start),
        ("quiet_end", &input.quiet_hours.end),
    ] {
        if chrono::NaiveTime::parse_from_str(v, "%H:%M").is_err() {
            return Err(CoreError::invalid(field, "error.reminders.time"));
        }
    }
    if let Some(secs) = input.clipboard_clear_secs {
        if !(5..=600).contains(&secs) {
            return Err(CoreError::invalid(
                "clipboard_clear_secs",
                "error.reminders.clipboard_secs",
            ));
        }
        settings::set(db, CLIPBOARD, &secs.to_string())?;
    }
    settings::set(db, THRESHOLDS, &serde_json::to_string(&thresholds).unwrap_or_default())?;
    settings::set(
        db,
        QUIET,
        &serde_json::to_string(&input.quiet_hours).unwrap_or_default(),
    )?;
    reminder_settings(db)
}

pub fn sent(db: &Db) -> Result<Sent> {
    let mut stmt = db
        .conn()
        .prepare("SELECT credential, expires_on, threshold FROM reminders_sent")?;
    let rows = stmt.query_map([], |r| {
        let d: String = r.get(1)?;
        Ok((r.get::<_, String>(0)?, d, r.get::<_, u32>(2)?))
    })?;
    let mut out = Sent::new();
    for row in rows {
        let (k, d, t) = row?;
        if let Ok(d) = NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            out.insert(&k, d, t);
        }
    }
    Ok(out)
}

/// Records a fired reminder (and the thresholds it stood in for) so none fires twice.
pub fn mark_sent(db: &Db, due: &Due) -> Result<()> {
    let ts = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    for t in std::iter::once(due.threshold).chain(due.skipped.iter().copied()) {
        db.conn().execute(
            "INSERT OR IGNORE INTO reminders_sent (credential, expires_on, threshold, sent_at) VALUES (?1, ?2, ?3, ?4)",
            params![due.key, due.expires_on.to_string(), t, ts],
        )?;
    }
    Ok(())
}

/// The notification's button (besides the click on its body, which does the same): "Renovar agora"
/// for a token, "Abrir no Ponte" for an integration's secret.
pub fn notification_action_label(locale: crate::i18n::Locale, e: &Expiry) -> String {
    let key = if e.token_id.is_some() {
        "notify.action.rotate"
    } else {
        "notify.action.open"
    };
    crate::i18n::t(locale, key, &Default::default())
}

/// Title and body of a reminder notification (`kind`: expiring / expired / rejected), in `locale`.
pub fn notification_texts(locale: crate::i18n::Locale, kind: &str, e: &Expiry) -> (String, String) {
    use crate::i18n::{t, Locale};
    let mut p = std::collections::BTreeMap::new();
    p.insert("integration".to_string(), e.integration.clone());
    p.insert("label".to_string(), e.label.clone());
    p.insert("days".to_string(), e.days_left.max(0).to_string());
    let date = NaiveDate::parse_from_str(&e.expires_on, "%Y-%m-%d")
        .map(|d| match locale {
            Locale::En => d.format("%Y-%m-%d").to_string(),
            _ => d.format("%d/%m/%Y").to_string(),
        })
        .unwrap_or_else(|_| e.expires_on.clone());
    p.insert("date".to_string(), date);
    (
        t(locale, &format!("notify.{kind}.title"), &p),
        t(locale, &format!("notify.{kind}.body"), &p),
    )
}
