//! Small, explicit readers over `serde_json::Value` for supplier records: a field of the wrong type makes
//! that one record malformed (reported), never the whole page, and never a panic.

use serde_json::value::RawValue;
use serde_json::Value;

pub type Malformed = String;

pub fn str_opt<'a>(v: &'a Value, key: &str) -> Result<Option<&'a str>, Malformed> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(format!("{key}: expected text, got {}", kind(other))),
    }
}

pub fn string_opt(v: &Value, key: &str) -> Result<Option<String>, Malformed> {
    Ok(str_opt(v, key)?.map(String::from))
}

pub fn array<'a>(v: &'a Value, key: &str) -> Result<&'a [Value], Malformed> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a.as_slice()),
        Some(other) => Err(format!("{key}: expected a list, got {}", kind(other))),
    }
}

pub fn object<'a>(v: &'a Value, key: &str) -> Result<Option<&'a Value>, Malformed> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(o @ Value::Object(_)) => Ok(Some(o)),
        Some(other) => Err(format!("{key}: expected an object, got {}", kind(other))),
    }
}

/// An id that may come as a number or as text.
pub fn id_text(v: &Value, key: &str) -> Result<String, Malformed> {
    match v.get(key) {
        Some(id) => id_of(id).ok_or_else(|| format!("{key}: expected an id, got {}", kind(id))),
        None => Err(format!("{key}: missing")),
    }
}

/// The one rule for a record's id: a whole number, or text that is not blank (kept as sent).
fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

/// A record's id read without reading the rest of it (`key`: the supplier's name for it): the same
/// rule as [`id_text`]; `None` when the record is not an object or has no usable id.
pub fn record_id(record: &RawValue, key: &str) -> Option<String> {
    struct Visit<'k>(&'k str);
    impl<'de> serde::de::Visitor<'de> for Visit<'_> {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a record")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            // The last value under the key counts, as when the record is read whole.
            let mut id = None;
            while let Some(is_id) = map.next_key_seed(KeyIs(self.0))? {
                if is_id {
                    id = Some(map.next_value::<Value>()?);
                } else {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
            Ok(id.as_ref().and_then(id_of))
        }
    }
    /// Compares a key with the id's name without copying it (a record has dozens of keys).
    struct KeyIs<'k>(&'k str);
    impl<'de> serde::de::DeserializeSeed<'de> for KeyIs<'_> {
        type Value = bool;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            d.deserialize_str(self)
        }
    }
    impl serde::de::Visitor<'_> for KeyIs<'_> {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a key")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<bool, E> {
            Ok(v == self.0)
        }
    }
    let mut de = serde_json::Deserializer::from_str(record.get());
    serde::Deserializer::deserialize_any(&mut de, Visit(key)).ok().flatten()
}

/// For a page's counters (`totalPages`…): a whole number, or nothing (whatever else was sent).
pub fn lenient_u64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(<Value as serde::Deserialize>::deserialize(d)?.as_u64())
}

/// For a page's flags (`last`): true/false, or nothing (whatever else was sent).
pub fn lenient_bool<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(<Value as serde::Deserialize>::deserialize(d)?.as_bool())
}

/// Reads a record for a mapping written over [`Value`] (it is valid JSON: it came in a parsed page).
pub fn record_value(record: &RawValue) -> Result<Value, Malformed> {
    serde_json::from_str(record.get()).map_err(|e| format!("record: {e}"))
}

pub fn cents(v: &Value, key: &str) -> Result<Option<i64>, Malformed> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(x) => ponte_core::money::cents_of(x)
            .map(Some)
            .ok_or_else(|| format!("{key}: expected an amount, got {}", kind(x))),
    }
}

pub fn bool_opt(v: &Value, key: &str) -> Result<Option<bool>, Malformed> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(format!("{key}: expected true/false, got {}", kind(other))),
    }
}

/// A day as Ponte stores, sorts and filters it, `YYYY-MM-DD`: years 1 to 9999 only (beyond them chrono
/// writes `+10000-01-01` or `-0001-12-31`, which would sort and filter wrongly). Found by fuzzing.
pub fn day(d: chrono::NaiveDate, key: &str) -> Result<String, Malformed> {
    use chrono::Datelike;
    if (1..=9999).contains(&d.year()) {
        Ok(d.format("%Y-%m-%d").to_string())
    } else {
        Err(format!("{key}: year {} is not a sale's", d.year()))
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
