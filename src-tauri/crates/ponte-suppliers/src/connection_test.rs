//! "Testar conexão": one real, harmless call by the type's supplier ([`crate::Supplier::test_connection`])
//! with the values of the form, saved or not ([`crate::gather::test_input`] collects them).

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::http::Limits;
use crate::supplier::Form;
use crate::{registry, SupplierError};

/// A passed test: a catalogue key and its parameters, e.g. "authenticated, token valid for 60 min".
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TestSuccess {
    pub key: String,
    pub params: BTreeMap<String, String>,
}

pub async fn run(form: &Form, limits: &Limits) -> Result<TestSuccess, SupplierError> {
    registry::get(form.ty).test_connection(form, limits).await
}
