//! The test host is only for tests: loopback, a per-run token on every command, no CORS, the window's
//! CSP on the pages. Starts the real binary and talks plain HTTP/1.1 to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Host {
    child: Child,
    addr: String,
    token: String,
    _ui: tempfile::TempDir,
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Host {
    let ui = tempfile::tempdir().unwrap();
    std::fs::write(ui.path().join("index.html"), "<!doctype html><title>Ponte</title>").unwrap();
    let conf = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tauri.conf.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ponte-devhost"))
        .arg("--ui")
        .arg(ui.path())
        .arg("--tauri-conf")
        .arg(conf)
        .arg("--sim-bookings")
        .arg("20")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    let url = v["url"].as_str().unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "loopback only: {url}");
    Host {
        child,
        addr: url.trim_start_matches("http://").to_string(),
        token: v["token"].as_str().unwrap().to_string(),
        _ui: ui,
    }
}

/// One request; returns the status line, the headers (lowercase) and the body.
fn request(h: &Host, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(&h.addr).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", h.addr);
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head.to_lowercase(), body.to_string())
}

#[test]
fn commands_need_the_runs_token_and_no_other_origin_may_call() {
    let h = start();
    let auth = format!("Bearer {}", h.token);
    let (status, _, _) = request(&h, "POST", "/api/app_info", &[], "{}");
    assert_eq!(status, 401, "no token");
    let (status, _, _) = request(&h, "POST", "/api/app_info", &[("Authorization", "Bearer wrong")], "{}");
    assert_eq!(status, 401, "a wrong token");
    let (status, head, body) = request(&h, "POST", "/api/app_info", &[("Authorization", &auth)], "{}");
    assert_eq!(status, 200);
    assert!(body.contains("\"ok\""), "{body}");
    assert!(!head.contains("access-control-allow"), "no CORS: {head}");
    // A browser's preflight from another origin gets no permission either.
    let (_, head, _) = request(
        &h,
        "OPTIONS",
        "/api/app_info",
        &[
            ("Origin", "https://evil.example"),
            ("Access-Control-Request-Method", "POST"),
        ],
        "",
    );
    assert!(!head.contains("access-control-allow"), "{head}");
    let (status, _, _) = request(&h, "GET", "/__test/state", &[], "");
    assert_eq!(status, 401, "test endpoints need the token too");
    let (status, _, _) = request(&h, "POST", "/__test/sql", &[], "{\"sql\":\"SELECT 1\"}");
    assert_eq!(status, 401, "test endpoints need the token too");
}

#[test]
fn pages_carry_the_windows_csp() {
    let h = start();
    let (status, head, _) = request(&h, "GET", "/", &[], "");
    assert_eq!(status, 200);
    let csp = head
        .lines()
        .find(|l| l.starts_with("content-security-policy:"))
        .expect("a CSP header")
        .to_string();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("object-src 'none'"),
        "{csp}"
    );
    assert!(
        csp.contains("connect-src 'self'"),
        "the page may call only its own host: {csp}"
    );
}

/// The end-of-journey secret scan can fail: it finds what is stored in the database (a username, no
/// secret) and in the replies, and does not find a password that only the keyring holds.
#[test]
fn the_secret_scan_finds_what_is_stored_and_not_what_the_keyring_keeps() {
    let h = start();
    let auth = format!("Bearer {}", h.token);
    let hdr = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
    let (_, _, person) = request(
        &h,
        "POST",
        "/api/person_create",
        &hdr,
        r#"{"input":{"kind":"company","name":"BWT"}}"#,
    );
    // The reply is streamed (chunked): its JSON lines are the ones that start with `{`.
    let json_line = |b: &str| -> serde_json::Value {
        serde_json::from_str(b.lines().rfind(|l| l.starts_with('{')).expect("a JSON line")).unwrap()
    };
    let person = json_line(&person);
    let id = person["ok"]["id"].as_i64().unwrap();
    let body = format!(
        r#"{{"input":{{"type":"infotravel","description":"BWT","person_id":{id},"values":{{"url":"https://bwt.example.com.br","supplier_id":"BWT","agency_code":"1234","username":"agencia.scan.user"}},"secrets":{{"password":"Scan-Only-In-Keyring-77"}}}}}}"#
    );
    let (status, _, saved) = request(&h, "POST", "/api/integration_create", &hdr, &body);
    assert_eq!(status, 200);
    assert!(saved.contains("\"ok\""), "{saved}");
    let scan = |secrets: &str| {
        let (_, _, b) = request(
            &h,
            "POST",
            "/__test/scan",
            &hdr,
            &format!(r#"{{"secrets":[{secrets}]}}"#),
        );
        json_line(&b)
    };
    let found = scan(r#""agencia.scan.user""#);
    let hits = found["hits"].as_array().unwrap();
    assert!(hits.iter().any(|x| x.as_str().unwrap().contains("ponte.db")), "{found}");
    assert!(hits.iter().any(|x| x.as_str().unwrap().contains("reply")), "{found}");
    let clean = scan(r#""Scan-Only-In-Keyring-77""#);
    assert_eq!(clean["hits"], serde_json::json!([]), "{clean}");
    assert!(clean["files"].as_u64().unwrap() > 0);
}
