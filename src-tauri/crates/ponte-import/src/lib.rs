//! Importar vendas: pulls sales from a supplier page by page and writes each page in one transaction,
//! so a cancel or a crash leaves whole sales only. Idempotent: a sale is keyed by (integration, supplier
//! sale id). Every run is recorded with its outcome; a preview classifies without writing.

pub mod error;
pub mod history;
pub mod lock;
pub mod query;
pub mod retry;
pub mod run;
pub mod schedule;
pub mod source;
pub mod windows;

pub use error::ImportError;
pub use run::{preview, run, Progress, RunOptions, RunSummary};
