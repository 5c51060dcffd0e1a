//! Integration types, declared once: each type's fields (kind, section, required, default, rules,
//! catalogue keys for label and help), which of them are secrets, and what "Testar conexão" calls.
//! The UI renders its form from [`IntegrationTypeSpec`]; the core validates with the same declaration.
//! Adding a type = one module here + its catalogue texts; no UI code.

pub mod infotravel;
pub mod paytourist;
pub mod wooba;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldIssue;
use crate::url_rules;

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

    pub fn spec(self) -> IntegrationTypeSpec {
        match self {
            Self::Infotravel => infotravel::spec(),
            Self::Wooba => wooba::spec(),
            Self::Paytourist => paytourist::spec(),
        }
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

    pub(crate) fn text(ty: IntegrationType, key: &str, section: Section) -> Self {
        Self::new(ty, key, FieldKind::Text, section)
    }

    pub(crate) fn url(ty: IntegrationType, key: &str, section: Section) -> Self {
        Self {
            max_len: 500,
            ..Self::new(ty, key, FieldKind::Url, section)
        }
    }

    pub(crate) fn secret(ty: IntegrationType, key: &str, section: Section) -> Self {
        Self::new(ty, key, FieldKind::Secret, section)
    }

    pub(crate) fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub(crate) fn rule(mut self, rule: Rule) -> Self {
        self.rule = rule;
        self
    }

    pub(crate) fn max(mut self, n: u32) -> Self {
        self.max_len = n;
        self
    }

    pub(crate) fn placeholder(mut self, p: &str) -> Self {
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
    /// Whether tokens of this type are managed in Tokens de API rather than on the form.
    pub tokens_elsewhere: bool,
}

impl IntegrationTypeSpec {
    pub(crate) fn new(ty: IntegrationType, fields: Vec<FieldSpec>) -> Self {
        let base = format!("integration.{}", ty.as_str());
        Self {
            ty,
            name_key: format!("{base}.name"),
            summary_key: format!("{base}.summary"),
            before_key: format!("{base}.before"),
            fields,
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
    fn every_catalogue_key_of_every_type_exists_in_every_language() {
        for ty in IntegrationType::ALL {
            let spec = ty.spec();
            let mut keys = vec![spec.name_key.clone(), spec.summary_key.clone(), spec.before_key.clone()];
            for f in &spec.fields {
                keys.push(f.label_key.clone());
                keys.extend(f.help_key.clone());
            }
            for l in crate::i18n::LOCALES {
                for k in &keys {
                    assert!(l.catalogue().contains_key(k), "{}: missing {k}", l.tag());
                }
            }
        }
    }

    #[test]
    fn field_keys_are_unique_per_type() {
        for ty in IntegrationType::ALL {
            let spec = ty.spec();
            let mut keys: Vec<_> = spec.fields.iter().map(|f| f.key.as_str()).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), spec.fields.len(), "{ty:?}");
        }
    }

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
