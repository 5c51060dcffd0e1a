//! `ponte`: Ponte's core from the command line, for scripts and schedulers.
//!
//! Exit codes: 0 done; 1 the request was refused (invalid input, duplicate, not found);
//! 2 bad usage (from clap); 3 the environment is not ready (data folder, database, keyring).

mod assets;
mod import_cmd;
mod import_schedule_cmd;
mod import_window_cmd;
mod integrations_cmd;
mod output;
mod people_cmd;
mod secret_input;
mod settings_cmd;
mod tokens_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use ponte_core::db::Db;
use ponte_core::i18n::Locale;
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::{doctor, settings, CoreError};

use output::Out;

#[derive(Parser)]
#[command(
    name = "ponte",
    version,
    about = "Ponte: integrations, secrets, sales imports and token reminders"
)]
struct Cli {
    /// Data folder (default: PONTE_DATA_DIR, else the OS app-data folder)
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print machine-readable JSON on stdout
    #[arg(long, global = true)]
    json: bool,
    /// Language of messages: pt-BR, it or en (default: the app's setting, else the OS language)
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check that the data folder, the database and the system keyring are ready
    Doctor,
    /// Cadastros > Pessoas
    People {
        #[command(subcommand)]
        command: people_cmd::PeopleCommand,
    },
    /// Import sales of an integration, by document or by sale date; or manage its daily import
    Import(import_cmd::ImportArgs),
    /// Configurações and Lembretes: language, reminders, Wooba's vendor settings
    Settings {
        #[command(subcommand)]
        command: settings_cmd::SettingsCommand,
    },
    /// Tokens de API: PayTourist Booking users and their tokens
    Tokens {
        #[command(subcommand)]
        command: tokens_cmd::TokensCommand,
    },
    /// Fire the reminders due now as desktop notifications (for OS schedulers)
    Remind {
        /// Fire what is due and exit (the only mode: the app runs the continuous schedule)
        #[arg(long)]
        once: bool,
    },
    /// Cadastros > Integrações
    Integrations {
        #[command(subcommand)]
        command: integrations_cmd::IntegrationsCommand,
    },
}

fn main() -> ExitCode {
    // `ponte … | head`: a reader that stops early ends the command quietly, as for any Unix tool (Rust
    // ignores SIGPIPE, so the next write to the closed pipe would panic instead).
    #[cfg(unix)]
    // SAFETY: called first, on the only thread; SIG_DFL is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // `ponte generate-assets DIR`, for packaging: kept out of the clap definitions, so that the man pages
    // and completions it writes from them do not offer it.
    let args: Vec<_> = std::env::args_os().collect();
    if let [_, command, dir] = &args[..] {
        if command == "generate-assets" {
            let dir = PathBuf::from(dir);
            return match assets::write(Cli::command(), &dir) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("ponte: {}: {e}", dir.display());
                    ExitCode::from(3)
                }
            };
        }
    }
    let cli = Cli::parse();
    let data_dir = match ponte_core::data_dir::resolve(cli.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => return Out::new(cli.json, Locale::detect()).error(&e),
    };
    if let Command::Doctor = cli.command {
        let locale = cli.lang.as_deref().map(Locale::from_tag).unwrap_or_else(Locale::detect);
        let checks = doctor::run(&data_dir, Secrets::native(SERVICE).map_err(CoreError::from));
        return Out::new(cli.json, locale).checks(&checks);
    }
    let opened = ponte_core::data_dir::prepare(&data_dir).and_then(|_| Db::open(&data_dir));
    let locale = match (&cli.lang, &opened) {
        (Some(tag), _) => Locale::from_tag(tag),
        (None, Ok(db)) => settings::locale(db).unwrap_or_else(|_| Locale::detect()),
        (None, Err(_)) => Locale::detect(),
    };
    let out = Out::new(cli.json, locale);
    let mut db = match opened {
        Ok(db) => db,
        Err(e) => return out.error(&e),
    };
    match cli.command {
        Command::Doctor => unreachable!("handled above"),
        Command::People { command } => people_cmd::run(&db, command, &out),
        Command::Import(args) => import_cmd::run(db, args, &out),
        Command::Settings { command } => settings_cmd::run(&db, command, &out, cli.lang.is_some()),
        Command::Tokens { command } => tokens_cmd::run(&mut db, command, &out),
        Command::Remind { .. } => tokens_cmd::remind_once(&db, &out),
        Command::Integrations {
            command: integrations_cmd::IntegrationsCommand::Test { id },
        } => integrations_cmd::test(&db, id, &out),
        Command::Integrations { command } => integrations_cmd::run(&mut db, command, &out),
    }
}
