//! "Testar conexão": one real, harmless call per type, with the values of the form (saved or not).

use std::collections::BTreeMap;

use ponte_core::integration_types::{paytourist as pt_spec, IntegrationType};
use secrecy::SecretString;
use serde::Serialize;
use ts_rs::TS;

use crate::http::Limits;
use crate::{infotravel, paytourist, wooba, SupplierError};

/// Everything a test may need; the caller gathers it from the form, the database and the keyring.
pub struct TestInput {
    pub ty: IntegrationType,
    pub values: BTreeMap<String, String>,
    pub secrets: BTreeMap<String, SecretString>,
    /// Wooba vendor settings: Developer-Token and public key PEM.
    pub wooba_developer: (Option<SecretString>, Option<String>),
    /// PayTourist: the token to verify (from Tokens de API).
    pub paytourist_token: Option<SecretString>,
}

/// A passed test: a catalogue key and its parameters, e.g. "authenticated, token valid for 60 min".
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TestSuccess {
    pub key: String,
    pub params: BTreeMap<String, String>,
}

fn value(input: &TestInput, key: &str) -> String {
    input.values.get(key).cloned().unwrap_or_default()
}

fn secret(input: &TestInput, key: &str) -> Result<SecretString, SupplierError> {
    input
        .secrets
        .get(key)
        .cloned()
        .ok_or_else(|| SupplierError::MissingSecret(key.into()))
}

pub async fn run(input: &TestInput, limits: &Limits) -> Result<TestSuccess, SupplierError> {
    let mut params = BTreeMap::new();
    match input.ty {
        IntegrationType::Infotravel => {
            let creds = infotravel::Credentials {
                url: value(input, "url"),
                supplier_id: value(input, "supplier_id"),
                agency_code: value(input, "agency_code"),
                username: value(input, "username"),
                password: secret(input, "password")?,
            };
            let info = infotravel::Client::new(creds, *limits).authenticate().await?;
            params.insert("minutes".into(), (info.expires_in.as_secs() / 60).to_string());
            Ok(TestSuccess {
                key: "test.ok.infotravel".into(),
                params,
            })
        }
        IntegrationType::Wooba => {
            let (token, pem) = &input.wooba_developer;
            let token = token
                .clone()
                .ok_or(SupplierError::DeveloperSettingsMissing("Developer-Token"))?;
            let pem = pem
                .clone()
                .ok_or(SupplierError::DeveloperSettingsMissing("public key"))?;
            let creds = wooba::Credentials {
                url: value(input, "url"),
                username: value(input, "username"),
                password: secret(input, "password")?,
                developer_token: token,
                public_key_pem: pem,
            };
            let client = wooba::Client::new(creds, *limits)?;
            let today = chrono::Local::now().date_naive();
            let body = wooba::assumed::list_body(Some(today), Some(today), None, 1, 1);
            let reply: serde_json::Value = client.post(wooba::assumed::LIST_PATH, body).await?;
            let pages = reply.get("TotalPages").and_then(|v| v.as_u64()).unwrap_or(0);
            params.insert("pages".into(), pages.to_string());
            Ok(TestSuccess {
                key: "test.ok.wooba".into(),
                params,
            })
        }
        IntegrationType::Paytourist => {
            let token = input
                .paytourist_token
                .clone()
                .ok_or_else(|| SupplierError::MissingSecret("token".into()))?;
            let base = pt_spec::base_url(&value(input, "comune"), input.values.get("api_url").map(String::as_str));
            let n = paytourist::verify_token(
                &base,
                &value(input, "structure_id"),
                &value(input, "software_id"),
                &token,
                limits,
            )
            .await?;
            params.insert("count".into(), n.to_string());
            Ok(TestSuccess {
                key: "test.ok.paytourist".into(),
                params,
            })
        }
    }
}
