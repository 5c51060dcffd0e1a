//! The message catalogue: one flat JSON file per language in `locales/`, shared with the UI (which imports
//! the same files). Keys are stable; texts say what to do. Placeholders are `{name}`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Locale {
    #[serde(rename = "pt-BR")]
    PtBr,
    #[serde(rename = "it")]
    It,
    #[serde(rename = "en")]
    En,
}

pub const LOCALES: [Locale; 3] = [Locale::PtBr, Locale::It, Locale::En];

impl Locale {
    pub fn tag(self) -> &'static str {
        match self {
            Self::PtBr => "pt-BR",
            Self::It => "it",
            Self::En => "en",
        }
    }

    /// Maps any BCP 47 / POSIX tag (`pt_BR.UTF-8`, `it-IT`, `pt`) to a supported language; English otherwise.
    pub fn from_tag(tag: &str) -> Self {
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("pt") {
            Self::PtBr
        } else if lower.starts_with("it") {
            Self::It
        } else {
            Self::En
        }
    }

    /// The language the OS session uses.
    pub fn detect() -> Self {
        sys_locale::get_locale().map(|t| Self::from_tag(&t)).unwrap_or(Self::En)
    }

    fn source(self) -> &'static str {
        match self {
            Self::PtBr => include_str!("../locales/pt-BR.json"),
            Self::It => include_str!("../locales/it.json"),
            Self::En => include_str!("../locales/en.json"),
        }
    }

    pub fn catalogue(self) -> &'static BTreeMap<String, String> {
        static CATALOGUES: OnceLock<[BTreeMap<String, String>; 3]> = OnceLock::new();
        let all = CATALOGUES.get_or_init(|| {
            LOCALES.map(|l| serde_json::from_str(l.source()).expect("locale files are checked by tests"))
        });
        &all[LOCALES.iter().position(|l| *l == self).unwrap_or(2)]
    }
}

/// Translates `key`, filling `{param}` placeholders; an unknown key falls back to English, then to the key.
pub fn t(locale: Locale, key: &str, params: &BTreeMap<String, String>) -> String {
    let text = locale
        .catalogue()
        .get(key)
        .or_else(|| Locale::En.catalogue().get(key))
        .map(String::as_str)
        .unwrap_or(key);
    let mut out = text.to_string();
    for (k, v) in params {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let en: Vec<_> = Locale::En.catalogue().keys().collect();
        for l in LOCALES {
            let keys: Vec<_> = l.catalogue().keys().collect();
            let missing: Vec<_> = en.iter().filter(|k| !keys.contains(k)).collect();
            let extra: Vec<_> = keys.iter().filter(|k| !en.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                l.tag()
            );
            for (k, v) in l.catalogue() {
                assert!(!v.trim().is_empty(), "{}: empty text for {k}", l.tag());
            }
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        let re = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(a, _)| a.to_string()))
                .collect();
            v.sort();
            v
        };
        for (k, en) in Locale::En.catalogue() {
            for l in LOCALES {
                assert_eq!(re(en), re(&l.catalogue()[k]), "{} placeholders differ for {k}", l.tag());
            }
        }
    }

    #[test]
    fn from_tag_maps_posix_and_bcp47() {
        assert_eq!(Locale::from_tag("pt_BR.UTF-8"), Locale::PtBr);
        assert_eq!(Locale::from_tag("it-IT"), Locale::It);
        assert_eq!(Locale::from_tag("de-DE"), Locale::En);
    }

    #[test]
    fn t_fills_params() {
        let mut p = BTreeMap::new();
        p.insert("max".to_string(), "200".to_string());
        assert!(t(Locale::It, "error.field.too_long", &p).contains("200"));
        assert_eq!(t(Locale::En, "no.such.key", &p), "no.such.key");
    }
}
