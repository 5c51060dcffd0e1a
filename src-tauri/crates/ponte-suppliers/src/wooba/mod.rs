//! Wooba API Sales (Travellink Web API) — docs/PROTOCOLS.md#wooba-api-sales: the supplier ([`Wooba`]),
//! its form ([`form`]), its client (here; assumed protocol parts in [`assumed`]), its sales ([`sales`],
//! mapped by [`mapping`]). Errors arrive as HTTP 200 with an `Exception` object, as in older Travellink
//! services. Every call also needs Ponte's vendor settings (Developer-Token and Wooba's public key, in
//! Configurações > Integrações), which [`Supplier::prepare`] adds to the form.

pub mod assumed;
pub mod form;
pub mod mapping;
pub mod sales;

use std::collections::BTreeMap;

use base64::Engine;
use chrono::NaiveDate;
use ponte_core::db::Db;
use ponte_core::integration_types::{IntegrationType, IntegrationTypeSpec};
use ponte_core::secrets::Secrets;
use ponte_core::{vendor_settings, CoreError};
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Encrypt, RsaPublicKey};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::connection_test::TestSuccess;
use crate::http::{self, Limits};
use crate::supplier::{BoxFuture, Form, OpenSales, Supplier};
use crate::SupplierError;

/// Where [`Supplier::prepare`] puts the vendor settings: the Developer-Token (a secret) and the public
/// key PEM (a value).
pub const DEVELOPER_TOKEN: &str = "developer_token";
pub const PUBLIC_KEY_PEM: &str = "public_key_pem";

pub struct Wooba;

impl Supplier for Wooba {
    fn id(&self) -> IntegrationType {
        IntegrationType::Wooba
    }

    fn form(&self) -> IntegrationTypeSpec {
        form::spec()
    }

    fn prepare(&self, db: &Db, store: &Secrets, _saved_id: Option<i64>, form: &mut Form) -> Result<(), CoreError> {
        let (token, pem) = vendor_settings::wooba_credentials(db, store)?;
        if let Some(t) = token {
            form.secrets.insert(DEVELOPER_TOKEN.into(), t);
        }
        if let Some(p) = pem {
            form.values.insert(PUBLIC_KEY_PEM.into(), p);
        }
        Ok(())
    }

    /// A `sales/list` call for today with one sale per page: harmless, and it proves all three credentials.
    fn test_connection<'a>(
        &'a self,
        form: &'a Form,
        limits: &'a Limits,
    ) -> BoxFuture<'a, Result<TestSuccess, SupplierError>> {
        Box::pin(async move {
            let client = Client::new(Credentials::from_form(form)?, *limits)?;
            let today = chrono::Local::now().date_naive();
            let body = assumed::list_body(Some(today), Some(today), None, 1, 1);
            let reply: serde_json::Value = client.post(assumed::LIST_PATH, body).await?;
            // Any JSON is not a list reply: without its `Sales` list the URL does not lead to API Sales.
            if !reply.get("Sales").is_some_and(serde_json::Value::is_array) {
                return Err(crate::sales_source::shape_error_of(&reply, &client.secrets()));
            }
            let pages = reply.get("TotalPages").and_then(|v| v.as_u64()).unwrap_or(0);
            Ok(TestSuccess {
                key: "test.ok.wooba".into(),
                params: BTreeMap::from([("pages".into(), pages.to_string())]),
            })
        })
    }

    fn sales(&self) -> Option<OpenSales> {
        Some(sales::open)
    }
}

#[derive(Clone)]
pub struct Credentials {
    pub url: String,
    pub username: String,
    pub password: SecretString,
    /// Ponte's own (software vendor) token, from Configurações > Integrações.
    pub developer_token: SecretString,
    /// Wooba's public key, PEM (SPKI `PUBLIC KEY` or PKCS#1 `RSA PUBLIC KEY`).
    pub public_key_pem: String,
}

impl Credentials {
    /// The integration's form (Usuário, Senha, URL Webservice) and the vendor settings `prepare` added.
    pub fn from_form(form: &Form) -> Result<Self, SupplierError> {
        let developer_token = form
            .secrets
            .get(DEVELOPER_TOKEN)
            .cloned()
            .ok_or(SupplierError::DeveloperSettingsMissing("Developer-Token"))?;
        let public_key_pem = form
            .optional(PUBLIC_KEY_PEM)
            .ok_or(SupplierError::DeveloperSettingsMissing("public key"))?
            .to_string();
        Ok(Self {
            url: form.value("url"),
            username: form.value("username"),
            password: form.secret("password")?,
            developer_token,
            public_key_pem,
        })
    }
}

/// `{URL Webservice}/TravellinkWebApi/api/v1`, whatever slashes or suffix the user typed.
pub fn api_root(url: &str) -> String {
    let u = url.trim().trim_end_matches('/');
    if let Some(i) = u.find("/TravellinkWebApi") {
        format!("{}/TravellinkWebApi/api/v1", &u[..i])
    } else {
        format!("{u}/TravellinkWebApi/api/v1")
    }
}

pub fn parse_public_key(pem: &str) -> Result<RsaPublicKey, SupplierError> {
    let pem = pem.trim();
    RsaPublicKey::from_public_key_pem(pem)
        .or_else(|_| RsaPublicKey::from_pkcs1_pem(pem))
        .map_err(|e| SupplierError::DeveloperKey(e.to_string()))
}

/// `base64(RSA-PKCS#1-v1.5-encrypt(key, "<token>|dd/MM/yyyy"))` for the given day.
pub fn access_code(token: &str, key: &RsaPublicKey, day: NaiveDate) -> Result<String, SupplierError> {
    let plain = format!("{token}|{}", day.format("%d/%m/%Y"));
    let mut rng = rsa::rand_core::OsRng;
    let enc = key
        .encrypt(&mut rng, Pkcs1v15Encrypt, plain.as_bytes())
        .map_err(|e| SupplierError::DeveloperKey(e.to_string()))?;
    Ok(base64::engine::general_purpose::STANDARD.encode(enc))
}

#[derive(Deserialize, Debug, Default)]
#[serde(rename_all = "PascalCase")]
pub struct WoobaException {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ExceptionOnly {
    #[serde(default)]
    exception: Option<WoobaException>,
}

pub struct Client {
    http: reqwest::Client,
    limits: Limits,
    root: String,
    creds: Credentials,
    key: RsaPublicKey,
}

impl Client {
    pub fn new(creds: Credentials, limits: Limits) -> Result<Self, SupplierError> {
        let key = parse_public_key(&creds.public_key_pem)?;
        Ok(Self {
            http: http::client(&limits),
            limits,
            root: api_root(&creds.url),
            creds,
            key,
        })
    }

    fn secrets(&self) -> [&str; 2] {
        [
            self.creds.password.expose_secret(),
            self.creds.developer_token.expose_secret(),
        ]
    }

    fn map_exception(&self, ex: &WoobaException) -> SupplierError {
        match ex.code.as_deref() {
            Some(assumed::CODE_INVALID_CREDENTIALS) => SupplierError::InvalidCredentials,
            Some(assumed::CODE_IP_NOT_ALLOWED) => SupplierError::IpNotAllowed,
            Some(assumed::CODE_ACCESS_CODE) => SupplierError::DeveloperAccessCode,
            _ => {
                let msg = ex.message.clone().or_else(|| ex.code.clone()).unwrap_or_default();
                let lower = msg.to_lowercase();
                if lower.contains("credencial") {
                    SupplierError::InvalidCredentials
                } else if lower.contains("ip") && lower.contains("autoriz") {
                    SupplierError::IpNotAllowed
                } else {
                    SupplierError::Unexpected {
                        status: 200,
                        excerpt: http::excerpt(msg.as_bytes(), &self.secrets()),
                    }
                }
            }
        }
    }

    /// POSTs `body` (with `AccessCredentials` added) to `{root}/{path}` and decodes the reply.
    pub async fn post<T: DeserializeOwned>(&self, path: &str, mut body: serde_json::Value) -> Result<T, SupplierError> {
        let url = format!("{}/{path}", self.root);
        body["AccessCredentials"] = serde_json::json!({
            "Company": {"Identifier": self.creds.username, "Password": self.creds.password.expose_secret()}
        });
        let today = chrono::Local::now().date_naive();
        let code = access_code(self.creds.developer_token.expose_secret(), &self.key, today)?;
        let request = self
            .http
            .post(&url)
            .header("Developer-Token", self.creds.developer_token.expose_secret())
            .header("Developer-Access-Code", code)
            .json(&body);
        let reply = http::exchange(request, &url, &self.limits, &self.secrets()).await?;
        let (status, bytes) = (reply.status, reply.body);
        if let Some(e) = http::common_status(status, reply.retry_after) {
            return Err(e);
        }
        let unexpected = || SupplierError::Unexpected {
            status: status.as_u16(),
            excerpt: http::excerpt(&bytes, &self.secrets()),
        };
        if let Ok(ExceptionOnly { exception: Some(ex) }) = serde_json::from_slice::<ExceptionOnly>(&bytes) {
            return Err(self.map_exception(&ex));
        }
        if !status.is_success() {
            return Err(unexpected());
        }
        serde_json::from_slice(&bytes).map_err(|_| unexpected())
    }
}

/// `/Date(1732500000000-0300)/` → the instant it names, with its offset.
pub fn parse_date(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let inner = s.trim().strip_prefix("/Date(")?.strip_suffix(")/")?;
    let split = inner.rfind(['+', '-']).filter(|&i| i > 0);
    let (ms, offset) = match split {
        Some(i) => (&inner[..i], &inner[i..]),
        None => (inner, "+0000"),
    };
    let ms: i64 = ms.parse().ok()?;
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let hh: i32 = offset.get(1..3)?.parse().ok()?;
    let mm: i32 = offset.get(3..5)?.parse().ok()?;
    let tz = chrono::FixedOffset::east_opt(sign * (hh * 3600 + mm * 60))?;
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.with_timezone(&tz))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_root_variants() {
        assert_eq!(
            api_root("https://bwtoperadora.travellink.com.br/"),
            "https://bwtoperadora.travellink.com.br/TravellinkWebApi/api/v1"
        );
        assert_eq!(
            api_root("https://x.travellink.com.br/TravellinkWebApi/api/v1/"),
            "https://x.travellink.com.br/TravellinkWebApi/api/v1"
        );
    }

    #[test]
    fn parses_microsoft_json_dates() {
        let d = parse_date("/Date(1732500000000-0300)/").unwrap();
        assert_eq!(d.to_rfc3339(), "2024-11-24T23:00:00-03:00");
        assert_eq!(parse_date("/Date(0)/").unwrap().timestamp(), 0);
        assert!(parse_date("2024-11-25").is_none());
        assert!(parse_date("/Date(abc)/").is_none());
    }
}
