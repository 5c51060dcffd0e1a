//! The test rig's control surface (feature `control`): the fault layer in front of each supplier,
//! the `/__sim/…` HTTP endpoints and the [`SimHandle`] methods that drive faults, the request log
//! and the suppliers' tokens. None of it is compiled into the app's demo simulator.

use std::sync::Arc;

use axum::extract::{Json, State};
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;

use crate::faults::{self, Fault, Faults, RequestRecord, Supplier};
use crate::{ClientInfo, ControlInfo, PayTouristToken, SimHandle, SimState};

/// Every control path, as served (`.ci/check-release-binary` looks for these in the app binary).
pub(crate) const INFO: &str = "/__sim/info";
pub(crate) const FAULTS: &str = "/__sim/faults";
pub(crate) const REQUESTS: &str = "/__sim/requests";
pub(crate) const EXPIRE_INFOTRAVEL_TOKENS: &str = "/__sim/infotravel/expire-tokens";
pub(crate) const PAYTOURIST_TOKENS: &str = "/__sim/paytourist/tokens";
pub(crate) const PAYTOURIST_REVOKE: &str = "/__sim/paytourist/revoke";

pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route(INFO, get(control_info))
        .route(
            FAULTS,
            get(control_faults)
                .post(control_add_faults)
                .delete(control_clear_faults),
        )
        .route(REQUESTS, get(control_requests).delete(control_clear_requests))
        .route(EXPIRE_INFOTRAVEL_TOKENS, post(control_expire_tokens))
        .route(PAYTOURIST_TOKENS, post(control_add_token))
        .route(PAYTOURIST_REVOKE, post(control_revoke_token))
}

/// A supplier's routes behind the fault layer (which also logs every request).
pub(crate) fn with_faults(
    state: &Arc<SimState>,
    routes: Router<Arc<SimState>>,
    supplier: Supplier,
) -> Router<Arc<SimState>> {
    routes.route_layer(from_fn_with_state((state.clone(), supplier), faults::supplier_layer))
}

/// The control URLs of [`ClientInfo`].
pub(crate) fn info(base: &str) -> ControlInfo {
    ControlInfo {
        faults: format!("{base}{FAULTS}"),
        requests: format!("{base}{REQUESTS}"),
    }
}

/// Logs a request no route took.
pub(crate) fn log_not_found(state: &SimState, request: &axum::extract::Request) {
    state.log.push(RequestRecord {
        supplier: None,
        method: request.method().to_string(),
        path: request.uri().path().to_string(),
        query: request.uri().query().map(faults::redact_query),
        status: Some(404),
        fault: None,
        elapsed_ms: 0,
    });
}

async fn control_info(State(state): State<Arc<SimState>>) -> Json<ClientInfo> {
    Json(state.client_info())
}

async fn control_faults(State(state): State<Arc<SimState>>) -> Json<Vec<Fault>> {
    Json(state.faults.active())
}

/// One fault or a list of them.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    Many(Vec<Fault>),
    One(Fault),
}

async fn control_add_faults(State(state): State<Arc<SimState>>, body: axum::body::Bytes) -> Response {
    match serde_json::from_slice::<OneOrMany>(&body) {
        Ok(OneOrMany::One(f)) => state.faults.push(f),
        Ok(OneOrMany::Many(list)) => list.into_iter().for_each(|f| state.faults.push(f)),
        Err(e) => return (StatusCode::BAD_REQUEST, format!("not a fault: {e}")).into_response(),
    }
    Json(state.faults.active()).into_response()
}

async fn control_clear_faults(State(state): State<Arc<SimState>>) -> StatusCode {
    state.faults.clear();
    StatusCode::NO_CONTENT
}

async fn control_requests(State(state): State<Arc<SimState>>) -> Json<Vec<RequestRecord>> {
    Json(state.log.records())
}

async fn control_clear_requests(State(state): State<Arc<SimState>>) -> StatusCode {
    state.log.clear();
    StatusCode::NO_CONTENT
}

async fn control_expire_tokens(State(state): State<Arc<SimState>>) -> StatusCode {
    expire_infotravel_tokens(&state);
    StatusCode::NO_CONTENT
}

async fn control_add_token(State(state): State<Arc<SimState>>, Json(token): Json<PayTouristToken>) -> StatusCode {
    add_paytourist_token(&state, token);
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
struct RevokeRequest {
    token: String,
}

async fn control_revoke_token(State(state): State<Arc<SimState>>, Json(r): Json<RevokeRequest>) -> StatusCode {
    if revoke_paytourist_token(&state, &r.token) {
        StatusCode::NO_CONTENT
    } else {
        StatusCode::NOT_FOUND
    }
}

fn expire_infotravel_tokens(state: &SimState) {
    state
        .infotravel_tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
}

fn add_paytourist_token(state: &SimState, token: PayTouristToken) {
    let mut tokens = state.paytourist_tokens.lock().unwrap_or_else(|e| e.into_inner());
    tokens.retain(|t| t.token != token.token);
    tokens.push(token);
}

fn revoke_paytourist_token(state: &SimState, token: &str) -> bool {
    let mut tokens = state.paytourist_tokens.lock().unwrap_or_else(|e| e.into_inner());
    let mut found = false;
    for t in tokens.iter_mut().filter(|t| t.token == token) {
        t.revoked = true;
        found = true;
    }
    found
}

/// The test rig's handle on a running simulator.
impl SimHandle {
    /// The switchable faults.
    pub fn faults(&self) -> &Faults {
        &self.state.faults
    }

    /// The request log, oldest first (method, path, status, fault; never a header or a body).
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.state.log.records()
    }

    /// Requests received by this supplier (`None`: all, unknown paths included) since the last clear.
    pub fn request_count(&self, supplier: Option<Supplier>) -> usize {
        self.state.log.count(supplier)
    }

    pub fn clear_requests(&self) {
        self.state.log.clear();
    }

    /// Expires every Infotravel token now: the next call gets a 401 and must authenticate again.
    pub fn expire_infotravel_tokens(&self) {
        expire_infotravel_tokens(&self.state);
    }

    /// Adds (or replaces) a PayTourist token.
    pub fn add_paytourist_token(&self, token: PayTouristToken) {
        add_paytourist_token(&self.state, token);
    }

    /// Revokes a PayTourist token; `false` if unknown.
    pub fn revoke_paytourist_token(&self, token: &str) -> bool {
        revoke_paytourist_token(&self.state, token)
    }
}
