//! PayTourist — docs/PROTOCOLS.md#paytourist: the supplier ([`PayTourist`]), its form ([`form`]) and
//! its client. It has no sales to import; its API tokens (of Booking users) are kept in Tokens de API and
//! verified with the read-only `GET /api/v1/reductions`, which is also its connection test.

pub mod form;

use std::collections::BTreeMap;

use ponte_core::db::Db;
use ponte_core::integration_types::{IntegrationType, IntegrationTypeSpec};
use ponte_core::secrets::Secrets;
use ponte_core::{tokens, CoreError};
use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::connection_test::TestSuccess;
use crate::http::{self, Limits};
use crate::supplier::{BoxFuture, Form, Supplier, VerifyToken};
use crate::SupplierError;

/// Where [`Supplier::prepare`] puts the token the integration uses now (from Tokens de API).
pub const TOKEN: &str = "token";

pub struct PayTourist;

impl Supplier for PayTourist {
    fn id(&self) -> IntegrationType {
        IntegrationType::Paytourist
    }

    fn form(&self) -> IntegrationTypeSpec {
        form::spec()
    }

    /// A saved integration is tested with the token it uses now; a draft has none yet.
    fn prepare(&self, db: &Db, store: &Secrets, saved_id: Option<i64>, form: &mut Form) -> Result<(), CoreError> {
        let Some(id) = saved_id else { return Ok(()) };
        if let Some(t) = tokens::active_for_integration(db, id)? {
            form.secrets.insert(TOKEN.into(), tokens::value(store, t)?);
        }
        Ok(())
    }

    /// Verifies the token in use; says how many reductions the structure has.
    fn test_connection<'a>(
        &'a self,
        form: &'a Form,
        limits: &'a Limits,
    ) -> BoxFuture<'a, Result<TestSuccess, SupplierError>> {
        Box::pin(async move {
            let token = form.secret(TOKEN)?;
            let n = verify_token(
                &base_url(form),
                &form.value("structure_id"),
                &form.value("software_id"),
                &token,
                limits,
            )
            .await?;
            Ok(TestSuccess {
                key: "test.ok.paytourist".into(),
                params: BTreeMap::from([("count".into(), n.to_string())]),
            })
        })
    }

    fn tokens(&self) -> Option<VerifyToken> {
        Some(verify)
    }
}

/// [`Supplier::tokens`]: `token` against the integration's host, structure and software.
fn verify<'a>(form: &'a Form, token: &'a SecretString, limits: &'a Limits) -> BoxFuture<'a, Result<(), SupplierError>> {
    Box::pin(async move {
        verify_token(
            &base_url(form),
            &form.value("structure_id"),
            &form.value("software_id"),
            token,
            limits,
        )
        .await
        .map(|_| ())
    })
}

/// The API root for the form's comune, unless `api_url` overrides it.
pub fn base_url(form: &Form) -> String {
    match form.optional("api_url") {
        Some(u) => u.trim_end_matches('/').to_string(),
        None => format!("https://{}.paytourist.com", form.value("comune")),
    }
}

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

/// A successful reply has a `data` list (docs/PROTOCOLS.md#assumed-for-paytourist); anything else is
/// unexpected.
#[derive(Deserialize)]
struct Data {
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
    let request = http::client(limits)
        .get(&url)
        .bearer_auth(token.expose_secret())
        .header(reqwest::header::ACCEPT, "application/json");
    let reply = http::exchange(request, &url, limits, &[token.expose_secret()]).await?;
    let (status, body) = (reply.status, reply.body);
    if status == StatusCode::UNAUTHORIZED {
        return Err(SupplierError::TokenRejected);
    }
    if let Some(e) = http::common_status(status, reply.retry_after) {
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
    use super::*;

    #[test]
    fn cleans_what_the_portal_shows() {
        assert_eq!(clean_token("Bearer abc.def"), ("abc.def".into(), true));
        assert_eq!(clean_token("  abc.def\n"), ("abc.def".into(), true));
        assert_eq!(clean_token("abc"), ("abc".into(), false));
        assert_eq!(clean_token("Bearer Bearer xyz").0, "Bearer xyz");
    }

    #[test]
    fn base_url_from_the_comune_unless_overridden() {
        let mut f = Form::new(IntegrationType::Paytourist);
        f.values.insert("comune".into(), "firenze".into());
        assert_eq!(base_url(&f), "https://firenze.paytourist.com");
        f.values.insert("api_url".into(), String::new());
        assert_eq!(base_url(&f), "https://firenze.paytourist.com");
        f.values.insert("api_url".into(), "http://127.0.0.1:9/".into());
        assert_eq!(base_url(&f), "http://127.0.0.1:9");
    }
}
