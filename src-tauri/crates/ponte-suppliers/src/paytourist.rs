//! PayTourist client — docs/PROTOCOLS.md#paytourist. A token is verified with the read-only
//! `GET /api/v1/reductions`.

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::http::{self, Limits};
use crate::SupplierError;

/// Strips what the portal shows around a token (`Bearer `, surrounding whitespace and line breaks).
/// Returns the token and whether anything was removed; inner whitespace is refused by the caller.
pub fn clean_token(pasted: &str) -> (String, bool) {
    let trimmed = pasted.trim();
    let stripped = trimmed
        .strip_prefix("Bearer ")
        .or_else(|| trimmed.strip_prefix("bearer "))
        .map(str::trim_start)
        .unwrap_or(trimmed);
    (stripped.to_string(), stripped.len() != pasted.len())
}

#[derive(Deserialize)]
struct Data {
    #[serde(default)]
    data: Vec<serde_json::Value>,
}

/// Verifies a token against `GET {base}/api/v1/reductions?structure_id&software_id`; returns how many
/// reductions the structure has (proof the call really worked).
pub async fn verify_token(
    base_url: &str,
    structure_id: &str,
    software_id: &str,
    token: &SecretString,
    limits: &Limits,
) -> Result<usize, SupplierError> {
    let url = format!(
        "{}/api/v1/reductions?structure_id={}&software_id={}",
        base_url.trim_end_matches('/'),
        url::form_urlencoded::byte_serialize(structure_id.as_bytes()).collect::<String>(),
        url::form_urlencoded::byte_serialize(software_id.as_bytes()).collect::<String>(),
    );
    let resp = http::client(limits)
        .get(&url)
        .bearer_auth(token.expose_secret())
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(|e| http::transport(&e, &url, limits))?;
    let status = resp.status();
    let retry = http::retry_after(&resp);
    let body = http::body(resp, &url, limits).await?;
    if status == StatusCode::UNAUTHORIZED {
        return Err(SupplierError::TokenRejected);
    }
    if let Some(e) = http::common_status(status, retry) {
        return Err(e);
    }
    let unexpected = || SupplierError::Unexpected {
        status: status.as_u16(),
        excerpt: http::excerpt(&body, &[token.expose_secret()]),
    };
    if !status.is_success() {
        return Err(unexpected());
    }
    serde_json::from_slice::<Data>(&body)
        .map(|d| d.data.len())
        .map_err(|_| unexpected())
}

#[cfg(test)]
mod tests {
    use super::clean_token;

    #[test]
    fn cleans_what_the_portal_shows() {
        assert_eq!(clean_token("Bearer abc.def"), ("abc.def".into(), true));
        assert_eq!(clean_token("  abc.def\n"), ("abc.def".into(), true));
        assert_eq!(clean_token("abc"), ("abc".into(), false));
        assert_eq!(clean_token("Bearer Bearer xyz").0, "Bearer xyz");
    }
}
