//! What the window asks for first: version, data folder, language, and whether start-up failed.

use serde::Serialize;
use ts_rs::TS;

use crate::error::ErrorReply;
use crate::i18n::Locale;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_dir: String,
    /// The language chosen in Configurações, else the OS language.
    pub locale: Locale,
    /// Set when the data folder or database could not be opened: the window shows it with the fix.
    pub startup_error: Option<ErrorReply>,
}
