//! Small, explicit readers over `serde_json::Value` for supplier records: a field of the wrong type makes
//! that one record malformed (reported), never the whole page, and never a panic.

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
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Ok(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(other) => Err(format!("{key}: expected an id, got {}", kind(other))),
        None => Err(format!("{key}: missing")),
    }
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
