use std::time::Duration;

use ponte_core::error::FieldIssue;
use ponte_core::tokens::{self, ApiToken, BookingUser, NewToken};
use ponte_core::{expiries, settings, CoreError, ErrorReply};
use ponte_suppliers::http::Limits;
use ponte_suppliers::{token_check, SupplierError};
use secrecy::SecretString;
use serde::Serialize;

use crate::request as rq;
use crate::Api;

pub async fn software(_: &Api, _: rq::booking_software) -> Result<Vec<String>, ErrorReply> {
    Ok(tokens::SOFTWARE.iter().map(|s| s.to_string()).collect())
}

pub async fn users(api: &Api, _: rq::booking_users) -> Result<Vec<BookingUser>, ErrorReply> {
    api.with_db(|db| tokens::users(db, None))
}

pub async fn user_create(api: &Api, r: rq::booking_user_create) -> Result<BookingUser, ErrorReply> {
    api.with_db(|db| tokens::create_user(db, &r.input))
}

async fn verify_live(api: &Api, booking_user_id: i64, token: &SecretString) -> Result<(), ErrorReply> {
    let t = api.with_db(|db| token_check::target(db, booking_user_id))?;
    token_check::verify(&t, token, &Limits::default()).await.map_err(|e| {
        let mut r = e.reply();
        r.field = Some("token".into());
        r
    })
}

#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TokenSaved {
    pub token: ApiToken,
    /// What cleaning the paste changed ("Bearer " removed, line breaks trimmed), to tell the user.
    pub notices: Vec<FieldIssue>,
}

/// + Novo token: clean what was pasted, refuse a duplicate, verify it live, store it in the keyring.
pub async fn add(api: &Api, r: rq::token_add) -> Result<TokenSaved, ErrorReply> {
    let (value, mut notices) = tokens::clean_pasted(r.token.expose()).map_err(|e| e.reply())?;
    drop(r.token);
    if r.name.trim().is_empty() {
        return Err(CoreError::invalid("name", "error.field.required").reply());
    }
    let (created, expires, date_notices) = tokens::check_dates(&r.dates).map_err(|e| e.reply())?;
    notices.extend(date_notices);
    let store = api.secrets()?;
    if api.with_shared_db(|db| tokens::is_duplicate_shared(db, &store, &value))? {
        return Err(CoreError::invalid("token", "error.token.duplicate").reply());
    }
    verify_live(api, r.booking_user_id, &value).await?;
    let verified_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let saved = api.with_shared_db(|db| {
        tokens::add_shared(
            db,
            &store,
            &NewToken {
                booking_user_id: r.booking_user_id,
                name: &r.name,
                token: &value,
                created_on: created,
                expires_on: expires,
                verified_at: Some(verified_at.clone()),
                replaces: r.replaces,
            },
        )
    })?;
    changed(api);
    Ok(TokenSaved { token: saved, notices })
}

/// A 401 marks the token rejected and notifies at once.
pub async fn verify(api: &Api, r: rq::token_verify) -> Result<ApiToken, ErrorReply> {
    let store = api.secrets()?;
    let user = api.with_db(|db| Ok(tokens::token(db, r.id)?.booking_user_id))?;
    // The keyring without the database lock.
    let value = tokens::value(&store, r.id).map_err(|e| e.reply())?;
    let target = api.with_db(|db| token_check::target(db, user))?;
    let outcome = token_check::verify(&target, &value, &Limits::default()).await;
    let code = token_check::check_code(&outcome);
    let t = api.with_db(|db| tokens::record_check(db, r.id, code))?;
    if code == "rejected" {
        let (locale, expiry) = api.with_db(|db| {
            let list = expiries::list(db)?;
            Ok((
                settings::locale(db)?,
                list.into_iter().find(|e| e.token_id == Some(r.id)),
            ))
        })?;
        if let Some(e) = expiry {
            if let Err(err) = api.host.notify(locale, "rejected", &e) {
                log::warn!("rejected-token notification not shown: {err}");
            }
        }
        api.host.expiries_changed();
    }
    match outcome {
        Ok(()) | Err(SupplierError::TokenRejected) => Ok(t),
        Err(e) => Err(e.reply()),
    }
}

pub async fn copy(api: &Api, r: rq::token_copy) -> Result<u32, ErrorReply> {
    let store = api.secrets()?;
    let secs = api.with_db(|db| {
        tokens::token(db, r.id)?;
        Ok(expiries::reminder_settings(db)?.clipboard_clear_secs)
    })?;
    let value = tokens::value(&store, r.id).map_err(|e| e.reply())?;
    api.host
        .copy_secret(value, Duration::from_secs(u64::from(secs)))
        .map_err(|e| CoreError::Input(e).reply())?;
    Ok(secs)
}

pub async fn set_expiry(api: &Api, r: rq::token_set_expiry) -> Result<ApiToken, ErrorReply> {
    let t = api.with_db(|db| tokens::set_expiry(db, r.id, &r.dates))?;
    changed(api);
    Ok(t)
}

pub async fn activate(api: &Api, r: rq::token_activate) -> Result<ApiToken, ErrorReply> {
    api.with_db_mut(|db| tokens::activate(db, r.id))
}

pub async fn rotation_step(api: &Api, r: rq::token_rotation_step) -> Result<ApiToken, ErrorReply> {
    api.with_db(|db| tokens::set_rotation_step(db, r.id, r.step))
}

pub async fn delete(api: &Api, r: rq::token_delete) -> Result<(), ErrorReply> {
    let store = api.secrets()?;
    api.with_shared_db(|db| tokens::delete_shared(db, &store, r.id))?;
    changed(api);
    Ok(())
}

fn changed(api: &Api) {
    api.reminders_changed.poke();
    api.host.expiries_changed();
}
