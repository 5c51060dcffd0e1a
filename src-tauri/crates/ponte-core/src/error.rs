//! Typed errors. Every variant maps to a stable `code`, a catalogue `key` (whose text names the fix,
//! in pt-BR, it and en) and, where it concerns one form field, that field. No variant ever carries a secret.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::secrets::SecretError;

/// One problem with one form field, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldIssue {
    pub field: String,
    /// Catalogue key, e.g. `error.field.required`.
    pub key: String,
    pub params: BTreeMap<String, String>,
}

impl FieldIssue {
    pub fn new(field: &str, key: &str) -> Self {
        Self {
            field: field.into(),
            key: key.into(),
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.params.insert(name.into(), value.to_string());
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldIssue>),
    #[error("another record (#{existing_id}, {existing_name}) already has this document")]
    DuplicateDocument {
        field: &'static str,
        existing_id: i64,
        existing_name: String,
    },
    #[error("not found")]
    NotFound,
    #[error("the person is linked to {count} integration(s)")]
    PersonInUse { count: i64 },
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("the database was written by a newer Ponte (schema {found}, this version knows {supported})")]
    NewerDatabase { found: usize, supported: usize },
    #[error("the data folder {path} cannot be used: {reason}")]
    DataDir { path: PathBuf, reason: String },
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("could not read the input: {0}")]
    Input(String),
}

/// What crosses IPC (and what the CLI prints with `--json`): never a secret, always a key to translate.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ErrorReply {
    pub code: String,
    /// Catalogue key of the message; its text says what to do.
    pub key: String,
    /// The field the error concerns, when there is exactly one.
    pub field: Option<String>,
    /// Every field problem, for forms that show them all at once.
    pub fields: Vec<FieldIssue>,
    pub params: BTreeMap<String, String>,
}

impl CoreError {
    pub fn invalid(field: &str, key: &str) -> Self {
        Self::Invalid(vec![FieldIssue::new(field, key)])
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid_input",
            Self::DuplicateDocument { .. } => "duplicate_document",
            Self::NotFound => "not_found",
            Self::PersonInUse { .. } => "person_in_use",
            Self::Database(_) => "database",
            Self::Migration(_) => "migration",
            Self::NewerDatabase { .. } => "newer_database",
            Self::DataDir { .. } => "data_dir",
            Self::Secret(e) => e.code(),
            Self::Input(_) => "input",
        }
    }

    pub fn reply(&self) -> ErrorReply {
        let mut params = BTreeMap::new();
        let mut fields = Vec::new();
        match self {
            Self::Invalid(issues) => fields = issues.clone(),
            Self::DuplicateDocument {
                field,
                existing_id,
                existing_name,
            } => {
                params.insert("name".into(), existing_name.clone());
                params.insert("id".into(), existing_id.to_string());
                fields.push(FieldIssue::new(field, "error.duplicate_document").with("name", existing_name));
            }
            Self::PersonInUse { count } => {
                params.insert("count".into(), count.to_string());
            }
            Self::Database(e) => {
                params.insert("detail".into(), e.to_string());
            }
            Self::Migration(detail) | Self::Input(detail) => {
                params.insert("detail".into(), detail.clone());
            }
            Self::NewerDatabase { found, supported } => {
                params.insert("found".into(), found.to_string());
                params.insert("supported".into(), supported.to_string());
            }
            Self::DataDir { path, reason } => {
                params.insert("path".into(), path.display().to_string());
                params.insert("detail".into(), reason.clone());
            }
            Self::Secret(e) => {
                params.insert("detail".into(), e.detail());
            }
            Self::NotFound => {}
        }
        let field = match fields.as_slice() {
            [one] => Some(one.field.clone()),
            _ => None,
        };
        ErrorReply {
            code: self.code().into(),
            key: format!("error.{}", self.code()),
            field,
            fields,
            params,
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
