use ponte_core::{CoreError, ErrorReply};
use ponte_suppliers::SupplierError;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Core(#[from] CoreError),
    #[error(transparent)]
    Supplier(#[from] SupplierError),
    /// Its supplier has no sales to import (its spec's `has_sales` is false).
    #[error("this integration type has no sales to import")]
    NotImportable,
    #[error("the integration is disabled")]
    Disabled,
    #[error("an import is already running for this integration")]
    AlreadyRunning,
    /// `--resume` / Continuar of a run that cannot be continued (finished, a document, continued already).
    #[error("this import cannot be continued")]
    NotResumable,
}

impl ImportError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Core(e) => e.code(),
            Self::Supplier(e) => e.code(),
            Self::NotImportable => "not_importable",
            Self::Disabled => "integration_disabled",
            Self::AlreadyRunning => "import_running",
            Self::NotResumable => "not_resumable",
        }
    }

    pub fn reply(&self) -> ErrorReply {
        match self {
            Self::Core(e) => e.reply(),
            Self::Supplier(e) => e.reply(),
            _ => ErrorReply {
                code: self.code().into(),
                key: format!("error.import.{}", self.code()),
                field: None,
                fields: Vec::new(),
                params: Default::default(),
            },
        }
    }
}
