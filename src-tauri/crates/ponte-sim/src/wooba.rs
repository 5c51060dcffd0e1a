//! Wooba API Sales (Travellink Web API): docs/PROTOCOLS.md#wooba-api-sales.
//!
//! `POST {base}/TravellinkWebApi/api/v1/sales/list` and `…/sales/details`. Every call carries the
//! software vendor's `Developer-Token` and `Developer-Access-Code` =
//! base64(RSA-PKCS#1-v1.5(Wooba public key, `"<token>|dd/MM/yyyy"`)), and the agency's credentials in the
//! body. Errors are HTTP 200 with `{"Exception": {"Code", "Message"}}`; dates are `/Date(ms-0300)/`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use base64::Engine;
use chrono::{Duration, NaiveDate, Utc};
#[cfg(feature = "control")]
use rsa::pkcs1::DecodeRsaPrivateKey;
#[cfg(feature = "control")]
use rsa::pkcs8::DecodePrivateKey;
use rsa::pkcs8::{DecodePublicKey, EncodePublicKey, LineEnding};
use rsa::{Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::data::{self, WoobaSale};
#[cfg(feature = "control")]
use crate::faults::NativeError;
use crate::reply::json_reply_typed;
use crate::{SimError, SimState, WoobaKey};

/// ASP.NET Web API's content type.
const CONTENT_TYPE: &str = "application/json; charset=utf-8";
/// Page size when the request names none.
pub const DEFAULT_PAGE_SIZE: usize = 100;

pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route("/TravellinkWebApi/api/v1/sales/list", post(list))
        .route("/TravellinkWebApi/api/v1/sales/details", post(details))
}

// ---------------------------------------------------------------------------------------------
// Keys and the developer access code
// ---------------------------------------------------------------------------------------------

/// The simulator's "Wooba" key pair, made (or read) at run time: no private key is compiled in.
pub(crate) struct Keys {
    private: RsaPrivateKey,
    pub public_pem: String,
    /// Access codes already decrypted (RSA decryption is slow in debug builds; a client sends the
    /// same code all day): code → (token, date).
    decrypted: Mutex<HashMap<String, Option<(String, NaiveDate)>>>,
}

/// The block between `-----BEGIN` and the matching `-----END …-----`, so that explanatory text
/// around a PEM (a label, a comment) does not stop the parser.
fn pem_block(text: &str) -> Option<&str> {
    let start = text.find("-----BEGIN ")?;
    let end_marker = text[start..].find("-----END ")? + start;
    let end = text[end_marker + 9..].find("-----")? + end_marker + 9 + 5;
    Some(&text[start..end])
}

/// A private key from PEM: PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`).
#[cfg(feature = "control")]
pub(crate) fn parse_private_key(pem: &str) -> Result<RsaPrivateKey, SimError> {
    let block = pem_block(pem).ok_or_else(|| SimError::Key("no PEM block".into()))?;
    RsaPrivateKey::from_pkcs8_pem(block)
        .or_else(|_| RsaPrivateKey::from_pkcs1_pem(block))
        .map_err(|e| SimError::Key(e.to_string()))
}

/// Keys generated in this process, by size: generating a 2048-bit key takes seconds in a debug build
/// (unless `num-bigint-dig` is optimised), so every simulator of a test process shares one.
fn generated(bits: usize) -> Result<RsaPrivateKey, SimError> {
    static CACHE: OnceLock<Mutex<HashMap<usize, RsaPrivateKey>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(key) = cache.get(&bits) {
        return Ok(key.clone());
    }
    let key = RsaPrivateKey::new(&mut rand::thread_rng(), bits).map_err(|e| SimError::Key(e.to_string()))?;
    cache.insert(bits, key.clone());
    Ok(key)
}

impl Keys {
    pub(crate) fn load(key: &WoobaKey) -> Result<Keys, SimError> {
        let private = match key {
            WoobaKey::Generate { bits } => generated(*bits)?,
            #[cfg(feature = "control")]
            WoobaKey::Pem(pem) => parse_private_key(pem)?,
        };
        let public_pem = RsaPublicKey::from(&private)
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| SimError::Key(e.to_string()))?;
        Ok(Keys {
            private,
            public_pem,
            decrypted: Mutex::new(HashMap::new()),
        })
    }

    fn decrypt(&self, code: &str) -> Option<(String, NaiveDate)> {
        if let Some(hit) = self.decrypted.lock().unwrap_or_else(|e| e.into_inner()).get(code) {
            return hit.clone();
        }
        let result = base64::engine::general_purpose::STANDARD
            .decode(code.trim())
            .ok()
            .and_then(|cipher| self.private.decrypt(Pkcs1v15Encrypt, &cipher).ok())
            .and_then(|plain| String::from_utf8(plain).ok())
            .and_then(|plain| {
                let (token, date) = plain.rsplit_once('|')?;
                // dd/MM/yyyy exactly.
                if date.len() != 10 {
                    return None;
                }
                Some((token.to_string(), NaiveDate::parse_from_str(date, "%d/%m/%Y").ok()?))
            });
        let mut cache = self.decrypted.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() > 10_000 {
            cache.clear();
        }
        cache.insert(code.to_string(), result.clone());
        result
    }
}

/// A valid `Developer-Access-Code`: base64(RSA-PKCS#1-v1.5-encrypt(public key, `"<token>|dd/MM/yyyy"`)).
/// What a client computes; here for tests that are not about the crypto.
pub fn access_code(public_key_pem: &str, developer_token: &str, date: NaiveDate) -> Result<String, SimError> {
    let block = pem_block(public_key_pem).ok_or_else(|| SimError::Key("no PEM block".into()))?;
    let key = RsaPublicKey::from_public_key_pem(block).map_err(|e| SimError::Key(e.to_string()))?;
    let plain = format!("{developer_token}|{}", date.format("%d/%m/%Y"));
    let cipher = key
        .encrypt(&mut rand::thread_rng(), Pkcs1v15Encrypt, plain.as_bytes())
        .map_err(|e| SimError::Key(e.to_string()))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(cipher))
}

/// Whether the developer headers are right: the token is the configured one, the access code
/// decrypts to "<that token>|<date>", and the date is today give or take a day (the client's time
/// zone may not be ours, nor UTC).
fn developer_headers_ok(state: &SimState, headers: &HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (Some(token), Some(code)) = (get("Developer-Token"), get("Developer-Access-Code")) else {
        return false;
    };
    if token != state.config.wooba.developer_token {
        return false;
    }
    let Some((sealed_token, date)) = state.wooba.decrypt(code) else {
        return false;
    };
    let today = Utc::now().date_naive();
    sealed_token == token && (date - today).abs() <= Duration::days(1)
}

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

fn reply(value: &impl Serialize) -> Response {
    json_reply_typed(StatusCode::OK, value, CONTENT_TYPE)
}

/// HTTP 200 with `{"Exception": {"Code", "Message"}}`.
fn exception(code: &str, message: &str) -> Response {
    reply(&json!({ "Exception": { "Code": code, "Message": message } }))
}

fn bad_credentials() -> Response {
    exception("CredencialInvalida", "Credencial inválida")
}

fn ip_blocked() -> Response {
    exception("IpNaoAutorizado", "IP não autorizado")
}

fn bad_access_code() -> Response {
    exception("AccessCodeInvalido", "Developer-Access-Code inválido")
}

#[cfg(feature = "control")]
pub(crate) fn native_error(e: NativeError) -> Response {
    match e {
        NativeError::BadCredentials | NativeError::ApiAccessDenied => bad_credentials(),
        NativeError::IpBlocked => ip_blocked(),
        NativeError::BadAccessCode => bad_access_code(),
        // Not Travellink's exception envelope: these come from IIS / ASP.NET, before the service.
        NativeError::RateLimited(_) => reply(&json!({ "Message": "Limite de requisições excedido." })),
        NativeError::Server => reply(&json!({ "Message": "An error has occurred." })),
    }
}

#[cfg(feature = "control")]
pub(crate) fn wrong_shape() -> Value {
    json!({ "Result": { "Vendas": "0", "Pagina": "1" }, "Success": true })
}

/// Breaks the middle sale of a list (or the sale of a details reply): `SaleId` and `Locator` stay,
/// `SaleDate` is not a `/Date(…)/`, and the first payment's amount is a string.
#[cfg(feature = "control")]
pub(crate) fn malform(value: &mut Value) {
    let target = if let Some(sales) = value.get_mut("Sales").and_then(Value::as_array_mut) {
        if sales.is_empty() {
            return;
        }
        let mid = sales.len() / 2;
        &mut sales[mid]
    } else if let Some(sale) = value.get_mut("Sale") {
        sale
    } else {
        return;
    };
    if let Some(sale) = target.as_object_mut() {
        sale.insert("SaleDate".into(), json!("/Date(amanhã)/"));
        if let Some(first) = sale
            .get_mut("Payments")
            .and_then(|p| p.get_mut(0))
            .and_then(Value::as_object_mut)
        {
            first.insert("Amount".into(), json!("10,50"));
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Company {
    identifier: Option<String>,
    password: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AccessCredentials {
    company: Option<Company>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Filter {
    sale_date_start: Option<String>,
    sale_date_end: Option<String>,
    locator: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ListRequest {
    access_credentials: Option<AccessCredentials>,
    filter: Option<Filter>,
    page: Option<i64>,
    page_size: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DetailsRequest {
    access_credentials: Option<AccessCredentials>,
    sale_id: Option<u64>,
    locator: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ListReply {
    sales: Vec<WoobaSale>,
    page: i64,
    total_pages: usize,
    exception: Option<Value>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DetailsReply {
    sale: WoobaSale,
    exception: Option<Value>,
}

/// The checks after the developer headers: the agency's credentials, then its IP restriction (a
/// per-user setting, so known only once the user is).
fn gate(state: &SimState, credentials: Option<&AccessCredentials>) -> Option<Response> {
    let company = credentials.and_then(|c| c.company.as_ref());
    let config = &state.config.wooba;
    let ok = company.is_some_and(|c| {
        c.identifier.as_deref() == Some(config.identifier.as_str())
            && c.password.as_deref() == Some(config.password.as_str())
    });
    if !ok {
        return Some(bad_credentials());
    }
    if !config.ip_allowed {
        return Some(ip_blocked());
    }
    None
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

async fn list(State(state): State<Arc<SimState>>, headers: HeaderMap, body: Bytes) -> Response {
    if !developer_headers_ok(&state, &headers) {
        return bad_access_code();
    }
    let Ok(request) = serde_json::from_slice::<ListRequest>(&body) else {
        return exception("RequisicaoInvalida", "Requisição inválida: corpo JSON não reconhecido");
    };
    if let Some(denied) = gate(&state, request.access_credentials.as_ref()) {
        return denied;
    }
    let page = request.page.unwrap_or(1);
    let page_size = request.page_size.unwrap_or(DEFAULT_PAGE_SIZE as i64);
    if page < 1 || page_size < 1 {
        return exception(
            "FiltroInvalido",
            "Page deve ser maior ou igual a 1 e PageSize maior que 0",
        );
    }
    let spec = &state.config.data;
    let filter = request.filter.as_ref();
    let locator = filter.and_then(|f| f.locator.as_deref()).filter(|l| !l.is_empty());
    // Dates given must be yyyy-MM-dd; with a Locator they may be null (then only the Locator counts),
    // and when both are given they narrow the Locator's matches (a filter's criteria add up).
    let date = |d: Option<&String>| match d {
        None => Ok(None),
        Some(d) => parse_date(d).map(Some).ok_or(()),
    };
    let (Ok(start), Ok(end)) = (
        date(filter.and_then(|f| f.sale_date_start.as_ref())),
        date(filter.and_then(|f| f.sale_date_end.as_ref())),
    ) else {
        return exception(
            "FiltroInvalido",
            "SaleDateStart e SaleDateEnd devem estar no formato yyyy-MM-dd",
        );
    };
    let matches = match (locator, start, end) {
        (Some(code), Some(start), Some(end)) => {
            let range = data::wooba_range(spec, start, end);
            Matches::Few(
                data::wooba_find(spec, code)
                    .into_iter()
                    .filter(|i| range.contains(i))
                    .collect(),
            )
        }
        (Some(code), _, _) => Matches::Few(data::wooba_find(spec, code)),
        (None, Some(start), Some(end)) => Matches::Range(data::wooba_range(spec, start, end)),
        (None, _, _) => {
            return exception(
                "FiltroInvalido",
                "Informe SaleDateStart e SaleDateEnd (yyyy-MM-dd) ou Locator",
            );
        }
    };
    let (sales, total_pages) = list_page(spec, &matches, page as usize, page_size as usize);
    reply(&ListReply {
        sales,
        page,
        total_pages,
        exception: None,
    })
}

/// The sales a list request matches. A date range stays an index range: a page of it is sliced out
/// without ever listing the whole range (which made every page cost O(sales in the range)).
enum Matches {
    Range(std::ops::Range<usize>),
    /// A Locator's matches: a handful at most.
    Few(Vec<usize>),
}

impl Matches {
    fn len(&self) -> usize {
        match self {
            Matches::Range(r) => r.len(),
            Matches::Few(v) => v.len(),
        }
    }
}

/// Page `page` (from 1) of `size` of the matches, each sale generated, and the number of pages: only
/// this page's sales are generated.
fn list_page(spec: &data::DataSpec, matches: &Matches, page: usize, size: usize) -> (Vec<WoobaSale>, usize) {
    let total = matches.len();
    let from = page.saturating_sub(1).saturating_mul(size).min(total);
    let to = from.saturating_add(size).min(total);
    let sales = match matches {
        Matches::Range(r) => (r.start + from..r.start + to)
            .map(|i| data::wooba_sale(spec, i))
            .collect(),
        Matches::Few(v) => v[from..to].iter().map(|&i| data::wooba_sale(spec, i)).collect(),
    };
    (sales, total.div_ceil(size))
}

async fn details(State(state): State<Arc<SimState>>, headers: HeaderMap, body: Bytes) -> Response {
    if !developer_headers_ok(&state, &headers) {
        return bad_access_code();
    }
    let Ok(request) = serde_json::from_slice::<DetailsRequest>(&body) else {
        return exception("RequisicaoInvalida", "Requisição inválida: corpo JSON não reconhecido");
    };
    if let Some(denied) = gate(&state, request.access_credentials.as_ref()) {
        return denied;
    }
    let spec = &state.config.data;
    let index = match (request.sale_id, request.locator.as_deref()) {
        (Some(id), _) => data::wooba_index_of_sale_id(spec, id),
        (None, Some(code)) => data::wooba_find(spec, code).first().copied(),
        (None, None) => return exception("FiltroInvalido", "Informe SaleId ou Locator"),
    };
    match index {
        Some(i) => reply(&DetailsReply {
            sale: data::wooba_sale(spec, i),
            exception: None,
        }),
        None => exception("VendaNaoEncontrada", "Venda não encontrada"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::work;

    /// A page of a date search costs O(page size) whatever the data set: only its sales are generated,
    /// and the range is never listed whole.
    #[test]
    fn a_page_generates_only_its_own_sales() {
        for n in [10_000, 1_000_000, data::MAX_BOOKINGS] {
            let s = data::DataSpec {
                bookings: n,
                ..data::DataSpec::default()
            };
            let matches = Matches::Range(data::wooba_range(&s, s.sale_start, s.sale_end));
            let pages = n.div_ceil(DEFAULT_PAGE_SIZE);
            for page in [1, pages / 2, pages] {
                let ((sales, total_pages), generated, _) =
                    work::of(|| list_page(&s, &matches, page, DEFAULT_PAGE_SIZE));
                assert_eq!(total_pages, pages);
                assert_eq!(sales.len(), DEFAULT_PAGE_SIZE);
                assert_eq!(
                    generated, DEFAULT_PAGE_SIZE,
                    "{n} sales, page {page}: only the page's sales"
                );
                assert_eq!(
                    sales[0].sale_id,
                    data::WOOBA_FIRST_SALE_ID + ((page - 1) * DEFAULT_PAGE_SIZE) as u64
                );
            }
            let ((past, _), generated, _) = work::of(|| list_page(&s, &matches, pages + 1, DEFAULT_PAGE_SIZE));
            assert!(past.is_empty() && generated == 0);
        }
    }
}
