use ponte_core::integration_types::{IntegrationType, IntegrationTypeSpec};
use ponte_core::integrations::{self, Integration, IntegrationFilter, IntegrationInput, SaveOutcome};
use ponte_core::presets::{self, Preset};
use ponte_core::vendor_settings::{self, WoobaSettings, WoobaSettingsInput};
use ponte_core::{i18n, settings, ErrorReply};
use ponte_suppliers::connection_test::{self, TestSuccess};
use ponte_suppliers::http::Limits;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn integration_types() -> Result<Vec<IntegrationTypeSpec>, ErrorReply> {
    Ok(IntegrationType::ALL.iter().map(|t| t.spec()).collect())
}

#[tauri::command]
pub async fn integration_presets() -> Result<Vec<Preset>, ErrorReply> {
    Ok(presets::all().to_vec())
}

#[tauri::command]
pub async fn integrations_list(
    state: State<'_, AppState>,
    filter: IntegrationFilter,
) -> Result<Vec<Integration>, ErrorReply> {
    state.with_db(|db| integrations::list(db, &filter))
}

#[tauri::command]
pub async fn integration_get(state: State<'_, AppState>, id: i64) -> Result<Integration, ErrorReply> {
    state.with_db(|db| integrations::get(db, id))
}

#[tauri::command]
pub async fn integration_create(
    state: State<'_, AppState>,
    input: IntegrationInput,
) -> Result<SaveOutcome, ErrorReply> {
    let store = state.secrets()?;
    state.with_db_mut(|db| integrations::create(db, &store, &input))
}

#[tauri::command]
pub async fn integration_update(
    state: State<'_, AppState>,
    id: i64,
    input: IntegrationInput,
) -> Result<SaveOutcome, ErrorReply> {
    let store = state.secrets()?;
    state.with_db_mut(|db| integrations::update(db, &store, id, &input))
}

/// A draft copy for the form: same fields, secrets asked again.
#[tauri::command]
pub async fn integration_duplicate(state: State<'_, AppState>, id: i64) -> Result<IntegrationInput, ErrorReply> {
    state.with_db(|db| {
        let locale = settings::locale(db)?;
        let suffix = i18n::t(locale, "common.copy_suffix", &Default::default());
        integrations::duplicate_draft(db, id, &suffix)
    })
}

#[tauri::command]
pub async fn integration_set_enabled(
    state: State<'_, AppState>,
    id: i64,
    enabled: bool,
) -> Result<Integration, ErrorReply> {
    state.with_db(|db| integrations::set_enabled(db, id, enabled))
}

#[tauri::command]
pub async fn integration_delete(state: State<'_, AppState>, id: i64) -> Result<(), ErrorReply> {
    let store = state.secrets()?;
    state.with_db_mut(|db| integrations::delete(db, &store, id))
}

/// "Testar conexão" for a saved integration (`id`), a form draft (`input`), or a draft of a saved one
/// (typed secrets win over stored ones). The outcome is recorded on the saved integration.
#[tauri::command]
pub async fn integration_test(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: Option<IntegrationInput>,
) -> Result<TestSuccess, ErrorReply> {
    let store = state.secrets()?;
    let test_input = state.with_db(|db| ponte_suppliers::gather::test_input(db, &store, id, input.as_ref()))?;
    let outcome = connection_test::run(&test_input, &Limits::default()).await;
    if let Some(id) = id {
        let code = outcome.as_ref().err().map(|e| e.code());
        state.with_db(|db| integrations::record_test(db, id, code))?;
    }
    outcome.map_err(|e| {
        log::warn!("connection test failed: {}", e.code());
        e.reply()
    })
}

#[tauri::command]
pub async fn wooba_settings_get(state: State<'_, AppState>) -> Result<WoobaSettings, ErrorReply> {
    let store = state.secrets()?;
    state.with_db(|db| vendor_settings::wooba(db, &store))
}

#[tauri::command]
pub async fn wooba_settings_set(
    state: State<'_, AppState>,
    input: WoobaSettingsInput,
) -> Result<WoobaSettings, ErrorReply> {
    let store = state.secrets()?;
    state.with_db(|db| vendor_settings::set_wooba(db, &store, &input))
}
