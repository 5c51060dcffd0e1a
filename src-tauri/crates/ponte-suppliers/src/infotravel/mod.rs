//! Infotravel (Infotera) — docs/PROTOCOLS.md#infotravel: the supplier ([`Infotravel`]), its form
//! ([`form`]), its REST client (here; assumed protocol parts in [`assumed`]), its sales ([`sales`],
//! mapped by [`mapping`]). Its connection test authenticates; it has sales, no API tokens.

pub mod assumed;
pub mod form;
pub mod mapping;
pub mod sales;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use ponte_core::integration_types::{IntegrationType, IntegrationTypeSpec};
use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::connection_test::TestSuccess;
use crate::http::{self, Limits};
use crate::supplier::{BoxFuture, Form, OpenSales, Supplier};
use crate::SupplierError;

pub struct Infotravel;

impl Supplier for Infotravel {
    fn id(&self) -> IntegrationType {
        IntegrationType::Infotravel
    }

    fn form(&self) -> IntegrationTypeSpec {
        form::spec()
    }

    /// `POST /authenticate` with the form's credentials; says how long the access token lasts.
    fn test_connection<'a>(
        &'a self,
        form: &'a Form,
        limits: &'a Limits,
    ) -> BoxFuture<'a, Result<TestSuccess, SupplierError>> {
        Box::pin(async move {
            let info = Client::new(Credentials::from_form(form)?, *limits)
                .authenticate()
                .await?;
            Ok(TestSuccess {
                key: "test.ok.infotravel".into(),
                params: BTreeMap::from([("minutes".into(), (info.expires_in.as_secs() / 60).to_string())]),
            })
        })
    }

    fn sales(&self) -> Option<OpenSales> {
        Some(sales::open)
    }
}

/// What the integration form holds, secrets included (they stay in memory, never logged).
#[derive(Clone)]
pub struct Credentials {
    pub url: String,
    pub supplier_id: String,
    pub agency_code: String,
    pub username: String,
    pub password: SecretString,
}

impl Credentials {
    /// The integration's form: URL Webservice, Identificador do Fornecedor, Código da Agência and the API
    /// user (its password from the keyring or just typed).
    pub fn from_form(form: &Form) -> Result<Self, SupplierError> {
        Ok(Self {
            url: form.value("url"),
            supplier_id: form.value("supplier_id"),
            agency_code: form.value("agency_code"),
            username: form.value("username"),
            password: form.secret("password")?,
        })
    }
}

/// `{URL Webservice}/api/v1`, without doubling `/api/v1` or a trailing slash.
pub fn api_root(url: &str) -> String {
    let u = url.trim().trim_end_matches('/');
    if u.ends_with("/api/v1") {
        u.to_string()
    } else {
        format!("{u}/api/v1")
    }
}

#[derive(Serialize)]
struct AuthenticationRq<'a> {
    username: &'a str,
    password: &'a str,
    agency: &'a str,
    client: &'a str,
    language: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AuthenticationRs {
    access_token: String,
    /// Read leniently ([`token_lifetime`]): the wire may say anything here.
    #[serde(rename = "expire_seconds", default)]
    expire_seconds: serde_json::Value,
}

/// Lifetime assumed when the reply says none (or nothing usable).
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(3600);
/// Longest lifetime believed: a longer one (up to `u64::MAX` seconds on the wire) is clamped to this.
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// Longest access token accepted (it goes back in a header).
const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// `expire_seconds` as sent: a number (or numeric text) clamped to 0..=[`MAX_TOKEN_LIFETIME`]; a
/// negative one is 0 (renewed before each call), anything else the default hour. Never panics.
pub fn token_lifetime(v: &serde_json::Value) -> Duration {
    let secs: Option<f64> = match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    match secs.filter(|s| s.is_finite()) {
        None => DEFAULT_TOKEN_LIFETIME,
        Some(s) if s <= 0.0 => Duration::ZERO,
        Some(s) => Duration::from_secs_f64(s.min(MAX_TOKEN_LIFETIME.as_secs_f64())),
    }
}

/// Infotravel's error body: `{"code", "message", "description"}`.
#[derive(Deserialize, Default)]
struct ApiError {
    #[serde(default)]
    code: String,
}

pub struct Client {
    http: reqwest::Client,
    limits: Limits,
    root: String,
    creds: Credentials,
    token: Option<(String, Instant)>,
}

/// What a successful connection test found.
#[derive(Debug, Clone)]
pub struct AuthInfo {
    pub expires_in: Duration,
}

impl Client {
    pub fn new(creds: Credentials, limits: Limits) -> Self {
        Self {
            http: http::client(&limits),
            limits,
            root: api_root(&creds.url),
            creds,
            token: None,
        }
    }

    fn secrets(&self) -> [&str; 1] {
        [self.creds.password.expose_secret()]
    }

    fn map_status(&self, status: StatusCode, retry: u64, body: &[u8]) -> SupplierError {
        if let Some(e) = http::common_status(status, retry) {
            return e;
        }
        let api: ApiError = serde_json::from_slice(body).unwrap_or_default();
        match (status, api.code.as_str()) {
            (_, "INVALID_CREDENTIALS") | (StatusCode::UNAUTHORIZED, _) => SupplierError::InvalidCredentials,
            (_, assumed::API_ACCESS_DENIED) | (StatusCode::FORBIDDEN, _) => SupplierError::ApiAccessDenied,
            _ => SupplierError::Unexpected {
                status: status.as_u16(),
                excerpt: http::excerpt(body, &self.secrets()),
            },
        }
    }

    /// `POST /authenticate`; keeps the access token until shortly before it expires.
    pub async fn authenticate(&mut self) -> Result<AuthInfo, SupplierError> {
        let url = format!("{}/authenticate", self.root);
        let rq = AuthenticationRq {
            username: &self.creds.username,
            password: self.creds.password.expose_secret(),
            agency: &self.creds.agency_code,
            client: &self.creds.supplier_id,
            language: "pt_br",
        };
        let request = self.http.post(&url).json(&rq);
        let reply = http::exchange(request, &url, &self.limits, &self.secrets()).await?;
        let (status, body) = (reply.status, reply.body);
        if !status.is_success() {
            return Err(self.map_status(status, reply.retry_after, &body));
        }
        let unexpected = || SupplierError::Unexpected {
            status: status.as_u16(),
            excerpt: http::excerpt(&body, &self.secrets()),
        };
        let rs: AuthenticationRs = serde_json::from_slice(&body).map_err(|_| unexpected())?;
        // The token goes back in a header: refuse one that cannot be sent.
        if rs.access_token.is_empty()
            || rs.access_token.len() > MAX_TOKEN_BYTES
            || reqwest::header::HeaderValue::from_str(&rs.access_token).is_err()
        {
            return Err(unexpected());
        }
        let expires_in = token_lifetime(&rs.expire_seconds);
        // Renew a minute early so a long import never sends an expired token.
        let now = Instant::now();
        let until = now
            .checked_add(expires_in.saturating_sub(Duration::from_secs(60)))
            .unwrap_or(now);
        self.token = Some((rs.access_token, until));
        Ok(AuthInfo { expires_in })
    }

    async fn bearer(&mut self) -> Result<String, SupplierError> {
        match &self.token {
            Some((t, until)) if Instant::now() < *until => Ok(t.clone()),
            _ => {
                self.authenticate().await?;
                Ok(self.token.as_ref().map(|(t, _)| t.clone()).unwrap_or_default())
            }
        }
    }

    /// A GET under the API root with the bearer token; on a 401 authenticates once more, then gives up
    /// with "Credencial inválida".
    pub async fn get_json<T: serde::de::DeserializeOwned>(&mut self, path_and_query: &str) -> Result<T, SupplierError> {
        let url = format!("{}{path_and_query}", self.root);
        for attempt in 0..2 {
            let token = self.bearer().await?;
            let request = self.http.request(Method::GET, &url).bearer_auth(token);
            let reply = http::exchange(request, &url, &self.limits, &self.secrets()).await?;
            let (status, body) = (reply.status, reply.body);
            if status == StatusCode::UNAUTHORIZED && attempt == 0 {
                self.token = None;
                continue;
            }
            if !status.is_success() {
                return Err(self.map_status(status, reply.retry_after, &body));
            }
            return serde_json::from_slice(&body).map_err(|_| SupplierError::Unexpected {
                status: status.as_u16(),
                excerpt: http::excerpt(&body, &self.secrets()),
            });
        }
        Err(SupplierError::InvalidCredentials)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_expire_seconds_gives_a_sane_lifetime() {
        use serde_json::json;
        let life = |v| token_lifetime(&v);
        assert_eq!(life(json!(3600)), Duration::from_secs(3600));
        assert_eq!(life(json!(18446744073709551615u64)), MAX_TOKEN_LIFETIME);
        assert_eq!(life(json!(1e308)), MAX_TOKEN_LIFETIME);
        assert_eq!(life(json!(-5)), Duration::ZERO);
        assert_eq!(life(json!(-9.3e18)), Duration::ZERO);
        assert_eq!(life(json!("120")), Duration::from_secs(120));
        for v in [json!(null), json!("soon"), json!([1]), json!({"s": 1}), json!(true)] {
            assert_eq!(life(v), DEFAULT_TOKEN_LIFETIME);
        }
    }

    #[test]
    fn api_root_handles_slashes_paths_and_existing_suffix() {
        assert_eq!(
            api_root("https://bwt.infotravel.com.br"),
            "https://bwt.infotravel.com.br/api/v1"
        );
        assert_eq!(
            api_root("https://bwt.infotravel.com.br/"),
            "https://bwt.infotravel.com.br/api/v1"
        );
        assert_eq!(
            api_root("https://viagenspromo.infotravel.com.br/infotravel"),
            "https://viagenspromo.infotravel.com.br/infotravel/api/v1"
        );
        assert_eq!(api_root("https://x.com.br/api/v1/"), "https://x.com.br/api/v1");
    }
}
