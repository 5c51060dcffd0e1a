use ponte_core::{i18n, settings, ErrorReply};
use tauri::State;

use crate::demo::{self, Demo, DemoStatus};
use crate::state::AppState;

#[tauri::command]
pub async fn demo_status(state: State<'_, AppState>) -> Result<DemoStatus, ErrorReply> {
    state.with_db(demo::status)
}

/// Starts the simulator and creates (or re-points) the demo integrations.
#[tauri::command]
pub async fn demo_start(state: State<'_, AppState>, demo: State<'_, Demo>) -> Result<DemoStatus, ErrorReply> {
    let store = state.secrets()?;
    state.with_db_mut(|db| {
        let suffix = i18n::t(settings::locale(db)?, "demo.suffix", &Default::default());
        demo.start(db, &store, &suffix)
    })
}

#[tauri::command]
pub async fn demo_remove(state: State<'_, AppState>, demo: State<'_, Demo>) -> Result<DemoStatus, ErrorReply> {
    let store = state.secrets()?;
    state.with_db_mut(|db| demo.remove(db, &store))
}
