//! The HTTP client every supplier shares: rustls, timeouts, a cap on reply size, and error mapping
//! that never panics on any reply and never puts a secret in an error.
//!
//! - **No redirect is followed**: a 3xx would make reqwest send the request again elsewhere (the body on
//!   307/308, custom headers such as Wooba's `Developer-Token` always), so it is reported as
//!   [`SupplierError::Redirected`] instead and the credentials only ever go to the saved address.
//! - **One request is bounded in time, its body included** ([`Limits::timeout`]: reqwest's total timeout,
//!   and [`exchange`] also bounds the whole exchange), **and in size** ([`Limits::max_body`]).

use std::time::Duration;

use reqwest::{Client, RequestBuilder, Response, StatusCode};

use crate::SupplierError;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body: 32 * 1024 * 1024,
        }
    }
}

pub fn client(limits: &Limits) -> Client {
    Client::builder()
        .connect_timeout(limits.connect_timeout)
        .timeout(limits.timeout)
        .user_agent(concat!("Ponte/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client with static settings builds")
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(String::from))
        .unwrap_or_else(|| url.to_string())
}

/// Maps a transport error to what the user can act on: DNS, connection, TLS or timeout.
pub fn transport(e: &reqwest::Error, url: &str, limits: &Limits) -> SupplierError {
    let host = host_of(url);
    let mut chain = String::new();
    let mut src: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = src {
        chain.push_str(&s.to_string().to_lowercase());
        chain.push(' ');
        src = s.source();
    }
    log::debug!("transport error: {chain}");
    if e.is_timeout() || chain.contains("timed out") {
        SupplierError::Timeout {
            host,
            seconds: limits.timeout.as_secs(),
        }
    } else if chain.contains("dns error") || chain.contains("failed to lookup") || chain.contains("name or service") {
        SupplierError::Dns { host }
    } else if [
        "certificate",
        "tls",
        "handshake",
        "corrupt message",
        "invalidcontenttype",
    ]
    .iter()
    .any(|k| chain.contains(k))
    {
        SupplierError::Tls { host }
    } else if e.is_connect() {
        SupplierError::Connect { host }
    } else if e.is_builder() {
        SupplierError::BadUrl(url.to_string())
    } else {
        // A reply cut mid-way (connection reset, truncated body).
        SupplierError::Unexpected {
            status: 0,
            excerpt: "connection closed before the reply was complete".into(),
        }
    }
}

/// Reads the whole body, refusing more than `limits.max_body` bytes.
pub async fn body(mut resp: Response, url: &str, limits: &Limits) -> Result<Vec<u8>, SupplierError> {
    if resp.content_length().is_some_and(|n| n as usize > limits.max_body) {
        return Err(SupplierError::TooLarge { limit: limits.max_body });
    }
    let mut out = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if out.len() + chunk.len() > limits.max_body {
                    return Err(SupplierError::TooLarge { limit: limits.max_body });
                }
                out.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(out),
            Err(e) => return Err(transport(&e, url, limits)),
        }
    }
}

/// A short, printable start of a reply for "unexpected reply" messages, secrets masked before the cut
/// ([`crate::mask::excerpt`]).
pub fn excerpt(bytes: &[u8], secrets: &[&str]) -> String {
    crate::mask::excerpt(bytes, secrets)
}

/// A reply read whole: its status, its `Retry-After` (seconds) and its body.
pub struct Reply {
    pub status: StatusCode,
    pub retry_after: u64,
    pub body: Vec<u8>,
}

/// Sends `request` to `url` and reads the reply, all within [`Limits::timeout`] (a reply that drips ends
/// as [`SupplierError::Timeout`]) and [`Limits::max_body`]; a redirect is refused
/// ([`SupplierError::Redirected`]) without reading its body. `secrets` are masked in what the error shows.
pub async fn exchange(
    request: RequestBuilder,
    url: &str,
    limits: &Limits,
    secrets: &[&str],
) -> Result<Reply, SupplierError> {
    let work = async {
        let resp = request.send().await.map_err(|e| transport(&e, url, limits))?;
        refuse_redirect(&resp, url, secrets)?;
        let status = resp.status();
        let retry_after = retry_after(&resp);
        let body = body(resp, url, limits).await?;
        Ok(Reply {
            status,
            retry_after,
            body,
        })
    };
    // reqwest's own total timeout covers the body too; this bound also holds if it ever did not.
    match tokio::time::timeout(limits.timeout + Duration::from_millis(500), work).await {
        Ok(r) => r,
        Err(_) => Err(SupplierError::Timeout {
            host: host_of(url),
            seconds: limits.timeout.as_secs(),
        }),
    }
}

/// A 3xx is never followed: the error names where it pointed (host and port only, masked).
pub fn refuse_redirect(resp: &Response, url: &str, secrets: &[&str]) -> Result<(), SupplierError> {
    let status = resp.status();
    if !status.is_redirection() {
        return Ok(());
    }
    let location = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    let target = url::Url::parse(url)
        .ok()
        .and_then(|base| base.join(location.trim()).ok())
        .and_then(|u| {
            u.host_str().map(|h| {
                format!(
                    "{}://{h}{}",
                    u.scheme(),
                    u.port().map(|p| format!(":{p}")).unwrap_or_default()
                )
            })
        })
        .unwrap_or_else(|| "?".into());
    let target: String = crate::mask::mask(&target, secrets).chars().take(120).collect();
    Err(SupplierError::Redirected {
        status: status.as_u16(),
        target,
    })
}

/// Seconds from a `Retry-After` header (delta-seconds form), default 30.
pub fn retry_after(resp: &Response) -> u64 {
    resp.headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(30)
}

/// Status codes every supplier maps alike.
pub fn common_status(status: StatusCode, retry: u64) -> Option<SupplierError> {
    if status == StatusCode::TOO_MANY_REQUESTS {
        Some(SupplierError::RateLimited { seconds: retry })
    } else if status.is_server_error() {
        Some(SupplierError::Server {
            status: status.as_u16(),
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_masks_secrets_and_control_chars() {
        let e = excerpt(b"<html>\n<body>bad pass s3cret!</body>", &["s3cret!"]);
        assert_eq!(e, "<html> <body>bad pass •••</body>");
        assert_eq!(excerpt(b"", &[]), "(empty)");
        assert_eq!(excerpt(&[b'a'; 1000], &[]).len(), 160);
    }

    /// Masking happens before the cut: a secret across character 160 leaks no part of itself.
    #[test]
    fn excerpt_masks_before_cutting() {
        let secret = "Senha-Conceição#2026";
        let body = format!("{}{secret}", "x".repeat(150));
        let e = excerpt(body.as_bytes(), &[secret]);
        assert!(!e.contains("Senha"), "{e}");
        // JSON-escaped in the reply.
        let e = excerpt(br#"{"echo":"Senha-Concei\u00e7\u00e3o#2026"}"#, &[secret]);
        assert!(!e.contains("Senha"), "{e}");
    }
}
