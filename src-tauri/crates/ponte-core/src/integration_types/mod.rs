//! Integration types: the one list of supplier ids ([`IntegrationType`]) and the vocabulary a supplier
//! declares its form with (fields, sections, rules, which are secrets, catalogue keys for label and help,
//! capabilities). The UI renders its form from [`IntegrationTypeSpec`]; the core validates with the same
//! declaration ([`validate_values`]).
//!
//! The declarations themselves live with their supplier (`ponte-suppliers/src/<supplier>/form.rs`), and
//! `ponte_suppliers::registry` hands them out. Beyond the ids, the core knows nothing of a supplier and
//! cannot depend on ponte-suppliers (which depends on it), so a core function that needs a type's spec
//! receives it from its caller (e.g. [`crate::integrations::create`] takes the spec next to the input):
//! no global hook to install, and a caller cannot forget it because it does not compile without it.
//!
//! Adding a type = its id below + its folder in ponte-suppliers (and its line in that crate's root) + its
//! catalogue texts; no UI code.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldIssue;
use crate::url_rules;

/// The id of every supplier Ponte integrates with: stored in the database, sent to the window. Each has
/// exactly one supplier in `ponte_suppliers::registry` (checked there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IntegrationType {
    Infotravel,
    Wooba,
    Paytourist,
}

impl IntegrationType {
    pub const ALL: [IntegrationType; 3] = [Self::Infotravel, Self::Wooba, Self::Paytourist];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Infotravel => "infotravel",
            Self::Wooba => "wooba",
            Self::Paytourist => "paytourist",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FieldKind {
    Text,
    /// A web address: https, or http only to this machine (loopback).
    Url,
    /// Write-only: kept in the OS keyring, never shown again.
    Secret,
}

/// Extra rule on a text value, beyond required / max length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Rule {
    None,
    /// Digits only (agency codes, ids).
    Digits,
    /// Letters, digits, `-` and `_` (supplier identifiers, municipality slugs).
    Identifier,
    /// Lower-case letters, digits and `-`: becomes part of a host name.
    Subdomain,
}

/// Which part of the form a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Section {
    /// The fields the user's setup instructions list (docs/PROTOCOLS.md#integration-forms).
    Main,
    /// "Acesso à API": credentials of the integration user.
    ApiAccess,
    /// Rarely needed overrides.
    Advanced,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FieldSpec {
    pub key: String,
    pub kind: FieldKind,
    pub section: Section,
    pub required: bool,
    pub rule: Rule,
    pub max_len: u32,
    pub default: Option<String>,
    pub placeholder: Option<String>,
    /// Catalogue keys.
    pub label_key: String,
    pub help_key: Option<String>,
}

impl FieldSpec {
    fn new(ty: IntegrationType, key: &str, kind: FieldKind, section: Section) -> Self {
        let base = format!("integration.{}.{key}", ty.as_str());
        Self {
            key: key.into(),
            kind,
            section,
            required: true,
            rule: Rule::None,
            max_len: if kind == FieldKind::Secret { 4096 } else { 200 },
            default: None,
            placeholder: None,
            label_key: format!("{base}.label"),
            help_key: Some(format!("{base}.help")),
        }
    }

    pub fn text(ty: IntegrationType, key: &str, section: Section) -> Self {
        Self::new(ty, key, FieldKind::Text, section)
    }

    pub fn url(ty: IntegrationType, key: &str, section: Section) -> Self {
        Self {
            max_len: 500,
            ..Self::new(ty, key, FieldKind::Url, section)
        }
    }

    pub fn secret(ty: IntegrationType, key: &str, section: Section) -> Self {
        Self::new(ty, key, FieldKind::Secret, section)
    }

    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub fn rule(mut self, rule: Rule) -> Self {
        self.rule = rule;
        self
    }

    pub fn max(mut self, n: u32) -> Self {
        self.max_len = n;
        self
    }

    pub fn placeholder(mut self, p: &str) -> Self {
        self.placeholder = Some(p.into());
        self
    }
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IntegrationTypeSpec {
    #[serde(rename = "type")]
    pub ty: IntegrationType,
    /// Catalogue keys of the type's name, one-line summary and the steps to do before filling the form.
    pub name_key: String,
    pub summary_key: String,
    pub before_key: String,
    /// Type-specific fields in form order (Descrição and Pessoa vinculada come first for every type).
    pub fields: Vec<FieldSpec>,
    /// Capability: it has sales to import (Importar vendas, Vendas, the daily schedule offer it).
    pub has_sales: bool,
    /// Capability: its API tokens are kept in Tokens de API (Booking users, live checks, expiry reminders).
    pub has_tokens: bool,
    /// Whether the form says its tokens are managed in Tokens de API: the same as `has_tokens`, under the
    /// name the form screen reads.
    pub tokens_elsewhere: bool,
}

impl IntegrationTypeSpec {
    /// A type's declaration with no capabilities; `ponte_suppliers::registry` sets them from what the
    /// supplier implements.
    pub fn new(ty: IntegrationType, fields: Vec<FieldSpec>) -> Self {
        let base = format!("integration.{}", ty.as_str());
        Self {
            ty,
            name_key: format!("{base}.name"),
            summary_key: format!("{base}.summary"),
            before_key: format!("{base}.before"),
            fields,
            has_sales: false,
            has_tokens: false,
            tokens_elsewhere: false,
        }
    }

    pub fn field(&self, key: &str) -> Option<&FieldSpec> {
        self.fields.iter().find(|f| f.key == key)
    }

    pub fn secret_keys(&self) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(|f| f.kind == FieldKind::Secret)
            .map(|f| f.key.as_str())
    }
}

fn check_rule(rule: Rule, v: &str) -> bool {
    match rule {
        Rule::None => true,
        Rule::Digits => v.chars().all(|c| c.is_ascii_digit()),
        Rule::Identifier => v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        Rule::Subdomain => {
            v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !v.starts_with('-')
                && !v.ends_with('-')
        }
    }
}

/// Validates and normalises the non-secret values of a form against the declaration.
/// Unknown keys are refused (a typo in a CLI `--field` must not be silently dropped).
pub fn validate_values(
    spec: &IntegrationTypeSpec,
    values: &BTreeMap<String, String>,
    issues: &mut Vec<FieldIssue>,
) -> BTreeMap<String, String> {
    let mut clean = BTreeMap::new();
    for key in values.keys() {
        match spec.field(key) {
            None => issues.push(FieldIssue::new(key, "error.field.unknown")),
            Some(f) if f.kind == FieldKind::Secret => issues.push(FieldIssue::new(key, "error.field.secret_as_value")),
            Some(_) => {}
        }
    }
    for f in spec.fields.iter().filter(|f| f.kind != FieldKind::Secret) {
        let v = values
            .get(&f.key)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .or_else(|| f.default.clone());
        let Some(v) = v else {
            if f.required {
                issues.push(FieldIssue::new(&f.key, "error.field.required"));
            }
            continue;
        };
        if v.chars().count() > f.max_len as usize {
            issues.push(FieldIssue::new(&f.key, "error.field.too_long").with("max", f.max_len));
            continue;
        }
        if f.kind == FieldKind::Url {
            match url_rules::check(&v) {
                Ok(normalised) => {
                    clean.insert(f.key.clone(), normalised);
                }
                Err(key) => issues.push(FieldIssue::new(&f.key, key)),
            }
            continue;
        }
        if !check_rule(f.rule, &v) {
            let key = match f.rule {
                Rule::Digits => "error.field.digits_only",
                Rule::Identifier => "error.field.identifier",
                Rule::Subdomain => "error.field.subdomain",
                Rule::None => "error.field.invalid",
            };
            issues.push(FieldIssue::new(&f.key, key));
            continue;
        }
        clean.insert(f.key.clone(), v);
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(check_rule(Rule::Digits, "00123"));
        assert!(!check_rule(Rule::Digits, "12a"));
        assert!(check_rule(Rule::Identifier, "BWT_1-x"));
        assert!(!check_rule(Rule::Identifier, "BWT 1"));
        assert!(check_rule(Rule::Subdomain, "reggio-emilia"));
        assert!(!check_rule(Rule::Subdomain, "Roma"));
        assert!(!check_rule(Rule::Subdomain, "-roma"));
    }
}
