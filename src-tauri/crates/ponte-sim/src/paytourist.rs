//! PayTourist: docs/PROTOCOLS.md#paytourist.
//!
//! `GET {base}/api/v1/reductions?structure_id=…&software_id=…` (the call that verifies a token) and
//! `GET {base}/api/v1/structures`, with `Authorization: Bearer <token>` and `Accept: application/json`.
//! An invalid, expired or revoked token gets `401 {"message": "Unauthenticated."}`. PayTourist is a
//! Laravel application, so a request that does not ask for JSON gets what Laravel gives a browser:
//! an unauthenticated one is redirected to the login page instead of a JSON 401.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::Utc;
use serde_json::{json, Value};

use crate::data;
#[cfg(feature = "control")]
use crate::faults::NativeError;
use crate::reply::json_reply;
use crate::SimState;

pub(crate) fn routes() -> Router<Arc<SimState>> {
    Router::new()
        .route("/api/v1/reductions", get(reductions))
        .route("/api/v1/structures", get(structures))
}

fn unauthenticated() -> Response {
    json_reply(StatusCode::UNAUTHORIZED, &json!({ "message": "Unauthenticated." }))
}

#[cfg(feature = "control")]
pub(crate) fn native_error(e: NativeError) -> Response {
    match e {
        NativeError::BadCredentials | NativeError::BadAccessCode | NativeError::IpBlocked => unauthenticated(),
        NativeError::ApiAccessDenied => json_reply(
            StatusCode::FORBIDDEN,
            &json!({ "message": "This action is unauthorized." }),
        ),
        NativeError::RateLimited(_) => json_reply(
            StatusCode::TOO_MANY_REQUESTS,
            &json!({ "message": "Too Many Attempts." }),
        ),
        NativeError::Server => json_reply(StatusCode::INTERNAL_SERVER_ERROR, &json!({ "message": "Server Error" })),
    }
}

#[cfg(feature = "control")]
pub(crate) fn wrong_shape() -> Value {
    json!({ "data": "OK", "status": 1 })
}

/// Breaks the middle item of `data`: its id becomes a string and its name disappears.
#[cfg(feature = "control")]
pub(crate) fn malform(value: &mut Value) {
    if let Some(items) = value.get_mut("data").and_then(Value::as_array_mut) {
        if items.is_empty() {
            return;
        }
        let mid = items.len() / 2;
        items[mid] = json!({ "id": "uno", "name": null });
    }
}

/// Laravel's `expectsJson()` for a non-AJAX request: the first type of `Accept` is JSON.
fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|first| {
            let t = first.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
            t.ends_with("/json") || t.ends_with("+json")
        })
}

/// `None` when the token is valid, else the reply.
fn check_token(state: &SimState, headers: &HeaderMap) -> Option<Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let now = Utc::now();
    let valid = token.is_some_and(|token| {
        let tokens = state.paytourist_tokens.lock().unwrap_or_else(|e| e.into_inner());
        tokens
            .iter()
            .any(|t| t.token == token && !t.revoked && t.expires_at.is_none_or(|at| at > now))
    });
    if valid {
        return None;
    }
    if !wants_json(headers) {
        let html = "<!DOCTYPE html><html><head><meta http-equiv=\"refresh\" content=\"0;url='/login'\" />\
                    <title>Redirecting to /login</title></head><body>Redirecting to <a href=\"/login\">/login</a>.</body></html>";
        return Some(
            (
                StatusCode::FOUND,
                [
                    (header::LOCATION, "/login"),
                    (header::CONTENT_TYPE, "text/html; charset=UTF-8"),
                ],
                html,
            )
                .into_response(),
        );
    }
    Some(unauthenticated())
}

async fn structures(State(state): State<Arc<SimState>>, headers: HeaderMap) -> Response {
    if let Some(denied) = check_token(&state, &headers) {
        return denied;
    }
    json_reply(StatusCode::OK, &json!({ "data": state.config.paytourist.structures }))
}

/// Laravel's validation reply: 422, the first message (with "(and N more errors)"), and all of them.
fn validation(errors: Vec<(&str, String)>) -> Response {
    let first = errors[0].1.clone();
    let message = match errors.len() {
        1 => first,
        2 => format!("{first} (and 1 more error)"),
        n => format!("{first} (and {} more errors)", n - 1),
    };
    let map: serde_json::Map<String, Value> = errors.into_iter().map(|(k, m)| (k.to_string(), json!([m]))).collect();
    json_reply(
        StatusCode::UNPROCESSABLE_ENTITY,
        &json!({ "message": message, "errors": map }),
    )
}

async fn reductions(
    State(state): State<Arc<SimState>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(denied) = check_token(&state, &headers) {
        return denied;
    }
    let config = &state.config.paytourist;
    let mut errors = Vec::new();
    let structure = q.get("structure_id").filter(|s| !s.is_empty());
    let software = q.get("software_id").filter(|s| !s.is_empty());
    let structure_id = match structure {
        None => {
            errors.push(("structure_id", "The structure id field is required.".to_string()));
            None
        }
        Some(s) => match s
            .parse::<u64>()
            .ok()
            .filter(|id| config.structures.iter().any(|st| st.id == *id))
        {
            Some(id) => Some(id),
            None => {
                errors.push(("structure_id", "The selected structure id is invalid.".to_string()));
                None
            }
        },
    };
    match software {
        None => errors.push(("software_id", "The software id field is required.".to_string())),
        Some(s) if s.parse::<u64>().ok() != Some(config.software_id) => {
            errors.push(("software_id", "The selected software id is invalid.".to_string()))
        }
        Some(_) => {}
    }
    match structure_id {
        Some(id) if errors.is_empty() => {
            json_reply(StatusCode::OK, &json!({ "data": data::paytourist_reductions(id) }))
        }
        _ => validation(errors),
    }
}
