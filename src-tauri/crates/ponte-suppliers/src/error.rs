//! Every way a supplier call can fail, each with a catalogue key whose text names the fix.

use std::collections::BTreeMap;

use ponte_core::ErrorReply;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SupplierError {
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("the supplier does not accept calls from this IP address")]
    IpNotAllowed,
    #[error("the agency has no permission to use the API")]
    ApiAccessDenied,
    #[error("the supplier refused the developer access code")]
    DeveloperAccessCode,
    #[error("the vendor settings for this supplier are missing: {0}")]
    DeveloperSettingsMissing(&'static str),
    #[error("the developer public key cannot be used: {0}")]
    DeveloperKey(String),
    #[error("the token was rejected (invalid, expired or revoked)")]
    TokenRejected,
    #[error("required secret {0} is not set")]
    MissingSecret(String),
    #[error("host {host} not found")]
    Dns { host: String },
    #[error("cannot connect to {host}")]
    Connect { host: String },
    #[error("secure connection to {host} failed")]
    Tls { host: String },
    #[error("{host} did not answer within {seconds} s")]
    Timeout { host: String, seconds: u64 },
    #[error("rate limited, retry after {seconds} s")]
    RateLimited { seconds: u64 },
    #[error("server error {status}")]
    Server { status: u16 },
    #[error("unexpected reply: status {status}: {excerpt}")]
    Unexpected { status: u16, excerpt: String },
    #[error("the reply is larger than {limit} bytes")]
    TooLarge { limit: usize },
    #[error("the address cannot be used: {0}")]
    BadUrl(String),
    /// A 3xx: Ponte never follows a redirect (it would carry the credentials to another address).
    #[error("the supplier answered with a redirect (HTTP {status}) to {target}")]
    Redirected { status: u16, target: String },
    /// The supplier keeps saying there is another page (or sends the same page again): the import stops.
    #[error("the supplier keeps saying there is more after {pages} pages")]
    EndlessPages { pages: u32 },
}

impl SupplierError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidCredentials => "invalid_credentials",
            Self::IpNotAllowed => "ip_not_allowed",
            Self::ApiAccessDenied => "api_access_denied",
            Self::DeveloperAccessCode => "developer_access_code",
            Self::DeveloperSettingsMissing(_) => "developer_settings_missing",
            Self::DeveloperKey(_) => "developer_key",
            Self::TokenRejected => "token_rejected",
            Self::MissingSecret(_) => "missing_secret",
            Self::Dns { .. } => "network_dns",
            Self::Connect { .. } => "network_connect",
            Self::Tls { .. } => "network_tls",
            Self::Timeout { .. } => "timeout",
            Self::RateLimited { .. } => "rate_limited",
            Self::Server { .. } => "server_error",
            Self::Unexpected { .. } => "unexpected_reply",
            Self::TooLarge { .. } => "reply_too_large",
            Self::BadUrl(_) => "bad_url",
            Self::Redirected { .. } => "redirect_refused",
            Self::EndlessPages { .. } => "endless_pages",
        }
    }

    /// Worth retrying later without changing anything.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::Timeout { .. } | Self::RateLimited { .. } | Self::Server { .. } | Self::Connect { .. }
        )
    }

    pub fn reply(&self) -> ErrorReply {
        let mut params = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            params.insert(k.to_string(), v);
        };
        match self {
            Self::DeveloperSettingsMissing(what) => put("what", (*what).into()),
            Self::DeveloperKey(d) | Self::BadUrl(d) => put("detail", d.clone()),
            Self::MissingSecret(f) => put("field", f.clone()),
            Self::Dns { host } | Self::Connect { host } | Self::Tls { host } => put("host", host.clone()),
            Self::Timeout { host, seconds } => {
                put("host", host.clone());
                put("seconds", seconds.to_string());
            }
            Self::RateLimited { seconds } => put("seconds", seconds.to_string()),
            Self::Server { status } => put("status", status.to_string()),
            Self::Unexpected { status, excerpt } => {
                put("status", status.to_string());
                put("excerpt", excerpt.clone());
            }
            Self::TooLarge { limit } => put("limit", (limit / 1_000_000).max(1).to_string()),
            Self::Redirected { status, target } => {
                put("status", status.to_string());
                put("target", target.clone());
            }
            Self::EndlessPages { pages } => put("pages", pages.to_string()),
            _ => {}
        }
        let field = match self {
            Self::MissingSecret(f) => Some(f.clone()),
            _ => None,
        };
        ErrorReply {
            code: self.code().into(),
            key: format!("error.supplier.{}", self.code()),
            field,
            fields: Vec::new(),
            params,
        }
    }
}
