use ponte_core::error::FieldIssue;
use ponte_core::tokens::{self, ApiToken, BookingUser, BookingUserInput, NewToken, TokenDates};
use ponte_core::{CoreError, ErrorReply};
use ponte_suppliers::http::Limits;
use ponte_suppliers::{token_check, SupplierError};
use secrecy::SecretString;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::clipboard::SecretClipboard;
use crate::reminder_engine::ReminderWake;
use crate::state::AppState;

#[tauri::command]
pub async fn booking_software() -> Result<Vec<String>, ErrorReply> {
    Ok(tokens::SOFTWARE.iter().map(|s| s.to_string()).collect())
}

#[tauri::command]
pub async fn booking_users(state: State<'_, AppState>) -> Result<Vec<BookingUser>, ErrorReply> {
    state.with_db(|db| tokens::users(db, None))
}

#[tauri::command]
pub async fn booking_user_create(
    state: State<'_, AppState>,
    input: BookingUserInput,
) -> Result<BookingUser, ErrorReply> {
    state.with_db(|db| tokens::create_user(db, &input))
}

async fn verify(state: &AppState, booking_user_id: i64, token: &SecretString) -> Result<(), ErrorReply> {
    let t = state.with_db(|db| token_check::target(db, booking_user_id))?;
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
    pub notices: Vec<FieldIssue>,
}

/// + Novo token: clean what was pasted, refuse a duplicate, verify it live, store it in the keyring.
/// Nothing is stored unless PayTourist accepted it.
#[tauri::command]
pub async fn token_add(
    state: State<'_, AppState>,
    wake: State<'_, ReminderWake>,
    booking_user_id: i64,
    name: String,
    token: String,
    dates: TokenDates,
    replaces: Option<i64>,
) -> Result<TokenSaved, ErrorReply> {
    let (value, mut notices) = tokens::clean_pasted(&token).map_err(|e| e.reply())?;
    drop(token);
    if name.trim().is_empty() {
        return Err(CoreError::invalid("name", "error.field.required").reply());
    }
    let (created, expires, date_notices) = tokens::check_dates(&dates).map_err(|e| e.reply())?;
    notices.extend(date_notices);
    let store = state.secrets()?;
    if state.with_db(|db| tokens::is_duplicate(db, &store, &value))? {
        return Err(CoreError::invalid("token", "error.token.duplicate").reply());
    }
    verify(&state, booking_user_id, &value).await?;
    let verified_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let saved = state.with_db_mut(|db| {
        tokens::add(
            db,
            &store,
            &NewToken {
                booking_user_id,
                name: &name,
                token: &value,
                created_on: created,
                expires_on: expires,
                verified_at: Some(verified_at.clone()),
                replaces,
            },
        )
    })?;
    wake.poke();
    Ok(TokenSaved { token: saved, notices })
}

/// Verificar agora: a live check; a 401 marks the token rejected and notifies at once.
#[tauri::command]
pub async fn token_verify<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> Result<ApiToken, ErrorReply> {
    let store = state.secrets()?;
    let (user, value) = state.with_db(|db| Ok((tokens::token(db, id)?.booking_user_id, tokens::value(&store, id)?)))?;
    let target = state.with_db(|db| token_check::target(db, user))?;
    let outcome = token_check::verify(&target, &value, &Limits::default()).await;
    let code = token_check::check_code(&outcome);
    let t = state.with_db(|db| tokens::record_check(db, id, code))?;
    if code == "rejected" {
        let expiry = state.with_db(|db| {
            let list = ponte_core::expiries::list(db)?;
            Ok((
                ponte_core::settings::locale(db)?,
                list.into_iter().find(|e| e.token_id == Some(id)),
            ))
        })?;
        if let (locale, Some(e)) = expiry {
            crate::notify::show(&app, locale, "rejected", &e);
        }
    }
    match outcome {
        Ok(()) | Err(SupplierError::TokenRejected) => Ok(t),
        Err(e) => Err(e.reply()),
    }
}

/// Copies the token to the clipboard from the backend; cleared after 30 s if unchanged.
#[tauri::command]
pub async fn token_copy(
    state: State<'_, AppState>,
    clipboard: State<'_, SecretClipboard>,
    id: i64,
) -> Result<u32, ErrorReply> {
    let store = state.secrets()?;
    let (value, secs) = state.with_db(|db| {
        Ok((
            tokens::value(&store, id)?,
            ponte_core::expiries::reminder_settings(db)?.clipboard_clear_secs,
        ))
    })?;
    clipboard
        .copy(value, std::time::Duration::from_secs(u64::from(secs)))
        .map_err(|e| CoreError::Input(e.to_string()).reply())?;
    Ok(secs)
}

#[tauri::command]
pub async fn token_set_expiry(
    state: State<'_, AppState>,
    wake: State<'_, ReminderWake>,
    id: i64,
    dates: TokenDates,
) -> Result<ApiToken, ErrorReply> {
    let t = state.with_db(|db| tokens::set_expiry(db, id, &dates))?;
    wake.poke();
    Ok(t)
}

#[tauri::command]
pub async fn token_activate(state: State<'_, AppState>, id: i64) -> Result<ApiToken, ErrorReply> {
    state.with_db_mut(|db| tokens::activate(db, id))
}

#[tauri::command]
pub async fn token_rotation_step(state: State<'_, AppState>, id: i64, step: String) -> Result<ApiToken, ErrorReply> {
    if !["added", "verified", "activated", "pasted", "done"].contains(&step.as_str()) {
        return Err(CoreError::invalid("step", "error.field.invalid").reply());
    }
    state.with_db(|db| tokens::set_rotation_step(db, id, &step))
}

#[tauri::command]
pub async fn token_delete(
    state: State<'_, AppState>,
    wake: State<'_, ReminderWake>,
    id: i64,
) -> Result<(), ErrorReply> {
    let store = state.secrets()?;
    state.with_db(|db| tokens::delete(db, &store, id))?;
    wake.poke();
    Ok(())
}
