//! The pages server: every Infotravel booking of the data set rendered ONCE, before anything is timed,
//! and each page of a date search assembled from those bytes in memory, so that an import is measured
//! against a server that costs (almost) nothing per page. A real supplier is slower than this; what this
//! server measures is Ponte, not itself.
//!
//! - The bytes are ponte-sim's own: each booking is `ponte_sim::data::infotravel_booking` serialised once,
//!   and a page is [`ponte_sim::infotravel::page_json`] (the envelope the simulator's `GET /booking`
//!   answers with) around the page's slice ([`ponte_sim::infotravel::date_page_slice`]). So the JSON
//!   shape, the ids and the products are exactly the simulator's (a test checks the bytes are equal),
//!   and Ponte's real client talks to it unchanged: `POST {url}/api/v1/authenticate`, then
//!   `GET {url}/api/v1/booking?startDate=…&endDate=…&page=…&size=…` with the bearer token, for any
//!   date window (Ponte may split a range into windows).
//! - It runs on its own thread and runtime, with axum/hyper like the simulator.
//! - [`fetch_only`] checks it is never the bottleneck: every page of the year fetched with reqwest
//!   (Ponte's HTTP stack), its bytes read whole and thrown away. The bench reports that time next to
//!   the imports.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;
use ponte_sim::data::{infotravel_booking, DataSpec};
use ponte_sim::infotravel::{date_page_slice, page_json, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use ponte_sim::SimConfig;
use serde_json::value::RawValue;
use tokio::sync::oneshot;

/// Page size the bench asks for (Ponte's, and Infotravel's largest).
pub const SIZE: usize = 500;
/// The only access token this server hands out.
const TOKEN: &str = "bench-token-0123456789abcdef0123456789abcdef";

/// Every booking of a data set, serialised.
pub struct Pages {
    pub spec: DataSpec,
    bookings: Vec<Box<RawValue>>,
}

impl Pages {
    /// Renders every booking of ponte-sim's data set of `n` bookings (seed 42, one year of sales).
    pub fn render(n: usize) -> Pages {
        let spec = SimConfig::new(42, n).data;
        let bookings = (0..n)
            .map(|i| serde_json::value::to_raw_value(&infotravel_booking(&spec, i)).expect("a booking serialises"))
            .collect();
        Pages { spec, bookings }
    }

    /// Bookings sold from `from` to `to`.
    pub fn count(&self, from: NaiveDate, to: NaiveDate) -> usize {
        date_page_slice(&self.spec, from, to, 0, 1).1
    }

    /// The body of page `page` of `size` of the date search `from..=to`: the simulator's bytes.
    pub fn page(&self, from: NaiveDate, to: NaiveDate, page: usize, size: usize) -> Vec<u8> {
        let (slice, total) = date_page_slice(&self.spec, from, to, page, size);
        page_json(&self.bookings[slice], page, size, total).expect("a page serialises")
    }

    /// The bytes of every page of `from..=to` in pages of [`SIZE`].
    pub fn total_bytes(&self, from: NaiveDate, to: NaiveDate) -> usize {
        let pages = self.count(from, to).div_ceil(SIZE);
        (0..pages).map(|p| self.page(from, to, p, SIZE).len()).sum()
    }
}

/// What a client needs: the URL Webservice and the credentials (the simulator's defaults).
#[derive(Clone)]
pub struct Access {
    pub url: String,
    pub username: String,
    pub password: String,
    pub agency: String,
    pub client: String,
}

impl Access {
    /// The simulator's default credentials at `url` (a ponte-sim or this server).
    pub fn at(url: String) -> Access {
        let c = SimConfig::default();
        Access {
            url,
            username: c.infotravel.username,
            password: c.infotravel.password,
            agency: c.data.agency,
            client: c.infotravel.client,
        }
    }
}

/// The running server; dropping it stops it.
pub struct PagesServer {
    pub access: Access,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl PagesServer {
    pub fn start(pages: Arc<Pages>) -> PagesServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener.set_nonblocking(true).expect("non-blocking");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("pages-server".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                    let app = Router::new()
                        .route("/api/v1/authenticate", post(authenticate))
                        .route("/api/v1/booking", get(booking))
                        .with_state(pages);
                    axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _ = stopped.await;
                        })
                        .await
                        .unwrap();
                });
            })
            .unwrap();
        PagesServer {
            access: Access::at(url),
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for PagesServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn error(status: StatusCode, code: &str) -> Response {
    let body = format!(r#"{{"code":"{code}","message":"{code}","description":"pages server"}}"#);
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn authenticate(body: Bytes) -> Response {
    let c = Access::at(String::new());
    let ok = serde_json::from_slice::<serde_json::Value>(&body).is_ok_and(|v| {
        v["username"] == c.username.as_str()
            && v["password"] == c.password.as_str()
            && v["agency"] == c.agency.as_str()
            && v["client"] == c.client.as_str()
    });
    if !ok {
        return error(StatusCode::UNAUTHORIZED, "INVALID_CREDENTIALS");
    }
    let body = format!(r#"{{"accessToken":"{TOKEN}","type":"Bearer","expire_seconds":3600}}"#);
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn booking(
    State(pages): State<Arc<Pages>>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let bearer = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
    if bearer != Some(&format!("Bearer {TOKEN}")) {
        return error(StatusCode::UNAUTHORIZED, "INVALID_CREDENTIALS");
    }
    let day = |k: &str| q.get(k).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // As the simulator: page from 0 (default 0), size 1..=500 (default 20, larger clamped).
    let page = q.get("page").map_or(Some(0), |p| p.parse::<usize>().ok());
    let size = q
        .get("size")
        .map_or(Some(DEFAULT_PAGE_SIZE), |s| s.parse::<usize>().ok().filter(|&s| s >= 1))
        .map(|s| s.min(MAX_PAGE_SIZE));
    // Only date searches are served (no locator search: the bench imports dates).
    let (Some(from), Some(to), Some(page), Some(size)) = (day("startDate"), day("endDate"), page, size) else {
        return error(StatusCode::BAD_REQUEST, "BAD_REQUEST");
    };
    let body = pages.page(from, to, page, size);
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The HTTP client of the bench's own requests: reqwest, as Ponte's (`ponte_suppliers::http::client`).
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

/// `POST /authenticate`: the access token.
pub async fn token(http: &reqwest::Client, access: &Access) -> String {
    let reply = http
        .post(format!("{}/api/v1/authenticate", access.url))
        .json(&serde_json::json!({
            "username": access.username, "password": access.password, "agency": access.agency,
            "client": access.client, "language": "pt_br",
        }))
        .send()
        .await
        .expect("authenticate");
    assert!(reply.status().is_success(), "authenticate: {}", reply.status());
    let v: serde_json::Value = reply.json().await.expect("JSON");
    v["accessToken"].as_str().expect("accessToken").to_string()
}

/// The path and query of page `page` of `from..=to`: what Ponte's client asks for.
pub fn page_path(from: NaiveDate, to: NaiveDate, page: usize) -> String {
    format!("/api/v1/booking?startDate={from}&endDate={to}&page={page}&size={SIZE}")
}

/// The server's share: authenticate, then `GET` pages `0..pages` one after the other, each body read
/// whole and discarded. Returns the time and the bytes received.
pub async fn fetch_only(access: &Access, from: NaiveDate, to: NaiveDate, pages: usize) -> (Duration, usize) {
    let http = http_client();
    let started = Instant::now();
    let token = token(&http, access).await;
    let mut bytes = 0;
    for page in 0..pages {
        let reply = http
            .get(format!("{}{}", access.url, page_path(from, to, page)))
            .bearer_auth(&token)
            .send()
            .await
            .expect("page");
        assert!(reply.status().is_success(), "page {page}: {}", reply.status());
        bytes += reply.bytes().await.expect("body").len();
    }
    (started.elapsed(), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pages served are the simulator's, byte for byte, for any window and page size.
    #[test]
    fn a_page_is_the_simulators_page() {
        let pages = Pages::render(1_500);
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        for (from, to) in [
            (day(1, 1), day(12, 31)),
            (day(3, 1), day(3, 15)),
            (day(12, 31), day(12, 31)),
        ] {
            let total = pages.count(from, to);
            for size in [1, 20, SIZE] {
                for page in [
                    0,
                    total / size / 2,
                    total.div_ceil(size).saturating_sub(1),
                    total.div_ceil(size),
                ] {
                    assert_eq!(
                        pages.page(from, to, page, size),
                        ponte_sim::infotravel::date_page_json(&pages.spec, from, to, page, size).unwrap(),
                        "{from}..{to}, page {page} of {size}"
                    );
                }
            }
        }
    }
}
