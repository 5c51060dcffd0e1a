//! The hostile supplier (feature `control`): redirects to another origin, replies that drip, error replies
//! that echo the credentials back (raw or JSON-escaped), lists that never end and replies with one field
//! missing, null, of the wrong type, huge, nested without end or not UTF-8. [`crate::faults`] picks them.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::faults::{collect, Mutation, Supplier};

/// Largest request body read by a fault (the simulator's own requests are small).
const REQUEST_LIMIT: usize = 1 << 20;

pub(crate) fn redirect(status: u16, location: &str) -> Response {
    let status = StatusCode::from_u16(status)
        .ok()
        .filter(StatusCode::is_redirection)
        .unwrap_or(StatusCode::TEMPORARY_REDIRECT);
    let mut r = (status, [(header::CONTENT_TYPE, "application/json")], "{}").into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

pub(crate) async fn drip(response: Response, every: Duration) -> Response {
    let (mut parts, bytes) = collect(response).await;
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    let stream = futures_util::stream::unfold(0usize, move |i| {
        let bytes = bytes.clone();
        async move {
            if i >= bytes.len() {
                return None;
            }
            if i > 0 {
                tokio::time::sleep(every).await;
            }
            Some((Ok::<Bytes, std::io::Error>(bytes.slice(i..i + 1)), i + 1))
        }
    });
    Response::from_parts(parts, Body::from_stream(stream))
}

/// JSON string content with every non-ASCII character as `\uXXXX` and `/` as `\/` (as some Java and
/// PHP encoders write it).
pub(crate) fn escape_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out
}

pub(crate) async fn echo(request: Request, status: u16, levels: u8, pad: usize) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, REQUEST_LIMIT).await.unwrap_or_default();
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .unwrap_or_default()
    };
    let mut text = format!(
        "{}{} {} Authorization: {} Developer-Token: {} body: {}",
        ".".repeat(pad),
        parts.method,
        parts.uri.path(),
        header("authorization"),
        header("developer-token"),
        String::from_utf8_lossy(&body)
    );
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    if levels == 0 {
        return (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response();
    }
    for _ in 1..levels {
        text = escape_ascii(&text);
    }
    let body = format!("{{\"code\":\"ECHO\",\"message\":\"{}\"}}", escape_ascii(&text));
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn rewrite_json(response: Response, f: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Response {
    let (mut parts, bytes) = collect(response).await;
    parts.headers.remove(header::CONTENT_LENGTH);
    let out = match serde_json::from_slice::<Value>(&bytes) {
        Ok(mut v) => {
            if let Some(map) = v.as_object_mut() {
                f(map);
            }
            serde_json::to_vec(&v).map(Bytes::from).unwrap_or(bytes)
        }
        Err(_) => bytes,
    };
    Response::from_parts(parts, Body::from(out))
}

pub(crate) async fn endless(supplier: Supplier, repeat: bool, request: Request, next: Next) -> Response {
    match supplier {
        Supplier::Infotravel => {
            let (mut parts, body) = request.into_parts();
            let query = parts.uri.query().unwrap_or("").to_string();
            let asked: u64 = query
                .split('&')
                .find_map(|p| p.strip_prefix("page="))
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            let served = if repeat { 0 } else { asked % 2 };
            let query: Vec<String> = query
                .split('&')
                .filter(|p| !p.starts_with("page=") && !p.is_empty())
                .map(str::to_string)
                .chain(std::iter::once(format!("page={served}")))
                .collect();
            if let Ok(uri) = format!("{}?{}", parts.uri.path(), query.join("&")).parse::<Uri>() {
                parts.uri = uri;
            }
            let normal = next.run(Request::from_parts(parts, body)).await;
            rewrite_json(normal, |page| {
                let total = page.get("totalPages").and_then(Value::as_u64).unwrap_or(0);
                page.insert("number".into(), json!(asked));
                page.insert("last".into(), json!(false));
                page.insert("totalPages".into(), json!(total.max(asked.saturating_add(2))));
            })
            .await
        }
        Supplier::Wooba => {
            let (mut parts, body) = request.into_parts();
            let bytes = axum::body::to_bytes(body, REQUEST_LIMIT).await.unwrap_or_default();
            let mut asked = 1;
            let body = match serde_json::from_slice::<Value>(&bytes) {
                Ok(Value::Object(mut rq)) => {
                    asked = rq.get("Page").and_then(Value::as_u64).unwrap_or(1).max(1);
                    let served = if repeat { 1 } else { (asked - 1) % 2 + 1 };
                    rq.insert("Page".into(), json!(served));
                    serde_json::to_vec(&rq).map(Bytes::from).unwrap_or(bytes)
                }
                _ => bytes,
            };
            parts.headers.remove(header::CONTENT_LENGTH);
            let normal = next.run(Request::from_parts(parts, Body::from(body))).await;
            rewrite_json(normal, |reply| {
                if reply.contains_key("Sales") {
                    let total = reply.get("TotalPages").and_then(Value::as_u64).unwrap_or(0);
                    reply.insert("Page".into(), json!(asked));
                    reply.insert("TotalPages".into(), json!(total.max(asked.saturating_add(1))));
                }
            })
            .await
        }
        Supplier::PayTourist => next.run(request).await,
    }
}

/// Stands for a value written out as raw bytes after serialising (nesting, invalid UTF-8).
const MARK: &str = "\u{E000}ponte-sim-mark\u{E000}";

pub(crate) async fn mutate(response: Response, field: &str, m: &Mutation) -> Response {
    let (mut parts, bytes) = collect(response).await;
    parts.headers.remove(header::CONTENT_LENGTH);
    let Ok(mut v) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let path: Vec<&str> = if field.is_empty() {
        Vec::new()
    } else {
        field.split('.').collect()
    };
    change(&mut v, &path, m);
    let mut out = serde_json::to_vec(&v).unwrap_or_default();
    let raw: Option<Vec<u8>> = match m {
        Mutation::Nested => Some(["[".repeat(100_000), "]".repeat(100_000)].concat().into_bytes()),
        Mutation::InvalidUtf8 => Some(b"\"caf\xc3\x28 \xff\xfe senha\"".to_vec()),
        _ => None,
    };
    if let Some(raw) = raw {
        let quoted = format!("\"{MARK}\"");
        if let Some(at) = out.windows(quoted.len()).position(|w| w == quoted.as_bytes()) {
            out.splice(at..at + quoted.len(), raw);
        }
    }
    Response::from_parts(parts, Body::from(out))
}

fn change(v: &mut Value, path: &[&str], m: &Mutation) {
    let Some((last, parents)) = path.split_last() else {
        *v = changed(v, m);
        return;
    };
    let mut cur = v;
    for seg in parents {
        cur = match cur {
            Value::Object(map) => match map.get_mut(*seg) {
                Some(next) => next,
                None => return,
            },
            Value::Array(list) => match seg.parse::<usize>().ok().and_then(|i| list.get_mut(i)) {
                Some(next) => next,
                None => return,
            },
            _ => return,
        };
    }
    match cur {
        Value::Object(map) => {
            if *m == Mutation::Missing {
                map.remove(*last);
            } else {
                let old = map.get(*last).cloned().unwrap_or(Value::Null);
                map.insert(last.to_string(), changed(&old, m));
            }
        }
        Value::Array(list) => {
            if let Some(i) = last.parse::<usize>().ok().filter(|i| *i < list.len()) {
                if *m == Mutation::Missing {
                    list.remove(i);
                } else {
                    list[i] = changed(&list[i], m);
                }
            }
        }
        _ => {}
    }
}

fn changed(old: &Value, m: &Mutation) -> Value {
    match m {
        Mutation::Missing | Mutation::Null => Value::Null,
        Mutation::WrongType => match old {
            Value::Number(_) => json!("not a number"),
            Value::String(_) => json!(12345),
            Value::Bool(_) => json!("yes"),
            Value::Array(_) => json!({ "0": "not a list" }),
            Value::Object(_) => json!("not an object"),
            Value::Null => json!([true]),
        },
        Mutation::Huge => match old {
            Value::String(_) => Value::String("A".repeat(512 * 1024)),
            Value::Array(_) => Value::Array(vec![Value::Null; 20_000]),
            Value::Object(_) => Value::Object((0..20_000).map(|i| (format!("k{i}"), json!(i))).collect()),
            _ => json!(u64::MAX),
        },
        Mutation::Nested | Mutation::InvalidUtf8 => Value::String(MARK.into()),
        Mutation::Value(x) => x.clone(),
    }
}
