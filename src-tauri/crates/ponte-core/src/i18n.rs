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

    /// The catalogue as embedded: Brotli-compressed JSON (build.rs says why).
    fn packed(self) -> &'static [u8] {
        match self {
            Self::PtBr => include_bytes!(concat!(env!("OUT_DIR"), "/pt-BR.json.br")),
            Self::It => include_bytes!(concat!(env!("OUT_DIR"), "/it.json.br")),
            Self::En => include_bytes!(concat!(env!("OUT_DIR"), "/en.json.br")),
        }
    }

    fn index(self) -> usize {
        match self {
            Self::PtBr => 0,
            Self::It => 1,
            Self::En => 2,
        }
    }

    /// This language's messages, unpacked the first time they are asked for (most runs need one language,
    /// and English for a missing key).
    pub fn catalogue(self) -> &'static BTreeMap<String, String> {
        static CATALOGUES: [OnceLock<BTreeMap<String, String>>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        CATALOGUES[self.index()].get_or_init(|| {
            let mut json = Vec::with_capacity(64 * 1024);
            brotli_decompressor::BrotliDecompress(&mut self.packed(), &mut json)
                .expect("the catalogues are compressed by build.rs and checked by tests");
            serde_json::from_slice(&json).expect("locale files are checked by tests")
        })
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
    fn embedded_catalogues_are_the_locale_files() {
        let files = [
            include_str!("../locales/pt-BR.json"),
            include_str!("../locales/it.json"),
            include_str!("../locales/en.json"),
        ];
        for (l, file) in LOCALES.into_iter().zip(files) {
            let from_file: BTreeMap<String, String> = serde_json::from_str(file).unwrap();
            assert_eq!(l.catalogue(), &from_file, "{}", l.tag());
            assert!(l.packed().len() * 3 < file.len(), "{} is barely compressed", l.tag());
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
