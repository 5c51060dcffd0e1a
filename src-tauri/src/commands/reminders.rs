use ponte_core::expiries::{self, Expiry, ReminderSettings, ReminderSettingsInput};
use ponte_core::ErrorReply;
use tauri::State;

use crate::reminder_engine::ReminderWake;
use crate::state::AppState;

#[tauri::command]
pub async fn expiries_list(state: State<'_, AppState>) -> Result<Vec<Expiry>, ErrorReply> {
    state.with_db(expiries::list)
}

#[tauri::command]
pub async fn reminder_settings_get(state: State<'_, AppState>) -> Result<ReminderSettings, ErrorReply> {
    state.with_db(expiries::reminder_settings)
}

#[tauri::command]
pub async fn reminder_settings_set(
    state: State<'_, AppState>,
    wake: State<'_, ReminderWake>,
    input: ReminderSettingsInput,
) -> Result<ReminderSettings, ErrorReply> {
    let s = state.with_db(|db| expiries::set_reminder_settings(db, &input))?;
    wake.poke();
    Ok(s)
}

/// Gives an integration secret an expiry date (or removes it with `null`).
#[tauri::command]
pub async fn secret_expiry_set(
    state: State<'_, AppState>,
    wake: State<'_, ReminderWake>,
    integration_id: i64,
    field: String,
    expires_on: Option<String>,
) -> Result<(), ErrorReply> {
    state.with_db(|db| expiries::set_secret_expiry(db, integration_id, &field, expires_on.as_deref()))?;
    wake.poke();
    Ok(())
}
