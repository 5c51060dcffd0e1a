//! Supplier presets ("BWT Operadora" on each API it offers): data in `presets.json`, not code. A preset
//! picks a type and pre-fills the description and the fields with the values of
//! docs/PROTOCOLS.md#integration-forms.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::integration_types::IntegrationType;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Preset {
    pub id: String,
    #[serde(rename = "type")]
    pub ty: IntegrationType,
    pub label: String,
    pub description: String,
    /// Name to search in Pessoas for the linked company.
    pub person_hint: Option<String>,
    pub values: BTreeMap<String, String>,
}

pub fn all() -> &'static [Preset] {
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS.get_or_init(|| serde_json::from_str(include_str!("../presets.json")).expect("presets.json is tested"))
}

pub fn find(id: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// That each preset fills only declared fields with valid values is checked where the forms are
    /// declared (ponte-suppliers' `tests/registry.rs`).
    #[test]
    fn presets_load_and_are_found_by_id() {
        assert!(all().len() >= 2);
        assert!(find("no-such-preset").is_none());
        assert_eq!(
            find("bwt-wooba").unwrap().values["url"],
            "https://bwtoperadora.travellink.com.br/"
        );
    }
}
