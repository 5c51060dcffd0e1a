use std::path::PathBuf;

use ponte_core::sales::{self, SaleDetail, SalesCursor, SalesFilter, SalesPage};
use ponte_core::{sales_csv, CoreError, ErrorReply};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

#[tauri::command]
pub async fn sales_page(
    state: State<'_, AppState>,
    filter: SalesFilter,
    cursor: Option<SalesCursor>,
    limit: u32,
) -> Result<SalesPage, ErrorReply> {
    state.with_db(|db| sales::page(db, &filter, cursor.as_ref(), limit))
}

#[tauri::command]
pub async fn sales_count(state: State<'_, AppState>, filter: SalesFilter) -> Result<i64, ErrorReply> {
    state.with_db(|db| sales::count(db, &filter))
}

#[tauri::command]
pub async fn sale_detail(state: State<'_, AppState>, id: i64) -> Result<SaleDetail, ErrorReply> {
    state.with_db(|db| sales::detail(db, id))
}

#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CsvExport {
    pub path: String,
    #[ts(type = "number")]
    pub rows: u64,
}

/// Exports the filtered sales to CSV. Without `path`, asks where with the system's save dialog
/// (`None` back when the user cancels it).
#[tauri::command]
pub async fn sales_export_csv<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    filter: SalesFilter,
    separator: String,
    path: Option<String>,
) -> Result<Option<CsvExport>, ErrorReply> {
    let sep = match separator.as_str() {
        ";" => b';',
        _ => b',',
    };
    let path: PathBuf = match path {
        Some(p) => PathBuf::from(p),
        None => {
            let picked = app
                .dialog()
                .file()
                .add_filter("CSV", &["csv"])
                .set_file_name("vendas.csv")
                .blocking_save_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    if path.extension().and_then(|e| e.to_str()) != Some("csv") {
        return Err(CoreError::invalid("path", "error.export.extension").reply());
    }
    let file = std::fs::File::create(&path).map_err(|e| CoreError::Input(e.to_string()).reply())?;
    let rows = state.with_db(|db| {
        let locale = ponte_core::settings::locale(db)?;
        sales_csv::export(db, &filter, std::io::BufWriter::new(file), sep, locale)
    })?;
    Ok(Some(CsvExport {
        path: path.display().to_string(),
        rows,
    }))
}
