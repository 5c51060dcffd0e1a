//! `ponte-sim`: the supplier simulator as a process, for UI tests, demos and benchmarks.
//!
//! Prints one JSON line on stdout ([`ponte_sim::ClientInfo`]: base URL, credentials, tokens, the
//! Wooba public key) once it listens, then serves until killed. Faults are set over HTTP:
//! `POST {base}/__sim/faults`. Built only with the crate's `control` feature
//! (`cargo run -p ponte-sim --features control -- …`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use ponte_sim::{Sim, SimConfig, WoobaKey};

#[derive(Parser)]
#[command(
    name = "ponte-sim",
    about = "Serves Infotravel, Wooba API Sales and PayTourist on 127.0.0.1, as docs/PROTOCOLS.md describes them."
)]
struct Args {
    /// Loopback port (0: any free port).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Bookings per supplier.
    #[arg(long, default_value_t = 500)]
    bookings: usize,
    /// Seed of the data set: the same seed gives the same bookings.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// First sale date (yyyy-mm-dd).
    #[arg(long)]
    start: Option<NaiveDate>,
    /// Last sale date (yyyy-mm-dd).
    #[arg(long)]
    end: Option<NaiveDate>,
    /// Infotravel token lifetime in seconds.
    #[arg(long)]
    token_ttl: Option<u64>,
    /// Wooba private key (PEM), read at start; default: a new 2048-bit key.
    #[arg(long, conflicts_with = "wooba_test_key")]
    wooba_key_pem: Option<PathBuf>,
    /// A new, smaller Wooba key (1024 bits: a fast start, even in a debug build).
    #[arg(long)]
    wooba_test_key: bool,
    /// Print the JSON line (with the port asked for) and exit without serving. With a generated Wooba
    /// key the public key printed dies with the process: pass --wooba-key-pem to keep one.
    #[arg(long)]
    print_config: bool,
}

fn config(args: &Args) -> Result<SimConfig, String> {
    let mut config = SimConfig::new(args.seed, args.bookings);
    config.port = args.port;
    if let Some(start) = args.start {
        config.data.sale_start = start;
    }
    if let Some(end) = args.end {
        config.data.sale_end = end;
    }
    if let Some(ttl) = args.token_ttl {
        config.infotravel.token_ttl_secs = ttl;
    }
    if args.wooba_test_key {
        config = config.with_test_key();
    }
    if let Some(path) = &args.wooba_key_pem {
        let pem = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        config.wooba.key = WoobaKey::Pem(pem);
    }
    config.data.validate()?;
    Ok(config)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let config = match config(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ponte-sim: {e}");
            return ExitCode::from(2);
        }
    };
    let print_only = args.print_config;
    let mut config = config;
    if print_only {
        // Listen nowhere that matters: the line reports the port asked for (see below).
        config.port = 0;
    }
    let sim = match Sim::start(config).await {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("ponte-sim: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut info = sim.client_info();
    if print_only {
        // Nothing will listen: report the port asked for, not the free one bound for a moment.
        let base = format!("http://127.0.0.1:{}", args.port);
        let bound = info.base_url.clone();
        let line = serde_json::to_string(&info).unwrap_or_default().replace(&bound, &base);
        info = serde_json::from_str(&line).unwrap_or(info);
    }
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}", serde_json::to_string(&info).unwrap_or_default());
    let _ = stdout.flush();
    drop(stdout);
    if print_only {
        sim.shutdown().await;
        return ExitCode::SUCCESS;
    }
    eprintln!("ponte-sim: serving on {} (Ctrl-C to stop)", sim.base_url());
    let _ = tokio::signal::ctrl_c().await;
    sim.shutdown().await;
    ExitCode::SUCCESS
}
