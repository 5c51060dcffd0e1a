//! # ponte-sim: the supplier simulator
//!
//! Serves Ponte's three remote supplier APIs on loopback, exactly as
//! `docs/PROTOCOLS.md` (what is known and what is assumed of each remote API) describes them, the *assumed* parts
//! included: field names, casing, status codes, date formats and pagination follow that page to the
//! letter, because other implementations of the same page are used to check Ponte's clients. Where
//! the page is silent, the choice made is written next to the code (and in the module docs).
//!
//! - [`infotravel`]: `{base}/api/v1/…` (and `{base}/infotravel/api/v1/…`): docs/PROTOCOLS.md#infotravel.
//! - [`wooba`]: `{base}/TravellinkWebApi/api/v1/sales/…`: docs/PROTOCOLS.md#wooba-api-sales.
//! - [`paytourist`]: `{base}/api/v1/reductions`, `{base}/api/v1/structures`: docs/PROTOCOLS.md#paytourist.
//! - [`data`]: the seeded generator; booking `i` is a pure function of ([`DataSpec`], `i`).
//! - `faults` (feature `control`): switchable faults, from Rust (`SimHandle::faults`) or
//!   `POST {base}/__sim/faults`, the request log and the other `/__sim/…` control endpoints.
//!
//! ## Feature `control`: the test rig
//!
//! Without it (the default, as the app links this crate for its one-click demo) the simulator serves
//! the three supplier APIs and nothing else: no faults, no request log, no `/__sim/…` endpoint, no
//! `control` URLs in [`ClientInfo`], no `ponte-sim` binary. Tests and the binary enable it.
//!
//! The Wooba key pair is always generated at run time ([`WoobaKey`]); no private key ships in the crate.
//!
//! ## Where docs/PROTOCOLS.md is silent
//!
//! Each choice below is the simulator's, not the page's; a client must not depend on it.
//! - Infotravel: empty product lists are omitted like other nulls; `client` is an object `{id, name}`
//!   and `company.agency` a number, as in the public Java client (`ApiClient`, `ApiCompany`); the voucher
//!   code is the last path segment of `urlVoucher`; `fares[].type` is `FARE` (plus `BOARDING_RATE` on
//!   flights) with `price` = `priceSale`; `createdAt`, `departure` and `arrival` are date-times (Java's
//!   `XXX`, so a zero offset is `Z`), every other date is `yyyy-MM-dd`; a `size` above 500 is clamped
//!   (the reply says 500), no `size` means 20, a bad query is 400 `BAD_REQUEST`, an unknown id 404
//!   `NOT_FOUND`, a non-JSON `/authenticate` 415; a `locator` search ignores dates; a 429 body has code
//!   `TOO_MANY_REQUESTS`.
//! - Wooba: `sales/details` takes `{"AccessCredentials", "SaleId"}` (or `"Locator"`) and answers
//!   `{"Sale", "Exception": null}`; an error reply is only `{"Exception": {"Code", "Message"}}`; the
//!   `Locator` filter matches the sale's and its products' locators, and dates given with it narrow
//!   it; invented codes: `FiltroInvalido`, `RequisicaoInvalida`, `VendaNaoEncontrada`; body field names
//!   are case-sensitive; no page-size limit; passenger types `ADT`/`CHD`/`INF`; "today" for the access
//!   code is the UTC date ± 1 day.
//! - PayTourist: parameter errors are Laravel 422s; a call without `Accept: application/json` and
//!   without a valid token is redirected (302) to `/login`; `POST /api/v1/reservations` is not served.
//!
//! ```no_run
//! # async fn demo() -> Result<(), ponte_sim::SimError> {
//! use ponte_sim::{Sim, SimConfig};
//! let sim = Sim::start(SimConfig::default().with_test_key()).await?;
//! let base = sim.base_url(); // http://127.0.0.1:41234
//! # #[cfg(feature = "control")] {
//! // With the `control` feature:
//! use ponte_sim::{Fault, FaultKind, Supplier};
//! sim.faults().push(Fault::new(FaultKind::RateLimited { retry_after_secs: 1 }).on(Supplier::Infotravel).times(1));
//! # }
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

pub mod data;
#[cfg(feature = "control")]
pub mod faults;
#[cfg(feature = "control")]
mod hostile;
pub mod infotravel;
pub mod paytourist;
pub mod wooba;

mod codes;
#[cfg(feature = "control")]
mod control;
mod reply;

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Router;
use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use data::{DataSpec, Named};
#[cfg(feature = "control")]
pub use faults::{Fault, FaultKind, Faults, Mutation, RequestRecord, Supplier};

#[cfg(feature = "control")]
use faults::{ConnFd, RequestLog};

/// Why the simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("invalid configuration: {0}")]
    Config(String),
    #[error("Wooba key: {0}")]
    Key(String),
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

/// Everything the simulator serves. `SimConfig::default()` is usable as is; see each field's default.
#[derive(Clone, Debug)]
pub struct SimConfig {
    /// Loopback port; 0 picks a free one.
    pub port: u16,
    pub data: DataSpec,
    pub infotravel: InfotravelConfig,
    pub wooba: WoobaConfig,
    pub paytourist: PayTouristConfig,
    /// How many requests the log keeps (the counters count them all). Feature `control` only; ignored
    /// without it (there is no log).
    pub request_log_limit: usize,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            port: 0,
            data: DataSpec::default(),
            infotravel: InfotravelConfig::default(),
            wooba: WoobaConfig::default(),
            paytourist: PayTouristConfig::default(),
            request_log_limit: 10_000,
        }
    }
}

impl SimConfig {
    /// The defaults with this seed and number of bookings (per supplier).
    pub fn new(seed: u64, bookings: usize) -> SimConfig {
        let mut config = SimConfig::default();
        config.data.seed = seed;
        config.data.bookings = bookings;
        config
    }

    /// A Wooba key pair of [`TEST_KEY_BITS`] instead of the default 2048 bits: generated at run time
    /// like any other (once per process and size), only quicker to make (a few tenths of a second in
    /// a debug build, against seconds for 2048). Nothing about it is fixed or shipped.
    pub fn with_test_key(mut self) -> SimConfig {
        self.wooba.key = WoobaKey::Generate { bits: TEST_KEY_BITS };
        self
    }
}

/// Infotravel's credentials and behaviour. The agency code lives in [`DataSpec::agency`] because it
/// is also written into every booking.
#[derive(Clone, Debug)]
pub struct InfotravelConfig {
    pub username: String,
    pub password: String,
    /// `client` of `/authenticate`: the Identificador do Fornecedor (e.g. `BWT`).
    pub client: String,
    /// `expire_seconds` of the tokens; make it small to test 401-then-reauthenticate.
    pub token_ttl_secs: u64,
    /// `false`: the agency's API permission was not released → 403 `API_ACCESS_DENIED`.
    pub api_access_granted: bool,
    /// Extra installation paths: each serves the same API at `{base}{prefix}/api/v1`.
    pub path_prefixes: Vec<String>,
}

impl Default for InfotravelConfig {
    fn default() -> Self {
        InfotravelConfig {
            username: "ponte.integracao".into(),
            // Not ASCII on purpose: the body must be sent as UTF-8 JSON.
            password: "Senha-Conceição#2026".into(),
            client: "BWT".into(),
            token_ttl_secs: 3600,
            api_access_granted: true,
            path_prefixes: vec!["/infotravel".into()],
        }
    }
}

impl InfotravelConfig {
    /// The root installation ("") and every configured prefix, without trailing `/`.
    pub(crate) fn all_prefixes(&self) -> Vec<String> {
        let mut out = vec![String::new()];
        for p in &self.path_prefixes {
            let p = format!("/{}", p.trim_matches('/'));
            if p != "/" && !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }
}

/// Modulus of the key [`SimConfig::with_test_key`] generates. Ponte's Wooba client takes any RSA key
/// the `rsa` crate parses (no minimum size), and PKCS#1 v1.5 with 1024 bits seals up to 117 bytes,
/// ample for `"<Developer-Token>|dd/MM/yyyy"`.
pub const TEST_KEY_BITS: usize = 1024;

/// Where the simulator's "Wooba" RSA key pair comes from. No private key is compiled in.
#[derive(Clone)]
pub enum WoobaKey {
    /// A new key of this size, generated once per process and size (2048 bits takes seconds in a
    /// debug build unless `num-bigint-dig` is optimised; [`TEST_KEY_BITS`] a fraction of one).
    Generate { bits: usize },
    /// This private key (PKCS#8 or PKCS#1 PEM), read at run time (`ponte-sim --wooba-key-pem FILE`).
    /// Feature `control` only: the app's demo simulator cannot even parse a private key.
    #[cfg(feature = "control")]
    Pem(String),
}

/// Without the private key: a configuration may end up in a test's failure message.
impl std::fmt::Debug for WoobaKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WoobaKey::Generate { bits } => write!(f, "Generate {{ bits: {bits} }}"),
            #[cfg(feature = "control")]
            WoobaKey::Pem(_) => f.write_str("Pem(…)"),
        }
    }
}

/// Wooba's credentials and behaviour.
#[derive(Clone, Debug)]
pub struct WoobaConfig {
    /// The agency's Usuário (`AccessCredentials.Company.Identifier`).
    pub identifier: String,
    /// The agency's Senha (`AccessCredentials.Company.Password`).
    pub password: String,
    /// The software vendor's `Developer-Token`.
    pub developer_token: String,
    pub key: WoobaKey,
    /// `false`: the user lacks "Inibir Restrição de IP" → every call gets `IpNaoAutorizado`.
    pub ip_allowed: bool,
}

impl Default for WoobaConfig {
    fn default() -> Self {
        WoobaConfig {
            identifier: "agencia.ponte".into(),
            password: "Wooba@Simão-2026".into(),
            developer_token: "dev-ponte-4f9c2a7e5b1d4c8a".into(),
            key: WoobaKey::Generate { bits: 2048 },
            ip_allowed: true,
        }
    }
}

/// A PayTourist personal API token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayTouristToken {
    pub token: String,
    /// Expired from then on (`None`: never).
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub revoked: bool,
}

/// PayTourist's tokens and the booking user's structures.
#[derive(Clone, Debug)]
pub struct PayTouristConfig {
    /// Valid, expired and revoked tokens alike; only the valid ones open the API.
    pub tokens: Vec<PayTouristToken>,
    pub structures: Vec<Named>,
    /// The hotel software associated with the booking user.
    pub software_id: u64,
}

impl Default for PayTouristConfig {
    fn default() -> Self {
        let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single();
        PayTouristConfig {
            tokens: vec![
                // Sanctum-style "<id>|<40 characters>"; valid 36 months from its creation.
                PayTouristToken {
                    token: "7|Pq7vXk2LmN9sRt4WzY8bC3dF6gH1jK0aE5uI2oQe".into(),
                    expires_at: at(2029, 3, 31),
                    revoked: false,
                },
                PayTouristToken {
                    token: "3|Hx4Tn8Wq2Zr6Yv0Ls5Kd9Jf3Gb7Mc1Np4Rt8Xe2A".into(),
                    expires_at: at(2025, 1, 31),
                    revoked: false,
                },
                PayTouristToken {
                    token: "5|Bv3Cn7Xm1Zl5Kj9Hg2Fd6Sa0Qw4Er8Ty3Ui7Op1L".into(),
                    expires_at: at(2029, 3, 31),
                    revoked: true,
                },
            ],
            structures: vec![
                Named {
                    id: 12,
                    name: "Hotel Bellavista".into(),
                },
                Named {
                    id: 34,
                    name: "Albergo Ca' d'Oro".into(),
                },
                Named {
                    id: 56,
                    name: "Residenza Città Alta".into(),
                },
            ],
            software_id: 77,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What a client needs (the binary's stdout line)
// ---------------------------------------------------------------------------------------------

/// Everything a client needs to talk to the simulator: the binary prints it as one JSON line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientInfo {
    pub base_url: String,
    pub infotravel: InfotravelInfo,
    pub wooba: WoobaInfo,
    pub paytourist: PayTouristInfo,
    pub data: DataSpec,
    /// Only with the `control` feature (the app's demo simulator has no control endpoints).
    #[cfg(feature = "control")]
    pub control: ControlInfo,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InfotravelInfo {
    /// URL Webservice: the API is at `{url}/api/v1`.
    pub url: String,
    /// The same API installed under a path (`…/infotravel` → `…/infotravel/api/v1`).
    pub prefixed_urls: Vec<String>,
    pub username: String,
    pub password: String,
    /// Código da Agência.
    pub agency: String,
    /// Identificador do Fornecedor.
    pub client: String,
    pub token_ttl_secs: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WoobaInfo {
    /// URL Webservice, with the trailing `/` the real form shows.
    pub url: String,
    pub identifier: String,
    pub password: String,
    pub developer_token: String,
    pub public_key_pem: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayTouristInfo {
    /// The municipality host: the API is at `{url}/api/v1`.
    pub url: String,
    pub valid_tokens: Vec<String>,
    pub expired_tokens: Vec<String>,
    pub revoked_tokens: Vec<String>,
    pub structures: Vec<Named>,
    pub software_id: u64,
}

#[cfg(feature = "control")]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlInfo {
    /// `POST` a fault (or a list), `GET` the active ones, `DELETE` them all.
    pub faults: String,
    /// `GET` the request log, `DELETE` to clear it.
    pub requests: String,
}

// ---------------------------------------------------------------------------------------------
// Server state
// ---------------------------------------------------------------------------------------------

pub(crate) struct SimState {
    pub config: SimConfig,
    pub addr: SocketAddr,
    #[cfg(feature = "control")]
    pub faults: Faults,
    #[cfg(feature = "control")]
    pub log: RequestLog,
    /// Infotravel access tokens and when they expire.
    pub infotravel_tokens: Mutex<HashMap<String, Instant>>,
    pub wooba: wooba::Keys,
    pub paytourist_tokens: Mutex<Vec<PayTouristToken>>,
}

impl SimState {
    fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn client_info(&self) -> ClientInfo {
        let base = self.base_url();
        let c = &self.config;
        let tokens = self.paytourist_tokens.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let now = Utc::now();
        let expired = |t: &PayTouristToken| t.expires_at.is_some_and(|at| at <= now);
        let select =
            |f: &dyn Fn(&PayTouristToken) -> bool| tokens.iter().filter(|t| f(t)).map(|t| t.token.clone()).collect();
        ClientInfo {
            base_url: base.clone(),
            infotravel: InfotravelInfo {
                url: base.clone(),
                prefixed_urls: c
                    .infotravel
                    .all_prefixes()
                    .iter()
                    .skip(1)
                    .map(|p| format!("{base}{p}"))
                    .collect(),
                username: c.infotravel.username.clone(),
                password: c.infotravel.password.clone(),
                agency: c.data.agency.clone(),
                client: c.infotravel.client.clone(),
                token_ttl_secs: c.infotravel.token_ttl_secs,
            },
            wooba: WoobaInfo {
                url: format!("{base}/"),
                identifier: c.wooba.identifier.clone(),
                password: c.wooba.password.clone(),
                developer_token: c.wooba.developer_token.clone(),
                public_key_pem: self.wooba.public_pem.clone(),
            },
            paytourist: PayTouristInfo {
                url: base.clone(),
                valid_tokens: select(&|t| !t.revoked && !expired(t)),
                expired_tokens: select(&|t| !t.revoked && expired(t)),
                revoked_tokens: select(&|t| t.revoked),
                structures: c.paytourist.structures.clone(),
                software_id: c.paytourist.software_id,
            },
            data: c.data.clone(),
            #[cfg(feature = "control")]
            control: control::info(&base),
        }
    }
}

fn router(state: Arc<SimState>) -> Router {
    let suppliers = [infotravel::routes(&state), wooba::routes(), paytourist::routes()];
    // The test rig: every supplier request goes through the fault layer (which also logs it), and
    // the `/__sim/…` control endpoints are served.
    #[cfg(feature = "control")]
    let suppliers = {
        let [i, w, p] = suppliers;
        [
            control::with_faults(&state, i, Supplier::Infotravel),
            control::with_faults(&state, w, Supplier::Wooba),
            control::with_faults(&state, p, Supplier::PayTourist),
        ]
    };
    let router = suppliers.into_iter().fold(Router::new(), Router::merge);
    #[cfg(feature = "control")]
    let router = router.merge(control::routes());
    router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

#[cfg_attr(not(feature = "control"), allow(unused_variables))]
async fn not_found(State(state): State<Arc<SimState>>, request: axum::extract::Request) -> Response {
    #[cfg(feature = "control")]
    control::log_not_found(&state, &request);
    reply::json_reply(
        StatusCode::NOT_FOUND,
        &serde_json::json!({ "code": "NOT_FOUND", "message": "Not Found", "description": request.uri().path() }),
    )
}

/// Infotravel's error shape (every non-2xx carries code, message, description:
/// docs/PROTOCOLS.md#known-about-infotravel).
async fn method_not_allowed(request: axum::extract::Request) -> Response {
    reply::json_reply(
        StatusCode::METHOD_NOT_ALLOWED,
        &serde_json::json!({
            "code": "METHOD_NOT_ALLOWED",
            "message": "Método não permitido",
            "description": format!("{} {}", request.method(), request.uri().path()),
        }),
    )
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping
// ---------------------------------------------------------------------------------------------

/// The simulator: see [`Sim::start`] and [`SimHandle::start_blocking`].
pub struct Sim;

/// How long a stop waits for requests in flight (a slow-reply fault) before dropping them.
const STOP_GRACE: Duration = Duration::from_secs(1);

type ServeFuture = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

async fn prepare(config: SimConfig) -> Result<(Arc<SimState>, watch::Sender<bool>, ServeFuture), SimError> {
    config.data.validate().map_err(SimError::Config)?;
    let key = config.wooba.key.clone();
    let keys = tokio::task::spawn_blocking(move || wooba::Keys::load(&key))
        .await
        .map_err(|e| SimError::Key(e.to_string()))??;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
    let addr = listener.local_addr()?;
    let state = Arc::new(SimState {
        addr,
        #[cfg(feature = "control")]
        faults: Faults::default(),
        #[cfg(feature = "control")]
        log: RequestLog::new(config.request_log_limit),
        infotravel_tokens: Mutex::new(HashMap::new()),
        wooba: keys,
        paytourist_tokens: Mutex::new(config.paytourist.tokens.clone()),
        config,
    });
    let app = router(state.clone());
    let (stop_tx, stop_rx) = watch::channel(false);
    let mut graceful_rx = stop_rx.clone();
    let mut deadline_rx = stop_rx;
    let serve = async move {
        // The faults that close a connection on purpose need its socket.
        #[cfg(feature = "control")]
        let server = axum::serve(listener, app.into_make_service_with_connect_info::<ConnFd>());
        #[cfg(not(feature = "control"))]
        let server = axum::serve(listener, app.into_make_service());
        let server = server.with_graceful_shutdown(async move {
            // A dropped sender (the handle dropped) stops the server too.
            let _ = graceful_rx.wait_for(|stop| *stop).await;
        });
        tokio::select! {
            _ = server => {}
            _ = async move {
                let _ = deadline_rx.wait_for(|stop| *stop).await;
                tokio::time::sleep(STOP_GRACE).await;
            } => {}
        }
    };
    Ok((state, stop_tx, Box::pin(serve)))
}

impl Sim {
    /// Binds `127.0.0.1:{config.port}` and serves on the current tokio runtime until
    /// [`SimHandle::shutdown`] (or the handle is dropped).
    pub async fn start(config: SimConfig) -> Result<SimHandle, SimError> {
        let (state, stop, serve) = prepare(config).await?;
        let task = tokio::spawn(serve);
        Ok(SimHandle {
            state,
            stop: Some(stop),
            task: Task::Async(Some(task)),
        })
    }
}

enum Task {
    Async(Option<tokio::task::JoinHandle<()>>),
    Thread(Option<std::thread::JoinHandle<()>>),
}

/// A running simulator.
pub struct SimHandle {
    state: Arc<SimState>,
    stop: Option<watch::Sender<bool>>,
    task: Task,
}

impl SimHandle {
    /// For synchronous tests: serves from its own thread and runtime; returns once bound.
    pub fn start_blocking(config: SimConfig) -> Result<SimHandle, SimError> {
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new().name("ponte-sim".into()).spawn(move || {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    let _ = tx.send(Err(SimError::Io(e)));
                    return;
                }
            };
            runtime.block_on(async move {
                match prepare(config).await {
                    Ok((state, stop, serve)) => {
                        let _ = tx.send(Ok((state, stop)));
                        serve.await;
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                    }
                }
            });
        })?;
        let (state, stop) = rx
            .recv()
            .map_err(|_| SimError::Config("the simulator thread died".into()))??;
        Ok(SimHandle {
            state,
            stop: Some(stop),
            task: Task::Thread(Some(thread)),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing `/`.
    pub fn base_url(&self) -> String {
        self.state.base_url()
    }

    pub fn addr(&self) -> SocketAddr {
        self.state.addr
    }

    /// The configuration served (credentials, tokens, data spec).
    pub fn config(&self) -> &SimConfig {
        &self.state.config
    }

    /// Everything a client needs, as the binary prints it.
    pub fn client_info(&self) -> ClientInfo {
        self.state.client_info()
    }

    /// The Wooba public key (SPKI PEM, `BEGIN PUBLIC KEY`) that clients encrypt the access code with.
    pub fn wooba_public_key_pem(&self) -> &str {
        &self.state.wooba.public_pem
    }

    /// A valid `Developer-Access-Code` for today (UTC), for tests that are not about the crypto.
    pub fn wooba_access_code(&self) -> String {
        wooba::access_code(
            &self.state.wooba.public_pem,
            &self.state.config.wooba.developer_token,
            Utc::now().date_naive(),
        )
        .expect("the simulator's own public key encrypts")
    }

    /// Stops serving and waits for the server to finish (at most about a second for requests in flight).
    pub async fn shutdown(mut self) {
        self.signal_stop();
        match &mut self.task {
            Task::Async(task) => {
                if let Some(task) = task.take() {
                    let _ = task.await;
                }
            }
            Task::Thread(thread) => {
                if let Some(thread) = thread.take() {
                    let _ = tokio::task::spawn_blocking(move || thread.join()).await;
                }
            }
        }
    }

    /// Stops serving; for a [`SimHandle::start_blocking`] simulator, also waits for its thread.
    pub fn shutdown_blocking(mut self) {
        self.signal_stop();
        if let Task::Thread(thread) = &mut self.task {
            if let Some(thread) = thread.take() {
                let _ = thread.join();
            }
        }
    }

    fn signal_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
    }
}

impl Drop for SimHandle {
    /// Dropping the handle stops the server (without waiting).
    fn drop(&mut self) {
        self.signal_stop();
    }
}
