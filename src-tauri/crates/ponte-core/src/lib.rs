//! Ponte's core: everything the app and the `ponte` CLI share, with no Tauri or WebKit dependency.
//!
//! One concept per module: [`documents`] checks CPF/CNPJ, [`people`] is Cadastros > Pessoas,
//! [`db`] opens and migrates the SQLite file, [`secrets`] is the only door to the OS keyring,
//! [`i18n`] holds the pt-BR / it / en catalogue, [`error`] the typed errors users see.

pub mod app_info;
pub mod data_dir;
pub mod db;
pub mod doctor;
pub mod documents;
pub mod error;
pub mod expiries;
pub mod expiry_calendar;
pub mod home;
pub mod i18n;
pub mod integration_types;
pub mod integrations;
pub mod money;
pub mod people;
pub mod presets;
pub mod reminder_run;
pub mod reminders;
pub mod sales;
pub mod sales_csv;
pub mod secrets;
pub mod settings;
pub mod text;
pub mod tokens;
pub mod url_rules;
pub mod vendor_settings;
pub mod webkit_painting;
pub mod zone;

pub use error::{CoreError, ErrorReply, FieldIssue};

/// Identifier shared with tauri.conf.json: the OS app-data folder is named after it.
pub const APP_IDENTIFIER: &str = "io.ponte.desktop";

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
