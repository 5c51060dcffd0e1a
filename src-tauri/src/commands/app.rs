use ponte_core::app_info::AppInfo;
use ponte_core::i18n::Locale;
use ponte_core::{settings, ErrorReply};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, ErrorReply> {
    let locale = state.with_db(settings::locale).unwrap_or_else(|_| Locale::detect());
    Ok(AppInfo {
        version: ponte_core::VERSION.into(),
        data_dir: state.data_dir.display().to_string(),
        locale,
        startup_error: state.startup_error(),
    })
}

#[tauri::command]
pub async fn set_locale(state: State<'_, AppState>, locale: Locale) -> Result<(), ErrorReply> {
    state.with_db(|db| settings::set(db, settings::LOCALE, locale.tag()))
}

/// Whether Ponte starts with the system (hidden, in the tray) so reminders keep working.
#[tauri::command]
pub async fn autostart_get<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Result<bool, ErrorReply> {
    use tauri_plugin_autostart::ManagerExt;
    app.autolaunch()
        .is_enabled()
        .map_err(|e| ponte_core::CoreError::Input(e.to_string()).reply())
}

#[tauri::command]
pub async fn autostart_set<R: tauri::Runtime>(app: tauri::AppHandle<R>, enabled: bool) -> Result<bool, ErrorReply> {
    use tauri_plugin_autostart::ManagerExt;
    let m = app.autolaunch();
    let r = if enabled { m.enable() } else { m.disable() };
    r.and_then(|_| m.is_enabled())
        .map_err(|e| ponte_core::CoreError::Input(e.to_string()).reply())
}
