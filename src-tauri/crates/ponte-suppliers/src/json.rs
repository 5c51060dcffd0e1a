//! Readers for supplier records: a record is read into its supplier's typed form ([`read`], borrowing its
//! text); a field of the wrong type makes that one record malformed (reported with the field's path),
//! never the whole page, and never a panic. Ids, amounts and page counters follow one rule each here.

use serde_json::value::RawValue;
use serde_json::Value;

pub type Malformed = String;

/// An id that may come as a number or as text.
pub fn id_text(v: &Value, key: &str) -> Result<String, Malformed> {
    id_value(v.get(key), key)
}

/// [`id_text`] of the value found under `key` (None: the key is missing).
pub fn id_value(v: Option<&Value>, key: &str) -> Result<String, Malformed> {
    match v {
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

/// Reads a supplier record into its typed form `T` (borrowing its text where it can: no tree of values
/// is built); an error names the path of the field that was wrong, e.g. `bookingHotels[0].fares[1]:
/// invalid type: string "x", expected a number at line 1 column 412`.
pub fn read<'a, T: serde::Deserialize<'a>>(record: &'a RawValue) -> Result<T, Malformed> {
    let mut de = serde_json::Deserializer::from_str(record.get());
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            e.inner().to_string()
        } else {
            format!("{path}: {}", e.inner())
        }
    })
}

/// An element of a list that should be an object: anything else reads as an object with no fields, as
/// the records were always read (a field of a number is as missing as a missing field). A field of the
/// wrong type inside an object still makes the record unreadable.
#[derive(Debug, Default)]
pub struct Obj<T>(pub T);

impl<'de, T: serde::Deserialize<'de> + Default> serde::Deserialize<'de> for Obj<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de> + Default> serde::de::Visitor<'de> for Visit<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Obj)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Obj<T>, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Obj(T::default()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Obj<T>, E> {
                Ok(Obj(T::default()))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Obj<T>, E> {
                Ok(Obj(T::default()))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Obj<T>, E> {
                Ok(Obj(T::default()))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Obj<T>, E> {
                Ok(Obj(T::default()))
            }
            fn visit_str<E>(self, _: &str) -> Result<Obj<T>, E> {
                Ok(Obj(T::default()))
            }
            fn visit_unit<E>(self) -> Result<Obj<T>, E> {
                Ok(Obj(T::default()))
            }
        }
        d.deserialize_any(Visit(std::marker::PhantomData))
    }
}

/// A field (or a whole record, or a page) that must be an object: anything else is an error. (A derived
/// struct alone would also read a JSON list, field by field in order: found by fuzzing.)
#[derive(Debug)]
pub struct Map<T>(pub T);

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Map<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visit<T> {
            type Value = Map<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Map<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Map)
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// A list field: missing and `null` are an empty list (anything else but a list is an error).
pub fn list<'de, D: serde::Deserializer<'de>, T: serde::Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(<Option<Vec<T>> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// A record's id field ([`id_text`]'s rule): a whole number or text that is not blank.
pub fn id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    id_of(&v).ok_or_else(|| serde::de::Error::custom(format!("expected an id, got {}", kind(&v))))
}

/// An amount of money in cents: a number or numeric text, exact ([`ponte_core::money::cents_of`]);
/// missing and `null` are none.
pub fn amount<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    let v = <Value as serde::Deserialize>::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    ponte_core::money::cents_of(&v)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("expected an amount, got {}", kind(&v))))
}

/// A field read only where it means something (a hotel's rooms): kept as its text, read when needed,
/// so the same field of another kind of product is ignored whatever it holds, as it always was.
pub fn later<'a, T: serde::Deserialize<'a> + Default>(raw: Option<&'a RawValue>, key: &str) -> Result<T, Malformed> {
    match raw {
        None => Ok(T::default()),
        Some(r) => read::<Option<T>>(r)
            .map(Option::unwrap_or_default)
            .map_err(|e| format!("{key}: {e}")),
    }
}

/// A day as Ponte stores, sorts and filters it, `YYYY-MM-DD`: years 1 to 9999 only (beyond them chrono
/// writes `+10000-01-01` or `-0001-12-31`, which would sort and filter wrongly). Found by fuzzing.
/// The day `t` falls on in the agency's zone, as [`day`] writes it.
pub fn local_day<T: chrono::TimeZone>(
    t: &chrono::DateTime<T>,
    tz: ponte_core::zone::Zone,
    key: &str,
) -> Result<String, Malformed> {
    use chrono::Datelike;
    match tz.date_of(t) {
        Some(d) => day(d, key),
        None => Err(format!("{key}: year {} is not a sale's", t.naive_utc().year())),
    }
}

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
