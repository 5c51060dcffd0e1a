//! `ponte import window get|set ID` (days per request, the Importar screen's setting) and
//! `ponte import history` (the runs, with the id `ponte import --resume RUN` takes), through the same
//! `ponte_import` functions the window's commands call.

use std::process::ExitCode;

use clap::Subcommand;
use ponte_core::db::Db;
use ponte_import::history::{self, ImportRun};
use ponte_import::{windows, ImportError};

use crate::import_schedule_cmd::importable;
use crate::output::Out;

#[derive(Subcommand)]
pub enum WindowCommand {
    /// Print how many days of sales one request asks for
    Get {
        /// Id of the integration (see `ponte integrations list`)
        integration: i64,
    },
    /// Ask for DAYS days of sales per request (1 to 366; smaller when the supplier's server times out)
    Set {
        /// Id of the integration (see `ponte integrations list`)
        integration: i64,
        days: u32,
    },
}

pub fn run(db: &Db, cmd: WindowCommand, out: &Out) -> ExitCode {
    let result: Result<(), ImportError> = (|| {
        let (id, days) = match cmd {
            WindowCommand::Get { integration: id } => {
                importable(db, id)?;
                (id, windows::get(db, id)?)
            }
            WindowCommand::Set { integration: id, days } => {
                importable(db, id)?;
                let days = windows::set(db, id, days)?;
                if !out.json {
                    println!("{}", out.tr_with("import.window.saved", &[("days", &days.to_string())]));
                }
                (id, days)
            }
        };
        if out.json {
            out.json(&serde_json::json!({ "integration_id": id, "window_days": days }));
        } else {
            println!("{}: {days}", out.tr("import.window.label"));
        }
        Ok(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(ImportError::Core(e)) => out.error_for(&e, &[("window_days", "DAYS")]),
        Err(e) => out.reply(&e.reply(), 1, &[]),
    }
}

/// The latest 50 runs; JSON: the list as the window gets it (`resumable` marks what `--resume` takes).
pub fn history(db: &Db, integration: Option<i64>, out: &Out) -> ExitCode {
    // A run whose process is gone (killed) reads as interrupted, and so can be continued.
    let runs = match ponte_import::lock::reconcile(db).and_then(|_| history::list(db, integration, 50)) {
        Ok(r) => r,
        Err(e) => return out.error(&e),
    };
    if out.json {
        out.json(&runs);
        return ExitCode::SUCCESS;
    }
    for r in &runs {
        println!("{}", line(out, r));
    }
    ExitCode::SUCCESS
}

fn line(out: &Out, r: &ImportRun) -> String {
    let query = match (&r.document, &r.date_from, &r.date_to) {
        (Some(d), _, _) => d.clone(),
        (None, Some(f), Some(t)) => format!("{f} → {t}"),
        _ => String::new(),
    };
    let c = &r.counts;
    let mut s = format!(
        "#{} {} · {} · {query} · {} · +{} ~{} ={}",
        r.id,
        r.started_at,
        r.integration,
        r.outcome.as_str(),
        c.new,
        c.updated,
        c.unchanged
    );
    if let (Some(total), true) = (r.windows_total, r.windows_total.is_some_and(|t| t > 1)) {
        let (done, total) = (r.windows_done.to_string(), total.to_string());
        s.push_str(&format!(
            " · {}",
            out.tr_with("import.history.windows", &[("done", &done), ("total", &total)])
        ));
    }
    if let Some(old) = r.resumes {
        s.push_str(&format!(
            " · {}",
            out.tr_with("import.history.continues", &[("id", &old.to_string())])
        ));
    }
    if r.resumable {
        s.push_str(&format!(" · ponte import --resume {}", r.id));
    }
    s
}
