//! `ponte import`: the same import the window runs, for OS schedulers and scripts.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;

use clap::{Args, Subcommand};
use ponte_core::db::Db;
use ponte_core::i18n::t;
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::CoreError;
use ponte_import::history::Outcome;
use ponte_import::query::ImportQuery;
use ponte_import::{Progress, RunOptions};
use tokio_util::sync::CancellationToken;

use crate::import_schedule_cmd::{self, ScheduleCommand};
use crate::import_window_cmd::{self, WindowCommand};
use crate::output::Out;

/// `ponte import ID …` runs an import; `ponte import schedule …` manages the daily one. The run keeps its
/// flat form (what schedulers and scripts already call); the subcommand stands in for the ID.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub command: Option<ImportCommand>,
    /// Id of the integration (see `ponte integrations list`)
    #[arg(required_unless_present = "resume")]
    pub integration: Option<i64>,
    /// Continue run RUN (cancelled, failed or killed) from its first unfinished period: the periods it
    /// imported are not fetched again (see `ponte import history`)
    #[arg(long, value_name = "RUN", conflicts_with_all = ["integration", "document", "from", "to", "dry_run", "window_days"])]
    pub resume: Option<i64>,
    /// Days per request for this run (default: the integration's setting, see `ponte import window`)
    #[arg(long, value_name = "DAYS", requires = "from")]
    pub window_days: Option<u32>,
    /// Reserva, localizador or voucher, exactly as the supplier shows it (case-sensitive)
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub document: Option<String>,
    /// First sale date, YYYY-MM-DD
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Last sale date, YYYY-MM-DD (included)
    #[arg(long, requires = "from")]
    pub to: Option<String>,
    /// Only show what would be imported (new, changed, unchanged, flagged); write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Sales per page asked of the supplier
    #[arg(long, default_value_t = ponte_suppliers::sales_source::PAGE_SIZE)]
    pub page_size: u32,
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// The daily automatic import of yesterday's sales (Importar > Importação automática)
    Schedule {
        #[command(subcommand)]
        command: ScheduleCommand,
    },
    /// How many days of sales one request asks for (long periods are imported in parts)
    Window {
        #[command(subcommand)]
        command: WindowCommand,
    },
    /// The latest import runs, newest first, with the ones that can be continued
    History {
        /// Only this integration's runs
        integration: Option<i64>,
    },
}

pub fn run(db: Db, args: ImportArgs, out: &Out) -> ExitCode {
    let opts = match (args.command, args.integration, args.resume) {
        (Some(ImportCommand::Schedule { command }), _, _) => return import_schedule_cmd::run(&db, command, out),
        (Some(ImportCommand::Window { command }), _, _) => return import_window_cmd::run(&db, command, out),
        (Some(ImportCommand::History { integration }), _, _) => {
            return import_window_cmd::history(&db, integration, out)
        }
        (None, _, Some(run)) => match ponte_import::history::get(&db, run) {
            Ok(r) => RunOptions::resume(r.integration_id, run),
            Err(e) => return out.error(&e),
        },
        (None, Some(id), None) => {
            let query = match (&args.document, &args.from, &args.to) {
                (Some(d), _, _) => ImportQuery::Document { document: d.clone() },
                (None, Some(f), Some(t)) => ImportQuery::Dates {
                    from: f.clone(),
                    to: t.clone(),
                },
                _ => return out.error(&CoreError::invalid("document", "error.field.required")),
            };
            let q = match query.check() {
                Ok(q) => q,
                Err(e) => return out.error(&e),
            };
            if let Some(days) = args.window_days {
                // The same rule as the setting's.
                if let Err(e) = ponte_import::windows::check(days) {
                    return out.error(&e);
                }
            }
            RunOptions {
                window_days: args.window_days,
                ..RunOptions::new(id, q)
            }
        }
        (None, None, None) => unreachable!("clap requires the ID or --resume without a subcommand"),
    };
    let store = match Secrets::native(SERVICE) {
        Ok(s) => s,
        Err(e) => return out.error(&e.into()),
    };
    let mut opts = opts;
    opts.page_size = args.page_size;
    let db = Mutex::new(db);
    let cancel = CancellationToken::new();
    let tty = std::io::stderr().is_terminal() && !out.json;
    let report = |p: &Progress| {
        if tty {
            let total = p.pages_total.map(|t| format!("/{t}")).unwrap_or_default();
            let windows = p
                .windows_total
                .filter(|t| *t > 1)
                .map(|t| format!("[{}/{t}] ", p.windows_done))
                .unwrap_or_default();
            eprint!(
                "\r{windows}{}{total} — {} +{} ~{} ={}   ",
                p.pages_done, p.sales_done, p.counts.new, p.counts.updated, p.counts.unchanged
            );
        }
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime builds");
    let result = rt.block_on(async {
        // Ctrl+C stops after the page being written: the run is recorded as cancelled.
        let c = cancel.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                c.cancel();
            }
        });
        if args.dry_run {
            ponte_import::preview(&db, &store, &opts, &cancel, &report).await
        } else {
            ponte_import::run(&db, &store, &opts, &cancel, &report).await
        }
    });
    if tty {
        eprintln!();
    }
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            let reply = e.reply();
            if out.json {
                out.json(&serde_json::json!({ "error": reply }));
            } else {
                eprintln!("ponte: {}", t(out.locale, &reply.key, &reply.params));
            }
            return ExitCode::from(if matches!(e, ponte_import::ImportError::Core(_)) {
                3
            } else {
                1
            });
        }
    };
    if out.json {
        out.json(&summary);
    } else {
        let c = &summary.counts;
        println!(
            "{}: {} · +{} ~{} ={} · {} {} · {} {} · {} ms",
            summary.outcome.as_str(),
            summary.pages,
            c.new,
            c.updated,
            c.unchanged,
            c.flagged,
            out.tr("import.cli.flagged"),
            c.errors,
            out.tr("import.cli.errors"),
            summary.duration_ms
        );
        if let Some(e) = &summary.error {
            eprintln!("ponte: {}", t(out.locale, &e.key, &e.params));
        }
    }
    match summary.outcome {
        Outcome::Completed => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}
