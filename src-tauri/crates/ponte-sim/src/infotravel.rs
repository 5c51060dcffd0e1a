//! Infotravel (Infotera): docs/PROTOCOLS.md#infotravel.
//!
//! `POST /authenticate`, `GET /booking/{id}`, `GET /booking?startDate&endDate&page&size` and
//! `GET /booking?locator=CODE&page&size` under `{base}/api/v1` and under every configured path prefix
//! (`{base}/infotravel/api/v1`: some installations live under a path). Every non-2xx reply carries
//! `{"code", "message", "description"}`.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use serde_json::json;
#[cfg(feature = "control")]
use serde_json::Value;

use crate::data::{self, InfotravelBooking};
#[cfg(feature = "control")]
use crate::faults::NativeError;
use crate::reply::json_reply;
use crate::SimState;

/// Largest page (`size` at most 500: docs/PROTOCOLS.md#assumed-for-infotravel). A larger `size` is
/// clamped, as Spring does.
pub const MAX_PAGE_SIZE: usize = 500;
/// Page size when the request names none (Spring's default).
pub const DEFAULT_PAGE_SIZE: usize = 20;

pub(crate) fn routes(state: &Arc<SimState>) -> Router<Arc<SimState>> {
    let mut router = Router::new();
    for prefix in state.config.infotravel.all_prefixes() {
        router = router
            .route(&format!("{prefix}/api/v1/authenticate"), post(authenticate))
            .route(&format!("{prefix}/api/v1/booking"), get(list))
            .route(&format!("{prefix}/api/v1/booking/{{id}}"), get(one));
    }
    router
}

/// `{"code", "message", "description"}` with this status.
fn error(status: StatusCode, code: &str, message: &str, description: &str) -> Response {
    json_reply(
        status,
        &json!({ "code": code, "message": message, "description": description }),
    )
}

fn invalid_credentials(description: &str) -> Response {
    error(
        StatusCode::UNAUTHORIZED,
        "INVALID_CREDENTIALS",
        "Credencial inválida",
        description,
    )
}

fn access_denied() -> Response {
    error(
        StatusCode::FORBIDDEN,
        "API_ACCESS_DENIED",
        "Agência sem permissão de acesso à API",
        "A permissão de acesso à API não foi liberada para a agência pelo fornecedor.",
    )
}

fn bad_request(description: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        "BAD_REQUEST",
        "Requisição inválida",
        description,
    )
}

#[cfg(feature = "control")]
pub(crate) fn native_error(e: NativeError) -> Response {
    match e {
        NativeError::BadCredentials | NativeError::BadAccessCode | NativeError::IpBlocked => {
            invalid_credentials("Usuário, senha, agência ou cliente inválidos.")
        }
        NativeError::ApiAccessDenied => access_denied(),
        NativeError::RateLimited(secs) => error(
            StatusCode::TOO_MANY_REQUESTS,
            "TOO_MANY_REQUESTS",
            "Limite de requisições excedido",
            &format!("Tente novamente em {secs} segundos."),
        ),
        NativeError::Server => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "INTERNAL_SERVER_ERROR",
            "Erro interno",
            "Erro inesperado no servidor. Tente novamente.",
        ),
    }
}

/// JSON that parses but has none of the fields of the reply expected on `path`.
#[cfg(feature = "control")]
pub(crate) fn wrong_shape(path: &str) -> Value {
    if path.ends_with("/authenticate") {
        json!({ "token": { "value": 42 }, "expires": "soon" })
    } else {
        json!([{ "id": "not-a-number", "status": 3, "bookings": "none" }])
    }
}

/// Breaks the middle booking of a page (or the single booking): the id stays so that the error can
/// name it; `createdAt` is not a date and `bookingAmount.amount` is a Brazilian-formatted string.
#[cfg(feature = "control")]
pub(crate) fn malform(value: &mut Value) {
    let target = match value.get_mut("content").and_then(Value::as_array_mut) {
        Some(content) if !content.is_empty() => {
            let mid = content.len() / 2;
            &mut content[mid]
        }
        Some(_) => return,
        None => value,
    };
    if let Some(booking) = target.as_object_mut() {
        booking.insert("createdAt".into(), json!("31/02/2026 25:61"));
        booking.insert(
            "bookingAmount".into(),
            json!({ "currency": "BRL", "amount": "1.234,56" }),
        );
    }
}

#[derive(Deserialize)]
struct AuthRequest {
    username: Option<String>,
    password: Option<String>,
    agency: Option<String>,
    client: Option<String>,
    #[allow(dead_code)] // Accepted and ignored: the replies are in Portuguese whatever it says.
    language: Option<String>,
}

#[derive(Serialize)]
struct AuthReply {
    #[serde(rename = "accessToken")]
    access_token: String,
    #[serde(rename = "type")]
    kind: &'static str,
    expire_seconds: u64,
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("application/json"))
}

async fn authenticate(State(state): State<Arc<SimState>>, headers: HeaderMap, body: Bytes) -> Response {
    if !is_json(&headers) {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Tipo de conteúdo não suportado",
            "Envie Content-Type: application/json.",
        );
    }
    let Ok(request) = serde_json::from_slice::<AuthRequest>(&body) else {
        return bad_request("Corpo JSON inválido: esperado {username, password, agency, client, language}.");
    };
    let config = &state.config;
    let matches = |given: &Option<String>, wanted: &str| given.as_deref() == Some(wanted);
    if !(matches(&request.username, &config.infotravel.username)
        && matches(&request.password, &config.infotravel.password)
        && matches(&request.agency, &config.data.agency)
        && matches(&request.client, &config.infotravel.client))
    {
        return invalid_credentials("Usuário, senha, agência ou cliente inválidos.");
    }
    if !config.infotravel.api_access_granted {
        return access_denied();
    }
    let ttl = config.infotravel.token_ttl_secs;
    let token = new_token();
    {
        let mut tokens = state.infotravel_tokens.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        tokens.retain(|_, expiry| *expiry > now);
        tokens.insert(token.clone(), now + Duration::from_secs(ttl));
    }
    json_reply(
        StatusCode::OK,
        &AuthReply {
            access_token: token,
            kind: "Bearer",
            expire_seconds: ttl,
        },
    )
}

fn new_token() -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `None` when the bearer token is valid, else the 401 (or 403) reply.
fn check_bearer(state: &SimState, headers: &HeaderMap) -> Option<Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let Some(token) = token else {
        return Some(invalid_credentials(
            "Cabeçalho Authorization: Bearer <accessToken> ausente.",
        ));
    };
    let valid = {
        let tokens = state.infotravel_tokens.lock().unwrap_or_else(|e| e.into_inner());
        tokens.get(token).is_some_and(|expiry| *expiry > Instant::now())
    };
    if !valid {
        return Some(invalid_credentials("Token inválido ou expirado."));
    }
    if !state.config.infotravel.api_access_granted {
        return Some(access_denied());
    }
    None
}

async fn one(State(state): State<Arc<SimState>>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(denied) = check_bearer(&state, &headers) {
        return denied;
    }
    let Ok(id) = id.parse::<u64>() else {
        return bad_request("O id da reserva deve ser um número inteiro.");
    };
    match data::infotravel_index_of_id(&state.config.data, id) {
        Some(i) => json_reply(StatusCode::OK, &data::infotravel_booking(&state.config.data, i)),
        None => error(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            "Reserva não encontrada",
            &format!("Reserva {id} não encontrada."),
        ),
    }
}

/// A Spring `Page`, with exactly the fields of docs/PROTOCOLS.md#assumed-for-infotravel.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a, T> {
    content: &'a [T],
    number: usize,
    size: usize,
    total_elements: usize,
    total_pages: usize,
    last: bool,
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    // Strictly yyyy-MM-dd: chrono alone would also take "2026-1-5".
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

async fn list(
    State(state): State<Arc<SimState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(denied) = check_bearer(&state, &headers) {
        return denied;
    }
    let page = match q.get("page").map(|p| p.parse::<usize>()) {
        None => 0,
        Some(Ok(p)) => p,
        Some(Err(_)) => return bad_request("page deve ser um inteiro maior ou igual a 0."),
    };
    let size = match q.get("size").map(|s| s.parse::<usize>()) {
        None => DEFAULT_PAGE_SIZE,
        Some(Ok(s)) if s >= 1 => s.min(MAX_PAGE_SIZE),
        Some(_) => return bad_request("size deve ser um inteiro entre 1 e 500."),
    };
    let spec = &state.config.data;
    // A locator search ignores the dates; a date search needs both dates.
    let indexes: Vec<usize> = if let Some(code) = q.get("locator") {
        data::infotravel_find(spec, code)
    } else {
        let (Some(start), Some(end)) = (q.get("startDate"), q.get("endDate")) else {
            return bad_request("Informe startDate e endDate (yyyy-MM-dd) ou locator.");
        };
        let (Some(start), Some(end)) = (parse_date(start), parse_date(end)) else {
            return bad_request("startDate e endDate devem estar no formato yyyy-MM-dd.");
        };
        return body_reply(date_page_json(spec, start, end, page, size));
    };
    let from = page.saturating_mul(size).min(indexes.len());
    let to = from.saturating_add(size).min(indexes.len());
    let content: Vec<InfotravelBooking> = indexes[from..to]
        .iter()
        .map(|&i| data::infotravel_booking(spec, i))
        .collect();
    body_reply(page_json(&content, page, size, indexes.len()))
}

fn body_reply(body: serde_json::Result<Vec<u8>>) -> Response {
    match body {
        Ok(body) => (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The indexes of page `page` (of `size`, at least 1) of the bookings sold from `start` to `end`, and how
/// many bookings the whole search has. O(log n) whatever the page: the range comes from a binary search
/// over sale times, never from a scan, so a page costs the same at booking 100 as at booking 100 000.
pub fn date_page_slice(
    spec: &data::DataSpec,
    start: NaiveDate,
    end: NaiveDate,
    page: usize,
    size: usize,
) -> (std::ops::Range<usize>, usize) {
    let range = data::infotravel_range(spec, start, end);
    let from = range.start.saturating_add(page.saturating_mul(size)).min(range.end);
    let to = from.saturating_add(size).min(range.end);
    (from..to, range.len())
}

/// The body of `GET /booking?startDate=start&endDate=end&page=page&size=size` (`size` already clamped to
/// 1..=[`MAX_PAGE_SIZE`]), byte for byte as the simulator sends it: only this page's bookings are generated.
pub fn date_page_json(
    spec: &data::DataSpec,
    start: NaiveDate,
    end: NaiveDate,
    page: usize,
    size: usize,
) -> serde_json::Result<Vec<u8>> {
    let (slice, total) = date_page_slice(spec, start, end, page, size);
    let content: Vec<InfotravelBooking> = slice.map(|i| data::infotravel_booking(spec, i)).collect();
    page_json(&content, page, size, total)
}

/// Page `page` (of `size`, at least 1) of a search that found `total` bookings, around `content`: the
/// page's bookings, generated ([`InfotravelBooking`]) or already serialised (`ponte-bench` renders every
/// booking once and serves the pages from memory with this same envelope).
pub fn page_json<T: Serialize>(content: &[T], page: usize, size: usize, total: usize) -> serde_json::Result<Vec<u8>> {
    let total_pages = total.div_ceil(size);
    serde_json::to_vec(&Page {
        content,
        number: page,
        size,
        total_elements: total,
        total_pages,
        last: page.saturating_add(1) >= total_pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::work;

    fn spec(bookings: usize) -> data::DataSpec {
        data::DataSpec {
            bookings,
            ..data::DataSpec::default()
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A page costs O(page size) whatever the data set: it generates its own bookings and nothing
    /// else, and finds where it starts with a binary search (a few dozen sale times), never a scan.
    #[test]
    fn a_page_generates_only_its_own_bookings() {
        let (start, end) = (day(2026, 1, 1), day(2026, 12, 31));
        for n in [10_000, data::MAX_BOOKINGS] {
            let s = spec(n);
            let pages = n.div_ceil(MAX_PAGE_SIZE);
            for page in [0, pages / 2, pages - 1] {
                let (body, generated, sale_times) =
                    work::of(|| date_page_json(&s, start, end, page, MAX_PAGE_SIZE).unwrap());
                let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
                let content = v["content"].as_array().unwrap();
                assert_eq!(content.len(), MAX_PAGE_SIZE, "{n} bookings, page {page}");
                assert_eq!(
                    content[0]["id"],
                    data::INFOTRAVEL_FIRST_ID + (page * MAX_PAGE_SIZE) as u64
                );
                assert_eq!(
                    (v["totalElements"].as_u64(), v["totalPages"].as_u64()),
                    (Some(n as u64), Some(pages as u64))
                );
                assert_eq!(
                    generated, MAX_PAGE_SIZE,
                    "{n} bookings, page {page}: only the page's bookings"
                );
                // Each booking's own sale time, plus two binary searches over the data set.
                let searches = 2 * (usize::BITS - n.leading_zeros()) as usize + 2;
                assert!(
                    sale_times <= MAX_PAGE_SIZE + searches,
                    "{n} bookings, page {page}: {sale_times} sale times computed"
                );
            }
        }
    }

    #[test]
    fn the_slice_of_a_date_search_is_its_page() {
        let s = spec(800);
        let (start, end) = (day(2026, 3, 10), day(2026, 4, 2));
        let range = data::infotravel_range(&s, start, end);
        assert!(range.len() > 20);
        let (first, total) = date_page_slice(&s, start, end, 0, 20);
        assert_eq!((first, total), (range.start..range.start + 20, range.len()));
        let last = (range.len() - 1) / 20;
        let (tail, _) = date_page_slice(&s, start, end, last, 20);
        assert_eq!(tail, range.start + last * 20..range.end);
        // Past the end, and huge page numbers: empty, never a panic.
        assert!(date_page_slice(&s, start, end, last + 1, 20).0.is_empty());
        assert!(date_page_slice(&s, start, end, usize::MAX, usize::MAX).0.is_empty());
    }
}
