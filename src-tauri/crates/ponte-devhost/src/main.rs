//! `ponte-devhost`: Ponte's commands over loopback HTTP, for browser tests and UI development only.
//! It is never linked into the app: a local web page must never be able to drive Ponte.
//!
//! It serves the built UI (`ui/dist-e2e`, built with `vite build --mode e2e`, whose transport speaks
//! HTTP instead of Tauri IPC) and `POST /api/{command}` — the same commands, the same JSON as the
//! window's IPC — guarded by a random per-run token that the page receives in its URL. No CORS
//! headers are sent, so no other origin can call it. Data lives in a temporary folder (or
//! `--data-dir`), secrets in the real OS keyring under a per-run service name, and a supplier
//! simulator (with its fault controls) runs beside it on loopback.
//!
//! On start it prints one JSON line to stdout: `{"url", "token", "data_dir", "sim"}`.

mod routes;
mod services;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use clap::Parser;
use ponte_api::Api;
use serde_json::{json, Value};

#[derive(Parser)]
#[command(about = "Ponte's commands over loopback HTTP, for browser tests (never part of the app)")]
struct Args {
    /// The built UI to serve (`vite build --mode e2e`).
    #[arg(long, default_value = "ui/dist-e2e")]
    ui: PathBuf,
    /// Data folder (default: a new temporary one, deleted on exit).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// The app's tauri.conf.json, whose CSP the pages get.
    #[arg(long, default_value = "tauri.conf.json")]
    tauri_conf: PathBuf,
    /// Loopback port (0: any free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// The language a new data folder starts in (pt-BR, it, en).
    #[arg(long)]
    locale: Option<String>,
    /// Bookings the simulator serves per supplier.
    #[arg(long, default_value_t = 400)]
    sim_bookings: usize,
}

fn random_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b).expect("the OS has randomness");
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The window's CSP, with the page allowed to call this host (its own origin) instead of IPC.
fn csp(conf: &std::path::Path) -> String {
    let text = std::fs::read_to_string(conf).unwrap_or_else(|e| panic!("{}: {e}", conf.display()));
    let v: Value = serde_json::from_str(&text).expect("tauri.conf.json is JSON");
    let csp = &v["app"]["security"]["csp"];
    let mut parts = Vec::new();
    if let Some(map) = csp.as_object() {
        for (k, v) in map {
            let v = if k == "connect-src" {
                "'self'"
            } else {
                v.as_str().unwrap_or_default()
            };
            parts.push(format!("{k} {v}"));
        }
    }
    parts.join("; ")
}

fn main() {
    let args = Args::parse();
    let temp = tempfile::Builder::new()
        .prefix("ponte-devhost-")
        .tempdir()
        .expect("a temp folder");
    let data_dir = args.data_dir.clone().unwrap_or_else(|| temp.path().to_path_buf());
    let rt = tokio::runtime::Runtime::new().expect("a tokio runtime");
    rt.block_on(async move {
        let sim = ponte_sim::Sim::start(ponte_sim::SimConfig::new(2026, args.sim_bookings).with_test_key())
            .await
            .expect("the supplier simulator starts");
        let recorded = Arc::new(Mutex::new(services::Recorded::default()));
        let services = services::DevServices {
            recorded: recorded.clone(),
            export_dir: data_dir.join("exports"),
        };
        let service = format!("{}.devhost.{}", ponte_core::secrets::SERVICE, random_hex(6));
        let api = Arc::new(Api::open(data_dir.clone(), &service, Box::new(services)));
        if let Some(l) = args.locale.as_deref().map(ponte_core::i18n::Locale::from_tag) {
            let _ = api.with_db(|db| ponte_core::settings::set(db, ponte_core::settings::LOCALE, l.tag()));
        }
        tokio::spawn(ponte_api::scheduler::run(api.clone()));
        let token = random_hex(16);
        let shared = Arc::new(routes::Shared {
            api: api.clone(),
            token: token.clone(),
            recorded,
            sim_info: serde_json::to_value(sim.client_info()).unwrap_or(Value::Null),
            db_path: data_dir.join("ponte.db"),
            replies: Arc::default(),
        });
        let app = routes::router(shared, args.ui.clone(), csp(&args.tauri_conf));
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port))
            .await
            .expect("a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("bound"));
        println!(
            "{}",
            json!({ "url": url, "token": token, "data_dir": data_dir, "sim": sim.client_info() })
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
            .expect("the server runs");
        api.imports.cancel_all();
        // Leave nothing behind in the keyring for this run's data.
        if let Ok(store) = api.secrets() {
            let _ = api.with_shared_db(|db| api.demo.remove(db, &store));
        }
        sim.shutdown().await;
    });
    drop(temp);
}
