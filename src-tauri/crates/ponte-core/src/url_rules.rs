//! Web addresses users type: https only, except plain http to this machine (simulators, local proxies).

use std::net::IpAddr;

use url::{Host, Url};

/// Returns the address trimmed, or the catalogue key of what is wrong with it.
pub fn check(input: &str) -> Result<String, &'static str> {
    let s = input.trim();
    if s.chars().any(char::is_whitespace) {
        return Err("error.url.spaces");
    }
    if !s.contains("://") {
        return Err("error.url.no_scheme");
    }
    let url = Url::parse(s).map_err(|_| "error.url.invalid")?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err("error.url.https_required"),
        _ => return Err("error.url.scheme"),
    }
    if url.host().is_none() {
        return Err("error.url.invalid");
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("error.url.credentials");
    }
    Ok(s.to_string())
}

pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn accepts_https_and_loopback_http() {
        assert_eq!(
            check(" https://agencia.example.com.br ").unwrap(),
            "https://agencia.example.com.br"
        );
        assert!(check("https://bwtoperadora.travellink.com.br/").is_ok());
        assert!(check("http://127.0.0.1:8080").is_ok());
        assert!(check("http://127.5.0.1:8080/x").is_ok());
        assert!(check("http://localhost:1").is_ok());
        assert!(check("http://[::1]:9").is_ok());
    }

    #[test]
    fn refuses_the_rest_with_a_reason() {
        assert_eq!(check("agencia.example.com.br"), Err("error.url.no_scheme"));
        assert_eq!(check("ftp://agencia.example.com.br"), Err("error.url.scheme"));
        assert_eq!(check("http://agencia.example.com.br"), Err("error.url.https_required"));
        assert_eq!(check("http://192.168.0.10"), Err("error.url.https_required"));
        assert_eq!(check("https://agencia example.com.br"), Err("error.url.spaces"));
        assert_eq!(check("https://user:pw@bwt.com.br"), Err("error.url.credentials"));
        assert_eq!(check("https://"), Err("error.url.invalid"));
    }
}
