//! `ponte import schedule get|set|clear ID`: the Importar screen's "Importação automática" headless,
//! through the same `ponte_import::schedule` functions the window's commands call.

use std::process::ExitCode;

use clap::Subcommand;
use ponte_core::db::Db;
use ponte_core::integrations::{self, Integration};
use ponte_core::CoreError;
use ponte_import::{schedule, ImportError};
use ponte_suppliers::registry;

use crate::output::Out;

#[derive(Subcommand)]
pub enum ScheduleCommand {
    /// Print the daily import time of an integration (or that it is off)
    Get {
        /// Id of the integration (see `ponte integrations list`)
        integration: i64,
    },
    /// Import yesterday's sales every day at TIME
    ///
    /// The app (or its tray icon) runs it; with Ponte closed, have the OS scheduler run
    /// `ponte import ID --from … --to …` instead.
    Set {
        /// Id of the integration (see `ponte integrations list`)
        integration: i64,
        /// HH:MM, e.g. 07:00
        time: String,
    },
    /// Turn the daily import off
    Clear {
        /// Id of the integration (see `ponte integrations list`)
        integration: i64,
    },
}

/// The wrong id of a scheduler script is refused rather than stored for an integration that is not there.
pub(crate) fn importable(db: &Db, id: i64) -> Result<Integration, ImportError> {
    let i = integrations::get(db, id)?;
    // The window offers the schedule only where there are sales to import; the engine refuses the rest.
    if !registry::spec(i.ty).has_sales {
        return Err(ImportError::NotImportable);
    }
    Ok(i)
}

pub fn run(db: &Db, cmd: ScheduleCommand, out: &Out) -> ExitCode {
    let result: Result<(), ImportError> = (|| match cmd {
        ScheduleCommand::Get { integration: id } => {
            importable(db, id)?;
            print(out, id, schedule::get(db, id)?.as_deref());
            Ok(())
        }
        ScheduleCommand::Set { integration: id, time } => {
            let i = importable(db, id)?;
            // To the core a blank time means "off"; here `clear` says that, so a blank TIME is a mistake.
            if time.trim().is_empty() {
                return Err(CoreError::invalid("time", "error.reminders.time").into());
            }
            schedule::set(db, id, Some(&time))?;
            let stored = schedule::get(db, id)?;
            if !out.json {
                let time = stored.as_deref().unwrap_or_default();
                println!(
                    "{}",
                    out.tr_with("import.schedule.saved", &[("name", &i.description), ("time", time)])
                );
                println!("{}", out.tr("import.schedule.help"));
            }
            print(out, id, stored.as_deref());
            Ok(())
        }
        ScheduleCommand::Clear { integration: id } => {
            let i = importable(db, id)?;
            schedule::set(db, id, None)?;
            if !out.json {
                println!(
                    "{}",
                    out.tr_with("import.schedule.cleared", &[("name", &i.description)])
                );
            }
            print(out, id, None);
            Ok(())
        }
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The time is the positional TIME of `set`; the rest as every refusal: 1, or 3 for the environment.
        Err(ImportError::Core(e)) => out.error_for(&e, &[("time", "TIME")]),
        Err(e) => out.reply(&e.reply(), 1, &[]),
    }
}

/// JSON: `{"integration_id": 7, "time": "07:00"}` (`null` when off); text: the window's state line.
fn print(out: &Out, id: i64, time: Option<&str>) {
    if out.json {
        out.json(&serde_json::json!({ "integration_id": id, "time": time }));
        return;
    }
    match time {
        Some(t) => println!("{}", out.tr_with("import.schedule.on", &[("time", t)])),
        None => println!("{}", out.tr("import.schedule.off")),
    }
}
