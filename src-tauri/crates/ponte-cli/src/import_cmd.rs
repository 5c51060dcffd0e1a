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
use crate::output::Out;

/// `ponte import ID …` runs an import; `ponte import schedule …` manages the daily one. The run keeps its
/// flat form (what schedulers and scripts already call); the subcommand stands in for the ID.
#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub command: Option<ImportCommand>,
    /// Id of the integration (see `ponte integrations list`)
    #[arg(required = true)]
    pub integration: Option<i64>,
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
}

pub fn run(db: Db, args: ImportArgs, out: &Out) -> ExitCode {
    let integration = match (args.command, args.integration) {
        (Some(ImportCommand::Schedule { command }), _) => return import_schedule_cmd::run(&db, command, out),
        (None, Some(id)) => id,
        (None, None) => unreachable!("clap requires the ID without a subcommand"),
    };
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
    let store = match Secrets::native(SERVICE) {
        Ok(s) => s,
        Err(e) => return out.error(&e.into()),
    };
    let mut opts = RunOptions::new(integration, q);
    opts.page_size = args.page_size;
    let db = Mutex::new(db);
    let cancel = CancellationToken::new();
    let tty = std::io::stderr().is_terminal() && !out.json;
    let report = |p: &Progress| {
        if tty {
            let total = p.pages_total.map(|t| format!("/{t}")).unwrap_or_default();
            eprint!(
                "\r{}{total} — {} +{} ~{} ={}   ",
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
