//! The HTTP side: `POST /api/{command}` runs a command (token required), `/__test/*` lets tests look
//! inside (token required), everything else is the built UI with the window's CSP.
//!
//! A command's reply is streamed as JSON lines: zero or more `{"event": …}`, then one `{"ok": …}` or
//! `{"err": ErrorReply}` — so progress events travel on the same request, as on a Tauri channel.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ponte_api::{Api, EventSink};
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::services::Recorded;

pub struct Shared {
    pub api: Arc<Api>,
    pub token: String,
    pub recorded: Arc<Mutex<Recorded>>,
    pub sim_info: Value,
    pub db_path: PathBuf,
    /// Every reply line sent to the page (events included), for the secret scan.
    pub replies: Arc<Mutex<Vec<u8>>>,
}

type S = State<Arc<Shared>>;

fn authorized(s: &Shared, headers: &HeaderMap) -> bool {
    let expected = format!("Bearer {}", s.token);
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == expected)
}

fn refused() -> Response {
    (StatusCode::UNAUTHORIZED, "this host needs its per-run token").into_response()
}

struct LineSink {
    tx: mpsc::UnboundedSender<Bytes>,
    seen: Arc<Mutex<Vec<u8>>>,
}

impl LineSink {
    fn emit(&self, b: Bytes) {
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(&b);
        let _ = self.tx.send(b);
    }
}

fn line(v: &Value) -> Bytes {
    let mut s = v.to_string();
    s.push('\n');
    Bytes::from(s)
}

impl EventSink for LineSink {
    fn send(&self, event: Value) {
        self.emit(line(&json!({ "event": event })));
    }
}

async fn command(State(s): S, Path(name): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&s, &headers) {
        return refused();
    }
    let args: Value = if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(_) => return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response(),
        }
    };
    let (tx, rx) = mpsc::unbounded_channel::<Bytes>();
    let api = s.api.clone();
    let sink = LineSink {
        tx,
        seen: s.replies.clone(),
    };
    tokio::spawn(async move {
        let last = match ponte_api::dispatch(&api, &name, args, &sink).await {
            Ok(v) => json!({ "ok": v }),
            Err(e) => json!({ "err": e }),
        };
        sink.emit(line(&last));
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, Infallible>(b), rx))
    });
    Response::builder()
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::from_stream(stream))
        .expect("static headers are valid")
}

/// What the host recorded (clipboard, notifications, autostart) and where the simulator is.
async fn test_state(State(s): S, headers: HeaderMap) -> Response {
    if !authorized(&s, &headers) {
        return refused();
    }
    let r = s.recorded.lock().unwrap_or_else(|p| p.into_inner()).clone();
    Json(json!({ "recorded": r, "sim": s.sim_info, "data_dir": s.api.data_dir })).into_response()
}

/// A keyring entry's value (`?id=integration/1/password`), or null: tests check what was stored.
async fn test_secret(State(s): S, headers: HeaderMap, body: Bytes) -> Response {
    // The token is checked before the body is even read.
    if !authorized(&s, &headers) {
        return refused();
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response();
    };
    let Some(id) = body.get("id").and_then(Value::as_str) else {
        return (StatusCode::BAD_REQUEST, "id?").into_response();
    };
    let store = match s.api.secrets() {
        Ok(st) => st,
        Err(e) => return (StatusCode::SERVICE_UNAVAILABLE, Json(json!(e))).into_response(),
    };
    use secrecy::ExposeSecret;
    let parts: Vec<&str> = id.splitn(3, '/').collect();
    let id = match parts.as_slice() {
        [owner, n, field] if n.parse::<i64>().is_ok() => {
            ponte_core::secrets::SecretId::new(owner, n.parse().unwrap_or_default(), field)
        }
        _ => return (StatusCode::BAD_REQUEST, "id: owner/number/field").into_response(),
    };
    let v = store.get(&id).ok().flatten().map(|v| v.expose_secret().to_owned());
    Json(json!({ "value": v })).into_response()
}

/// A read-only SQL query on the data folder's database (its own connection), rows as arrays.
async fn test_sql(State(s): S, headers: HeaderMap, body: Bytes) -> Response {
    // The token is checked before the body is even read.
    if !authorized(&s, &headers) {
        return refused();
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response();
    };
    let sql = body.get("sql").and_then(Value::as_str).unwrap_or_default().to_owned();
    let path = s.db_path.clone();
    let rows = tokio::task::spawn_blocking(move || -> Result<Vec<Vec<Value>>, String> {
        let conn = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| e.to_string())?;
        let mut st = conn.prepare(&sql).map_err(|e| e.to_string())?;
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => Value::Null,
                            rusqlite::types::ValueRef::Integer(x) => json!(x),
                            rusqlite::types::ValueRef::Real(x) => json!(x),
                            rusqlite::types::ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
                            rusqlite::types::ValueRef::Blob(b) => json!(b.len()),
                        })
                    })
                    .collect::<Result<Vec<_>, rusqlite::Error>>()
            })
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<Vec<_>, _>>().map_err(|e| e.to_string())
    })
    .await;
    match rows {
        Ok(Ok(rows)) => Json(json!({ "rows": rows })).into_response(),
        Ok(Err(e)) => (StatusCode::BAD_REQUEST, e).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// Whether `needle` occurs in `hay`: candidates by their first byte, then compared.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    let mut from = 0;
    while let Some(p) = hay[from..].iter().position(|&b| b == first) {
        let at = from + p;
        if hay[at + 1..].starts_with(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Every file under `dir` that holds one of `needles`, as "path: what".
fn walk(dir: &std::path::Path, needles: &[(String, Vec<u8>)], hits: &mut Vec<String>, files: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, needles, hits, files),
            Ok(t) if t.is_file() => {
                let Ok(bytes) = std::fs::read(&p) else { continue };
                *files += 1;
                for (what, n) in needles {
                    if contains(&bytes, n) {
                        hits.push(format!("{}: {what}", p.display()));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Where each of `secrets` (and its JSON-escaped form) appears: every file of the data folder (the
/// database, its WAL, logs, exports) and every reply the page received. The keyring is not scanned: it is
/// where secrets belong. Tests call it after each journey and expect no hit.
async fn test_scan(State(s): S, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&s, &headers) {
        return refused();
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response();
    };
    let secrets: Vec<String> = body
        .get("secrets")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter(|x| x.len() >= 4)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let mut needles: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, sec) in secrets.iter().enumerate() {
        needles.push((format!("secret #{i}"), sec.as_bytes().to_vec()));
        let escaped = serde_json::to_string(sec).unwrap_or_default();
        let escaped = escaped.trim_matches('"');
        if escaped != sec {
            needles.push((format!("secret #{i} (JSON-escaped)"), escaped.as_bytes().to_vec()));
        }
    }
    let data_dir = s.api.data_dir.clone();
    let replies = s.replies.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let reply_bytes = replies.len();
    // Reading and searching a large database takes a while: off the async workers.
    let scanned = tokio::task::spawn_blocking(move || {
        let mut hits = Vec::new();
        let mut files = 0usize;
        walk(&data_dir, &needles, &mut hits, &mut files);
        for (what, n) in &needles {
            if contains(&replies, n) {
                hits.push(format!("a reply to the page: {what}"));
            }
        }
        (hits, files)
    })
    .await;
    let Ok((hits, files)) = scanned else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "the scan failed").into_response();
    };
    Json(json!({ "hits": hits, "files": files, "reply_bytes": reply_bytes, "secrets": secrets.len() })).into_response()
}

/// Bulk history for list tests (`{integration_id, count}`): plain SQL rows, as many as a big agency has,
/// without running an import of that size. The import path itself is tested with real imports.
async fn test_seed_sales(State(s): S, headers: HeaderMap, body: Bytes) -> Response {
    // The token is checked before the body is even read.
    if !authorized(&s, &headers) {
        return refused();
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response();
    };
    let id = body.get("integration_id").and_then(Value::as_i64).unwrap_or(0);
    let n = body.get("count").and_then(Value::as_u64).unwrap_or(0).min(2_000_000);
    let path = s.db_path.clone();
    let done = tokio::task::spawn_blocking(move || -> Result<(), String> {
        let conn = rusqlite::Connection::open(&path).map_err(|e| e.to_string())?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(|e| e.to_string())?;
        conn.execute_batch(&format!(
            "BEGIN;
             WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {n})
             INSERT INTO sales (integration_id, supplier_sale_id, locators, sale_date, status, supplier_status,
                 customer_name, total_cents, currency, needs_manual_payment, content_hash, raw, first_imported_at, updated_at)
             SELECT {id}, 'H' || i, 'HIST' || i, date('now', '-' || (30 + i % 700) || ' days'), 'confirmed', 'CONFIRMED',
                 'Cliente histórico ' || i, 10000 + i * 7, 'BRL', i % 10 = 0, '', '{{}}', datetime('now'), datetime('now') FROM k;
             INSERT INTO sale_products (sale_id, position, kind, supplier_type)
                 SELECT id, 0, 'hotel', 'bookingHotels' FROM sales WHERE integration_id = {id} AND supplier_sale_id LIKE 'H%';
             COMMIT;"
        ))
        .map_err(|e| e.to_string())
    })
    .await;
    match done {
        Ok(Ok(())) => Json(json!({ "seeded": n })).into_response(),
        Ok(Err(e)) => (StatusCode::BAD_REQUEST, e).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

pub fn router(shared: Arc<Shared>, ui_dir: PathBuf, csp: String) -> Router {
    let csp = HeaderValue::from_str(&csp).expect("the CSP is a valid header");
    let ui = ServeDir::new(ui_dir).append_index_html_on_directories(true);
    Router::new()
        .route("/api/{command}", post(command))
        .route("/__test/state", get(test_state))
        .route("/__test/secret", post(test_secret))
        .route("/__test/sql", post(test_sql))
        .route("/__test/seed-sales", post(test_seed_sales))
        .route("/__test/scan", post(test_scan))
        // Browsers ask for it; the app has none (the window never asks).
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .with_state(shared)
        .fallback_service(ui)
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, csp))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}
