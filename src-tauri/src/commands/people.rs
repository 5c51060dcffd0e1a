use ponte_core::people::{self, Person, PersonInput, PersonKind};
use ponte_core::ErrorReply;
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn people_search(
    state: State<'_, AppState>,
    query: String,
    kind: Option<PersonKind>,
) -> Result<Vec<Person>, ErrorReply> {
    state.with_db(|db| people::search(db, &query, kind))
}

#[tauri::command]
pub async fn person_get(state: State<'_, AppState>, id: i64) -> Result<Person, ErrorReply> {
    state.with_db(|db| people::get(db, id))
}

#[tauri::command]
pub async fn person_create(state: State<'_, AppState>, input: PersonInput) -> Result<Person, ErrorReply> {
    state.with_db(|db| people::create(db, &input))
}

#[tauri::command]
pub async fn person_update(state: State<'_, AppState>, id: i64, input: PersonInput) -> Result<Person, ErrorReply> {
    state.with_db(|db| people::update(db, id, &input))
}

#[tauri::command]
pub async fn person_delete(state: State<'_, AppState>, id: i64) -> Result<(), ErrorReply> {
    state.with_db(|db| people::delete(db, id))
}
