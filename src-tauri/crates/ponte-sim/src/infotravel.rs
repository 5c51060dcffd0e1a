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
use axum::response::Response;
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
struct Page {
    content: Vec<InfotravelBooking>,
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
        let range = data::infotravel_range(spec, start, end);
        let from = range.start.saturating_add(page.saturating_mul(size)).min(range.end);
        let to = from.saturating_add(size).min(range.end);
        return page_reply(spec, page, size, range.len(), from..to);
    };
    let from = page.saturating_mul(size).min(indexes.len());
    let to = from.saturating_add(size).min(indexes.len());
    let content = indexes[from..to]
        .iter()
        .map(|&i| data::infotravel_booking(spec, i))
        .collect();
    json_reply(StatusCode::OK, &make_page(content, page, size, indexes.len()))
}

fn page_reply(
    spec: &data::DataSpec,
    page: usize,
    size: usize,
    total: usize,
    slice: std::ops::Range<usize>,
) -> Response {
    let content = slice.map(|i| data::infotravel_booking(spec, i)).collect();
    json_reply(StatusCode::OK, &make_page(content, page, size, total))
}

fn make_page(content: Vec<InfotravelBooking>, page: usize, size: usize, total: usize) -> Page {
    let total_pages = total.div_ceil(size);
    Page {
        content,
        number: page,
        size,
        total_elements: total,
        total_pages,
        last: page + 1 >= total_pages,
    }
}
