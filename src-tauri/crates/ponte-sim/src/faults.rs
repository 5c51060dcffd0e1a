//! Switchable faults: what goes wrong with a supplier, for how many requests. Feature `control` only.
//!
//! A fault is set from Rust ([`Faults::push`]) or over HTTP (`POST {base}/__sim/faults` with the
//! same JSON, `DELETE {base}/__sim/faults` to clear). Every supplier request passes through
//! `supplier_layer`, which takes the first matching fault, lets it shape the reply in the
//! supplier's own error dialect (an Infotravel 401 is JSON with `code`, a Wooba one is HTTP 200 with
//! `Exception`), and records the request in the log.

use std::collections::VecDeque;
use std::os::fd::{AsRawFd, BorrowedFd, RawFd};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::serve::IncomingStream;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;

use crate::reply::json_reply;
use crate::{infotravel, paytourist, wooba, SimState};

/// One of the three simulated suppliers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Supplier {
    Infotravel,
    Wooba,
    #[serde(rename = "paytourist")]
    PayTourist,
}

/// What goes wrong. In JSON, `{"kind": "rate_limited", "retry_after_secs": 2, …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// The supplier's "wrong credentials" reply: Infotravel 401 `INVALID_CREDENTIALS`, Wooba HTTP 200
    /// `CredencialInvalida`, PayTourist 401 `Unauthenticated.`.
    BadCredentials,
    /// Wooba only: HTTP 200 `IpNaoAutorizado` ("Inibir Restrição de IP" not set).
    IpBlocked,
    /// Wooba only: HTTP 200 `AccessCodeInvalido` (bad developer access code).
    BadAccessCode,
    /// Infotravel only: 403 `API_ACCESS_DENIED` (the agency's API permission not released).
    ApiAccessDenied,
    /// 429 with `Retry-After: <secs>`.
    RateLimited {
        #[serde(default = "one")]
        retry_after_secs: u64,
    },
    /// A transient 5xx (500 unless told).
    ServerError {
        #[serde(default = "five_hundred")]
        status: u16,
    },
    /// The normal reply, after a delay (to test timeouts).
    Slow { delay_ms: u64 },
    /// The normal reply's headers (with its full `Content-Length`) and the first half of its body,
    /// then the connection is closed (FIN).
    TruncatedBody,
    /// The same, but the connection is reset (RST) after the first half of the body.
    ConnectionReset,
    /// An HTML page (a proxy's or a maintenance page) instead of JSON, status 200 unless told.
    Html {
        #[serde(default = "two_hundred")]
        status: u16,
    },
    /// Status 200, `Content-Type: application/json`, no body at all.
    EmptyBody,
    /// The connection is closed before any byte of a reply ("empty reply from server").
    NoReply,
    /// The normal reply with `bytes` of JSON whitespace inside it (10 MiB unless told): still valid
    /// JSON of the right shape, only too big.
    Huge {
        #[serde(default = "ten_mib")]
        bytes: usize,
    },
    /// Valid JSON of the wrong shape (none of the expected fields, or the wrong types).
    WrongShape,
    /// One booking (Infotravel), sale (Wooba) or item (PayTourist) in the middle of an otherwise
    /// valid reply is malformed: its id stays, its date and amount have the wrong format.
    MalformedBooking,
    /// A redirect (307 unless told) to `location`, e.g. another port: a client that follows it would send
    /// the request again, body and headers (the credentials) included, to that other origin.
    Redirect {
        #[serde(default = "three_oh_seven")]
        status: u16,
        location: String,
    },
    /// The normal reply's headers (with its full `Content-Length`), then its body one byte every
    /// `interval_ms` (1 s unless told): a client without a bound on the whole exchange waits for ever.
    Drip {
        #[serde(default = "one_second_ms")]
        interval_ms: u64,
    },
    /// An error reply (400 unless told) that echoes what the client sent: method, path, the
    /// `Authorization` and `Developer-Token` headers and the body (credentials included), after `pad`
    /// filler characters. `escape_levels` 0: as plain text; 1: inside a JSON string (`{"code": "ECHO",
    /// "message": …}`, every non-ASCII character as `\uXXXX`, `/` as `\/`); 2: JSON-escaped twice.
    EchoCredentials {
        #[serde(default = "four_hundred")]
        status: u16,
        #[serde(default)]
        escape_levels: u8,
        #[serde(default)]
        pad: usize,
    },
    /// Sales lists that never end: every page says there is another one (Infotravel `last: false` and a
    /// `totalPages` that grows, Wooba a `TotalPages` past the page asked), always with sales in it.
    /// `repeat`: every page holds the first page's sales (no progress); else pages alternate between the
    /// first two.
    EndlessPages {
        #[serde(default)]
        repeat: bool,
    },
    /// The normal reply with one field changed: `field` is a dotted path (`expire_seconds`,
    /// `content.0.bookingAmount`, `Sales`; numbers index lists; empty: the whole reply).
    Mutate { field: String, mutation: Mutation },
    /// Anything else: this status, content type and body.
    Custom {
        status: u16,
        #[serde(default = "json_type")]
        content_type: String,
        #[serde(default)]
        body: String,
    },
}

/// How [`FaultKind::Mutate`] changes a field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mutation {
    /// Removed.
    Missing,
    /// `null`.
    Null,
    /// A value of another type (text for a number, a number for text, an object for a list…).
    WrongType,
    /// Huge: a number becomes 18446744073709551615, text 512 KiB long, a list or object 20 000 entries.
    Huge,
    /// Nested without end: 100 000 opening brackets, then as many closing ones.
    Nested,
    /// Text with bytes that are not UTF-8.
    InvalidUtf8,
    /// This value.
    Value(serde_json::Value),
}

fn one() -> u64 {
    1
}
fn three_oh_seven() -> u16 {
    307
}
fn four_hundred() -> u16 {
    400
}
fn one_second_ms() -> u64 {
    1000
}
fn five_hundred() -> u16 {
    500
}
fn two_hundred() -> u16 {
    200
}
fn ten_mib() -> usize {
    10 * 1024 * 1024
}
fn json_type() -> String {
    "application/json".into()
}
fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl FaultKind {
    /// Whether this kind means anything for this request; kinds that belong to one supplier leave the
    /// others alone, even when the fault was set for all suppliers.
    fn applies(&self, supplier: Supplier, path: &str) -> bool {
        match self {
            FaultKind::IpBlocked | FaultKind::BadAccessCode => supplier == Supplier::Wooba,
            FaultKind::ApiAccessDenied => supplier == Supplier::Infotravel,
            FaultKind::EndlessPages { .. } => match supplier {
                Supplier::Infotravel => path.ends_with("/booking"),
                Supplier::Wooba => path.ends_with("/sales/list"),
                Supplier::PayTourist => false,
            },
            FaultKind::MalformedBooking => match supplier {
                Supplier::Infotravel => path.contains("/booking"),
                Supplier::Wooba => path.contains("/sales/"),
                Supplier::PayTourist => true,
            },
            _ => true,
        }
    }

    fn name(&self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .unwrap_or_default()
    }
}

/// A fault and what it applies to. JSON: the kind's fields plus `supplier` (absent: all),
/// `count` (absent: until cleared), `skip` (let this many matching requests through first) and
/// `path_contains` (only requests whose path contains this).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    #[serde(flatten)]
    pub kind: FaultKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<Supplier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub skip: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_contains: Option<String>,
}

impl Fault {
    /// `kind` on every supplier, until cleared.
    pub fn new(kind: FaultKind) -> Fault {
        Fault {
            kind,
            supplier: None,
            count: None,
            skip: 0,
            path_contains: None,
        }
    }

    /// Only this supplier's requests.
    pub fn on(mut self, supplier: Supplier) -> Fault {
        self.supplier = Some(supplier);
        self
    }

    /// Only the next `n` matching requests.
    pub fn times(mut self, n: u32) -> Fault {
        self.count = Some(n);
        self
    }

    /// Let the first `n` matching requests through untouched.
    pub fn after(mut self, n: u32) -> Fault {
        self.skip = n;
        self
    }

    /// Only requests whose path contains `fragment` (e.g. `/authenticate`, `/booking`).
    pub fn on_path(mut self, fragment: &str) -> Fault {
        self.path_contains = Some(fragment.to_string());
        self
    }

    fn matches(&self, supplier: Supplier, path: &str) -> bool {
        self.supplier.is_none_or(|s| s == supplier)
            && self.path_contains.as_deref().is_none_or(|f| path.contains(f))
            && self.kind.applies(supplier, path)
    }
}

/// The active faults, in the order they were set. Shared by the server and its handle.
#[derive(Default)]
pub struct Faults {
    active: Mutex<Vec<Fault>>,
}

impl Faults {
    /// Adds a fault after the ones already active (one with `count: Some(0)` has nothing to do).
    pub fn push(&self, fault: Fault) {
        if fault.count != Some(0) {
            self.lock().push(fault);
        }
    }

    /// Removes every fault.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// Removes the faults set for this supplier (not those set for all).
    pub fn clear_supplier(&self, supplier: Supplier) {
        self.lock().retain(|f| f.supplier != Some(supplier));
    }

    /// The faults still active, with their remaining counts.
    pub fn active(&self) -> Vec<Fault> {
        self.lock().clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.active.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The fault this request gets, if any. Every matching fault still skipping counts the request;
    /// the first one done skipping fires and loses one of its count.
    pub(crate) fn take(&self, supplier: Supplier, path: &str) -> Option<FaultKind> {
        let mut active = self.lock();
        let mut fired = None;
        for (k, fault) in active.iter_mut().enumerate() {
            if !fault.matches(supplier, path) {
                continue;
            }
            if fault.skip > 0 {
                fault.skip -= 1;
                continue;
            }
            if fired.is_none() {
                fired = Some(k);
            }
        }
        let k = fired?;
        let kind = active[k].kind.clone();
        if let Some(count) = active[k].count.as_mut() {
            *count = count.saturating_sub(1);
            if *count == 0 {
                active.remove(k);
            }
        }
        Some(kind)
    }
}

// ---------------------------------------------------------------------------------------------
// Request log
// ---------------------------------------------------------------------------------------------

/// One request as the log keeps it: no header, no body, query values of secret-looking names hidden.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub supplier: Option<Supplier>,
    pub method: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub query: Option<String>,
    /// The status sent; `None` when the connection was closed before any reply.
    pub status: Option<u16>,
    /// The fault applied, by its JSON `kind`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fault: Option<String>,
    pub elapsed_ms: u64,
}

/// The last requests (bounded: a benchmark makes thousands).
pub(crate) struct RequestLog {
    limit: usize,
    records: Mutex<VecDeque<RequestRecord>>,
    counts: Mutex<[usize; 4]>,
}

impl RequestLog {
    pub(crate) fn new(limit: usize) -> RequestLog {
        RequestLog {
            limit,
            records: Mutex::new(VecDeque::new()),
            counts: Mutex::new([0; 4]),
        }
    }

    pub(crate) fn push(&self, record: RequestRecord) {
        let slot = match record.supplier {
            Some(Supplier::Infotravel) => 0,
            Some(Supplier::Wooba) => 1,
            Some(Supplier::PayTourist) => 2,
            None => 3,
        };
        self.counts.lock().unwrap_or_else(|e| e.into_inner())[slot] += 1;
        let mut records = self.records.lock().unwrap_or_else(|e| e.into_inner());
        if records.len() >= self.limit.max(1) {
            records.pop_front();
        }
        records.push_back(record);
    }

    pub(crate) fn records(&self) -> Vec<RequestRecord> {
        self.records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect()
    }

    /// Requests seen since the last clear (not bounded by the log's limit).
    pub(crate) fn count(&self, supplier: Option<Supplier>) -> usize {
        let counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        match supplier {
            Some(Supplier::Infotravel) => counts[0],
            Some(Supplier::Wooba) => counts[1],
            Some(Supplier::PayTourist) => counts[2],
            None => counts.iter().sum(),
        }
    }

    pub(crate) fn clear(&self) {
        self.records.lock().unwrap_or_else(|e| e.into_inner()).clear();
        *self.counts.lock().unwrap_or_else(|e| e.into_inner()) = [0; 4];
    }
}

/// The query string with the values of secret-looking parameters replaced by `***`.
pub(crate) fn redact_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| {
            let (name, _) = pair.split_once('=').unwrap_or((pair, ""));
            let lower = name.to_ascii_lowercase();
            if ["token", "password", "secret", "key", "auth"]
                .iter()
                .any(|s| lower.contains(s))
            {
                format!("{name}=***")
            } else {
                pair.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

// ---------------------------------------------------------------------------------------------
// The connection, for faults that close it
// ---------------------------------------------------------------------------------------------

/// The raw socket of the connection a request came on. Closing a connection on purpose (no reply,
/// reset) needs the socket, which hyper owns; the fd number is only used while the request is in
/// flight, when hyper still holds the socket open.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ConnFd(RawFd);

impl Connected<IncomingStream<'_, TcpListener>> for ConnFd {
    fn connect_info(stream: IncomingStream<'_, TcpListener>) -> Self {
        ConnFd(stream.io().as_raw_fd())
    }
}

impl ConnFd {
    fn with_socket(self, f: impl FnOnce(socket2::SockRef<'_>)) {
        // SAFETY: called only while the request is being answered, so hyper's TcpStream still owns
        // this fd and keeps it open; the borrow does not outlive the call.
        let fd = unsafe { BorrowedFd::borrow_raw(self.0) };
        f(socket2::SockRef::from(&fd));
    }

    /// Sends a FIN now: the client reads end-of-stream before any reply.
    fn close_now(self) {
        self.with_socket(|s| {
            let _ = s.shutdown(std::net::Shutdown::Both);
        });
    }

    /// Makes the coming close a reset (RST) instead of a FIN.
    fn reset_on_close(self) {
        self.with_socket(|s| {
            let _ = s.set_linger(Some(Duration::ZERO));
        });
    }
}

// ---------------------------------------------------------------------------------------------
// The layer in front of every supplier route
// ---------------------------------------------------------------------------------------------

/// Picks the request's fault, shapes the reply and logs the request.
pub(crate) async fn supplier_layer(
    State((state, supplier)): State<(Arc<SimState>, Supplier)>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let query = request.uri().query().map(redact_query);
    let conn = request.extensions().get::<ConnectInfo<ConnFd>>().map(|c| c.0);
    let fault = state.faults.take(supplier, &path);
    let mut status_sent = true;
    let response = match &fault {
        None => next.run(request).await,
        Some(kind) => {
            let (response, replied) = apply(kind, supplier, &path, conn, request, next).await;
            status_sent = replied;
            response
        }
    };
    state.log.push(RequestRecord {
        supplier: Some(supplier),
        method,
        path,
        query,
        status: status_sent.then_some(response.status().as_u16()),
        fault: fault.as_ref().map(FaultKind::name),
        elapsed_ms: started.elapsed().as_millis() as u64,
    });
    response
}

/// The reply under a fault, and whether a status line is sent at all.
async fn apply(
    kind: &FaultKind,
    supplier: Supplier,
    path: &str,
    conn: Option<ConnFd>,
    request: Request,
    next: Next,
) -> (Response, bool) {
    let native = |e: NativeError| match supplier {
        Supplier::Infotravel => infotravel::native_error(e),
        Supplier::Wooba => wooba::native_error(e),
        Supplier::PayTourist => paytourist::native_error(e),
    };
    let response = match kind {
        FaultKind::BadCredentials => native(NativeError::BadCredentials),
        FaultKind::IpBlocked => native(NativeError::IpBlocked),
        FaultKind::BadAccessCode => native(NativeError::BadAccessCode),
        FaultKind::ApiAccessDenied => native(NativeError::ApiAccessDenied),
        FaultKind::RateLimited { retry_after_secs } => {
            let mut r = native(NativeError::RateLimited(*retry_after_secs));
            *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            r
        }
        FaultKind::ServerError { status } => {
            let mut r = native(NativeError::Server);
            *r.status_mut() = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            r
        }
        FaultKind::Slow { delay_ms } => {
            tokio::time::sleep(Duration::from_millis(*delay_ms)).await;
            next.run(request).await
        }
        FaultKind::Html { status } => (
            StatusCode::from_u16(*status).unwrap_or(StatusCode::OK),
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            HTML_PAGE,
        )
            .into_response(),
        FaultKind::EmptyBody => (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], "").into_response(),
        FaultKind::NoReply => {
            if let Some(c) = conn {
                c.close_now();
            }
            return (StatusCode::OK.into_response(), false);
        }
        FaultKind::WrongShape => {
            let body = match supplier {
                Supplier::Infotravel => infotravel::wrong_shape(path),
                Supplier::Wooba => wooba::wrong_shape(),
                Supplier::PayTourist => paytourist::wrong_shape(),
            };
            json_reply(StatusCode::OK, &body)
        }
        FaultKind::Custom {
            status,
            content_type,
            body,
        } => (
            StatusCode::from_u16(*status).unwrap_or(StatusCode::OK),
            [(header::CONTENT_TYPE, content_type.clone())],
            body.clone(),
        )
            .into_response(),
        FaultKind::TruncatedBody | FaultKind::ConnectionReset => {
            let normal = next.run(request).await;
            cut_short(normal, conn, matches!(kind, FaultKind::ConnectionReset)).await
        }
        FaultKind::Huge { bytes } => {
            let normal = next.run(request).await;
            rewrite_body(normal, |body| pad(body, *bytes)).await
        }
        FaultKind::Redirect { status, location } => crate::hostile::redirect(*status, location),
        FaultKind::Drip { interval_ms } => {
            let normal = next.run(request).await;
            crate::hostile::drip(normal, Duration::from_millis(*interval_ms)).await
        }
        FaultKind::EchoCredentials {
            status,
            escape_levels,
            pad,
        } => crate::hostile::echo(request, *status, *escape_levels, *pad).await,
        FaultKind::EndlessPages { repeat } => crate::hostile::endless(supplier, *repeat, request, next).await,
        FaultKind::Mutate { field, mutation } => {
            let normal = next.run(request).await;
            crate::hostile::mutate(normal, field, mutation).await
        }
        FaultKind::MalformedBooking => {
            let normal = next.run(request).await;
            rewrite_body(normal, |body| {
                let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&body) else {
                    return body;
                };
                match supplier {
                    Supplier::Infotravel => infotravel::malform(&mut value),
                    Supplier::Wooba => wooba::malform(&mut value),
                    Supplier::PayTourist => paytourist::malform(&mut value),
                }
                serde_json::to_vec(&value).map(Bytes::from).unwrap_or(body)
            })
            .await
        }
    };
    (response, true)
}

/// The error replies each supplier writes in its own dialect.
#[derive(Clone, Copy, Debug)]
pub(crate) enum NativeError {
    BadCredentials,
    IpBlocked,
    BadAccessCode,
    ApiAccessDenied,
    RateLimited(u64),
    Server,
}

const HTML_PAGE: &str =
    "<!DOCTYPE html>\n<html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>Manutenção</title></head>\
<body><h1>Sistema em manutenção</h1><p>Voltamos em instantes. Torniamo subito.</p></body></html>\n";

pub(crate) async fn collect(response: Response) -> (axum::http::response::Parts, Bytes) {
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    (parts, bytes)
}

async fn rewrite_body(response: Response, f: impl FnOnce(Bytes) -> Bytes) -> Response {
    let (mut parts, bytes) = collect(response).await;
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(f(bytes)))
}

/// `bytes` spaces right after the first `{` or `[`: whitespace is legal there, so the JSON keeps its
/// meaning and only its size changes.
fn pad(body: Bytes, bytes: usize) -> Bytes {
    let at = body.iter().position(|&b| b == b'{' || b == b'[').map_or(0, |p| p + 1);
    let mut out = Vec::with_capacity(body.len() + bytes);
    out.extend_from_slice(&body[..at]);
    out.resize(at + bytes, b' ');
    out.extend_from_slice(&body[at..]);
    Bytes::from(out)
}

/// The headers and the first half of the body (announcing the full length), then a close or a reset.
async fn cut_short(response: Response, conn: Option<ConnFd>, reset: bool) -> Response {
    let (mut parts, bytes) = collect(response).await;
    parts
        .headers
        .insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    let prefix = bytes.slice(..bytes.len() / 2);
    let stream = futures_util::stream::unfold(0u8, move |step| {
        let prefix = prefix.clone();
        async move {
            match step {
                0 => Some((Ok::<Bytes, std::io::Error>(prefix), 1)),
                1 => {
                    // Let hyper flush the prefix first: a reset discards unsent data.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    if reset {
                        if let Some(c) = conn {
                            c.reset_on_close();
                        }
                    }
                    Some((Err(std::io::Error::other("body cut short on purpose")), 2))
                }
                _ => None,
            }
        }
    });
    Response::from_parts(parts, Body::from_stream(stream))
}
