//! `ponte settings …`: every setting of Configurações and Lembretes without the window, for headless
//! installs. Each write goes through the ponte-core function the window's command calls, so the CLI
//! accepts and refuses exactly what the window does.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use ponte_core::db::Db;
use ponte_core::expiries::{self, ReminderSettings, ReminderSettingsInput};
use ponte_core::i18n::Locale;
use ponte_core::integrations::{self, IntegrationFilter};
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::vendor_settings::{self, WoobaSettings, WoobaSettingsInput};
use ponte_core::{settings, CoreError, FieldIssue};
use ponte_import::schedule;
use secrecy::SecretString;
use serde::Serialize;

use crate::output::Out;
use crate::secret_input;

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Every setting the window has; the Developer-Token only as set / not set
    Show,
    /// The language of the window, the reminders and these messages: print it, or set it
    Language {
        /// pt-BR, it or en
        #[arg(value_name = "LANG")]
        value: Option<String>,
    },
    /// Lembretes: reminder days, quiet hours, clipboard delay. Without options: print them
    Reminders {
        /// Days before each expiry, e.g. 60,30,7,1,0 (replaces the list; 0 = on the day)
        #[arg(long, value_name = "DAYS", allow_hyphen_values = true)]
        thresholds: Option<String>,
        /// Start of the quiet hours, HH:MM
        #[arg(long, value_name = "HH:MM")]
        quiet_start: Option<String>,
        /// End of the quiet hours, HH:MM
        #[arg(long, value_name = "HH:MM")]
        quiet_end: Option<String>,
        /// Seconds after which a copied token leaves the clipboard (5 to 600)
        #[arg(long, value_name = "SECONDS", allow_hyphen_values = true)]
        clipboard_clear_secs: Option<String>,
    },
    /// Configurações > Integrações: Wooba's vendor settings. Without options: print them
    Wooba {
        /// Replace the Developer-Token: read from PONTE_SECRET_DEVELOPER_TOKEN or, if unset, the next
        /// line of standard input (never an argument)
        #[arg(long)]
        developer_token: bool,
        /// Wooba's public key: a PEM file, -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----
        #[arg(long, value_name = "FILE")]
        public_key_pem: Option<PathBuf>,
    },
}

/// `lang_given`: `--lang` was passed; otherwise a new language is also the one of the confirmation.
pub fn run(db: &Db, cmd: SettingsCommand, out: &Out, lang_given: bool) -> ExitCode {
    let result = match cmd {
        SettingsCommand::Show => show(db, out),
        SettingsCommand::Language { value: None } => settings::locale(db).map(|l| print_language(out, l)),
        SettingsCommand::Language { value: Some(tag) } => {
            return match set_language(db, &tag) {
                Ok(l) => {
                    let out = if lang_given {
                        Out::new(out.json, out.locale)
                    } else {
                        Out::new(out.json, l)
                    };
                    saved(&out, "common.saved");
                    print_language(&out, l);
                    ExitCode::SUCCESS
                }
                Err(e) => out.error_for(&e, &[("language", "LANG")]),
            };
        }
        SettingsCommand::Reminders {
            thresholds,
            quiet_start,
            quiet_end,
            clipboard_clear_secs,
        } => {
            if thresholds.is_none() && quiet_start.is_none() && quiet_end.is_none() && clipboard_clear_secs.is_none() {
                expiries::reminder_settings(db).map(|s| print_reminders(out, &s))
            } else {
                reminder_input(db, thresholds, quiet_start, quiet_end, clipboard_clear_secs)
                    .and_then(|input| expiries::set_reminder_settings(db, &input))
                    .map(|s| {
                        saved(out, "reminders.saved");
                        print_reminders(out, &s)
                    })
            }
        }
        SettingsCommand::Wooba {
            developer_token,
            public_key_pem,
        } => store().and_then(|store| {
            if !developer_token && public_key_pem.is_none() {
                vendor_settings::wooba(db, &store).map(|w| print_wooba(out, &w))
            } else {
                wooba_input(developer_token, public_key_pem)
                    .and_then(|input| vendor_settings::set_wooba(db, &store, &input))
                    .map(|w| {
                        saved(out, "settings.wooba.saved");
                        print_wooba(out, &w)
                    })
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => out.error(&e),
    }
}

fn store() -> Result<Secrets, CoreError> {
    Secrets::native(SERVICE).map_err(CoreError::from)
}

/// The confirmation line of a write (text only: with `--json` the stored settings are the answer).
fn saved(out: &Out, key: &str) {
    if !out.json {
        println!("{}", out.tr(key));
    }
}

/// The languages the window's `set_locale` accepts: the tags `Locale` deserialises from.
fn set_language(db: &Db, tag: &str) -> Result<Locale, CoreError> {
    let locale: Locale = serde_json::from_value(serde_json::Value::String(tag.to_string()))
        .map_err(|_| CoreError::invalid("language", "error.settings.language"))?;
    settings::set(db, settings::LOCALE, locale.tag())?;
    Ok(locale)
}

/// The stored reminder settings with the given options replacing their parts; the core checks the result.
fn reminder_input(
    db: &Db,
    thresholds: Option<String>,
    quiet_start: Option<String>,
    quiet_end: Option<String>,
    clipboard_clear_secs: Option<String>,
) -> Result<ReminderSettingsInput, CoreError> {
    let current = expiries::reminder_settings(db)?;
    let thresholds = match thresholds {
        Some(list) => parse_days(&list)?,
        None => current.thresholds.iter().map(|&d| i64::from(d)).collect(),
    };
    let mut quiet_hours = current.quiet_hours;
    if let Some(s) = quiet_start {
        quiet_hours.start = s;
    }
    if let Some(e) = quiet_end {
        quiet_hours.end = e;
    }
    // A number that does not even fit the setting's type gets the core's range message.
    let clipboard_clear_secs = clipboard_clear_secs
        .map(|s| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| CoreError::invalid("clipboard_clear_secs", "error.reminders.clipboard_secs"))
        })
        .transpose()?;
    Ok(ReminderSettingsInput {
        thresholds,
        quiet_hours,
        clipboard_clear_secs,
    })
}

/// "60,30,7" (commas, semicolons or spaces, as the window's chips input takes them) into numbers;
/// which numbers are allowed is the core's `check_thresholds`.
fn parse_days(list: &str) -> Result<Vec<i64>, CoreError> {
    list.split([',', ';', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>().map_err(|_| {
                CoreError::Invalid(vec![FieldIssue::new("thresholds", "error.reminders.threshold_number")])
            })
        })
        .collect()
}

fn wooba_input(developer_token: bool, public_key_pem: Option<PathBuf>) -> Result<WoobaSettingsInput, CoreError> {
    let developer_token = if developer_token {
        let read = secret_input::read(&["developer_token".to_string()]).map_err(|e| CoreError::Input(e.to_string()))?;
        let value = read.into_iter().next().map(|(_, v)| v).unwrap_or_default();
        // The core keeps the stored token when given a blank one (the window's "keep"); asked to
        // replace it, an empty read is a mistake to report, not a no-op.
        if value.trim().is_empty() {
            return Err(CoreError::invalid("developer_token", "error.field.required"));
        }
        Some(SecretString::from(value))
    } else {
        None
    };
    let public_key_pem = public_key_pem
        .map(|path| {
            std::fs::read_to_string(&path).map_err(|e| {
                CoreError::Invalid(vec![FieldIssue::new("public_key_pem", "error.settings.pem_file")
                    .with("detail", format!("{}: {e}", path.display()))])
            })
        })
        .transpose()?;
    Ok(WoobaSettingsInput {
        developer_token,
        public_key_pem,
    })
}

/// One integration's daily import, as `settings show` lists them.
#[derive(Serialize)]
struct Scheduled {
    integration_id: i64,
    integration: String,
    time: String,
}

fn show(db: &Db, out: &Out) -> Result<(), CoreError> {
    let language = settings::locale(db)?;
    let reminders = expiries::reminder_settings(db)?;
    let mut schedules = Vec::new();
    for i in integrations::list(db, &IntegrationFilter::default())? {
        if let Some(time) = schedule::get(db, i.id)? {
            schedules.push(Scheduled {
                integration_id: i.id,
                integration: i.description,
                time,
            });
        }
    }
    let wooba = vendor_settings::wooba(db, &store()?)?;
    if out.json {
        // Start with the system is not here: it is the host's (the app registers itself with the OS).
        out.json(&serde_json::json!({
            "language": language.tag(),
            "reminders": reminders,
            "wooba": wooba,
            "import_schedules": schedules,
        }));
        return Ok(());
    }
    print_language(out, language);
    print_reminders(out, &reminders);
    print_wooba(out, &wooba);
    println!("{}:", out.tr("import.schedule.title"));
    if schedules.is_empty() {
        println!("  {}", out.tr("import.schedule.off"));
    }
    for s in &schedules {
        println!(
            "  #{} {}: {}",
            s.integration_id,
            s.integration,
            out.tr_with("import.schedule.on", &[("time", &s.time)])
        );
    }
    println!(
        "{}: {}",
        out.tr("settings.autostart"),
        out.tr_with(
            "settings.cli.autostart_window",
            &[
                ("menu", &out.tr("menu.settings")),
                ("section", &out.tr("settings.startup"))
            ]
        )
    );
    Ok(())
}

fn print_language(out: &Out, l: Locale) {
    if out.json {
        out.json(&serde_json::json!({ "language": l.tag() }));
    } else {
        println!(
            "{}: {} ({})",
            out.tr("settings.language"),
            out.tr(&format!("lang.{}", l.tag())),
            l.tag()
        );
    }
}

fn print_reminders(out: &Out, s: &ReminderSettings) {
    if out.json {
        out.json(s);
        return;
    }
    let days: Vec<String> = s.thresholds.iter().map(u32::to_string).collect();
    println!("{}: {}", out.tr("reminders.thresholds"), days.join(", "));
    println!(
        "{}: {}–{}",
        out.tr("reminders.quiet"),
        s.quiet_hours.start,
        s.quiet_hours.end
    );
    println!("{}: {}", out.tr("reminders.clipboard"), s.clipboard_clear_secs);
}

/// The token only as set / not set, as the window shows it; the public key is not a secret.
fn print_wooba(out: &Out, w: &WoobaSettings) {
    if out.json {
        out.json(w);
        return;
    }
    let token = if w.developer_token_set {
        "settings.cli.token_set"
    } else {
        "settings.cli.token_not_set"
    };
    println!("{}: {}", out.tr("settings.wooba.token"), out.tr(token));
    match &w.public_key_pem {
        Some(pem) => {
            println!("{}:", out.tr("settings.wooba.pem"));
            for line in pem.lines() {
                println!("  {line}");
            }
        }
        None => println!(
            "{}: {}",
            out.tr("settings.wooba.pem"),
            out.tr("settings.cli.pem_not_set")
        ),
    }
}
