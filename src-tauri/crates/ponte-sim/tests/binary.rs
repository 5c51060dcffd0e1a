//! The `ponte-sim` binary: one JSON line on stdout with what a client needs, then it serves, and its
//! faults are driven over HTTP (as UI tests do).
#![cfg(feature = "control")]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use ponte_sim::ClientInfo;
use serde_json::{json, Value};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(args: &[&str]) -> (Killed, ClientInfo) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ponte-sim"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("ponte-sim runs");
    let stdout = child.stdout.take().unwrap();
    let child = Killed(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let info: ClientInfo = serde_json::from_str(&line).expect("one JSON line");
    (child, info)
}

#[tokio::test]
async fn prints_its_config_then_serves() {
    let (_child, info) = spawn(&["--port", "0", "--bookings", "50", "--seed", "3", "--wooba-test-key"]);
    assert!(info.base_url.starts_with("http://127.0.0.1:"));
    assert_eq!((info.data.seed, info.data.bookings), (3, 50));
    assert_eq!(info.wooba.url, format!("{}/", info.base_url));
    assert!(info.wooba.public_key_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
    assert_eq!(info.infotravel.prefixed_urls, [format!("{}/infotravel", info.base_url)]);
    assert_eq!(info.paytourist.valid_tokens.len(), 1);

    let http = reqwest::Client::builder().no_proxy().build().unwrap();
    let auth = json!({
        "username": info.infotravel.username, "password": info.infotravel.password,
        "agency": info.infotravel.agency, "client": info.infotravel.client, "language": "pt_br",
    });
    let reply = http
        .post(format!("{}/api/v1/authenticate", info.infotravel.url))
        .json(&auth)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    let token = reply.json::<Value>().await.unwrap()["accessToken"]
        .as_str()
        .unwrap()
        .to_string();

    let fault = json!({ "kind": "server_error", "status": 503, "supplier": "infotravel", "count": 1 });
    assert_eq!(
        http.post(&info.control.faults)
            .json(&fault)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let booking = format!("{}/api/v1/booking/100001", info.base_url);
    assert_eq!(
        http.get(&booking).bearer_auth(&token).send().await.unwrap().status(),
        503
    );
    assert_eq!(
        http.get(&booking).bearer_auth(&token).send().await.unwrap().status(),
        200
    );
    let log: Value = http
        .get(&info.control.requests)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(log.as_array().unwrap().len(), 3);
    let same = http
        .get(format!("{}/__sim/info", info.base_url))
        .send()
        .await
        .unwrap()
        .json::<ClientInfo>()
        .await
        .unwrap();
    assert_eq!(same, info);
}

#[test]
fn print_config_exits_without_serving() {
    let output = Command::new(env!("CARGO_BIN_EXE_ponte-sim"))
        .args(["--print-config", "--port", "8765", "--wooba-test-key", "--seed", "9"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 1);
    let info: ClientInfo = serde_json::from_str(&text).unwrap();
    assert_eq!(info.base_url, "http://127.0.0.1:8765");
    assert_eq!(info.control.faults, "http://127.0.0.1:8765/__sim/faults");
    assert_eq!(info.data.seed, 9);
}

#[test]
fn bad_arguments_are_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_ponte-sim"))
        .args(["--start", "2026-05-01", "--end", "2026-04-01"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
