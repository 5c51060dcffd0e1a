//! JSON replies, shared by the three suppliers (and the fault layer).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

pub(crate) fn json_reply(status: StatusCode, value: &impl Serialize) -> Response {
    json_reply_typed(status, value, "application/json")
}

pub(crate) fn json_reply_typed(status: StatusCode, value: &impl Serialize, content_type: &'static str) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (status, [(header::CONTENT_TYPE, content_type)], body).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
