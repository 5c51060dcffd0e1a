//! `ponte tokens …` and `ponte remind --once`: Tokens de API and reminders without the window.

use std::process::ExitCode;

use chrono::Local;
use clap::Subcommand;
use ponte_core::db::Db;
use ponte_core::expiries;
use ponte_core::i18n::t;
use ponte_core::reminder_run;
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::tokens::{self, BookingUserInput, NewToken, TokenDates};
use ponte_core::CoreError;
use ponte_suppliers::http::Limits;
use ponte_suppliers::token_check;

use crate::output::Out;
use crate::secret_input;

#[derive(Subcommand)]
pub enum TokensCommand {
    /// Add a Booking user to a PayTourist integration
    UserAdd {
        #[arg(long)]
        integration: i64,
        #[arg(long)]
        name: String,
        /// An address of the structure, easily read: the expiry reminder goes there
        #[arg(long)]
        email: String,
        #[arg(long)]
        software: Option<String>,
    },
    /// Add a token: read from PONTE_SECRET_TOKEN or standard input (never an argument), verified live
    Add {
        /// Booking user id
        #[arg(long)]
        user: i64,
        #[arg(long)]
        name: String,
        /// Creation date, YYYY-MM-DD (default today)
        #[arg(long)]
        created: Option<String>,
        /// Expiry date, YYYY-MM-DD (default creation + 36 months)
        #[arg(long)]
        expires: Option<String>,
    },
    /// Booking users and their tokens (only the last 4 characters of each)
    List,
    /// Credentials expiring within DAYS (default 60), soonest first
    Expiring {
        #[arg(long, default_value_t = 60)]
        within: i64,
        /// Also write EVERY credential's expiry to this calendar file (.ics, one alarm per reminder day)
        #[arg(long, value_name = "FILE")]
        ics: Option<std::path::PathBuf>,
    },
    /// Check a token against PayTourist now
    Verify { id: i64 },
    /// Correct a token's dates (as PayTourist's portal shows them)
    SetExpiry {
        id: i64,
        /// Creation date, YYYY-MM-DD (default: the one stored)
        #[arg(long)]
        created: Option<String>,
        /// Expiry date, YYYY-MM-DD (default: creation + 36 months)
        #[arg(long)]
        expires: Option<String>,
    },
    /// Delete a token (keyring and database)
    Remove { id: i64 },
}

fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime builds")
}

pub fn run(db: &mut Db, cmd: TokensCommand, out: &Out) -> ExitCode {
    let store = || Secrets::native(SERVICE).map_err(CoreError::from);
    let result: Result<ExitCode, CoreError> = (|| match cmd {
        TokensCommand::UserAdd {
            integration,
            name,
            email,
            software,
        } => {
            let u = tokens::create_user(
                db,
                &BookingUserInput {
                    integration_id: integration,
                    name,
                    email,
                    software,
                },
            )?;
            if out.json {
                out.json(&u)
            } else {
                println!("#{} {} <{}>", u.id, u.name, u.email)
            }
            Ok(ExitCode::SUCCESS)
        }
        TokensCommand::Add {
            user,
            name,
            created,
            expires,
        } => {
            let pasted = secret_input::read(&["token".to_string()]).map_err(|e| CoreError::Input(e.to_string()))?;
            let (value, notices) = tokens::clean_pasted(&pasted[0].1)?;
            let (created_on, expires_on, date_notices) = tokens::check_dates(&TokenDates {
                created_on: created,
                expires_on: expires,
            })?;
            let s = store()?;
            if tokens::is_duplicate(db, &s, &value)? {
                return Err(CoreError::invalid("token", "error.token.duplicate"));
            }
            let target = token_check::target(db, user)?;
            if let Err(e) = rt().block_on(token_check::verify(&target, &value, &Limits::default())) {
                return Ok(supplier_error(out, &e));
            }
            let verified = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            let tok = tokens::add(
                db,
                &s,
                &NewToken {
                    booking_user_id: user,
                    name: &name,
                    token: &value,
                    created_on,
                    expires_on,
                    verified_at: Some(verified),
                    replaces: None,
                },
            )?;
            for n in notices.iter().chain(&date_notices) {
                eprintln!("ponte: {}", out.tr(&n.key));
            }
            if out.json {
                out.json(&tok)
            } else {
                println!("#{} {} ••••{} → {}", tok.id, tok.name, tok.last4, tok.expires_on)
            }
            Ok(ExitCode::SUCCESS)
        }
        TokensCommand::List => {
            let users = tokens::users(db, None)?;
            if out.json {
                out.json(&users);
            } else {
                for u in &users {
                    println!("#{} {} <{}> — {}", u.id, u.name, u.email, u.integration);
                    for tk in &u.tokens {
                        println!(
                            "  #{} {} ••••{}  {} → {}  {:?}{}",
                            tk.id,
                            tk.name,
                            tk.last4,
                            tk.created_on,
                            tk.expires_on,
                            tk.status,
                            if tk.active { " *" } else { "" }
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        TokensCommand::Expiring { within, ics } => {
            if let Some(path) = ics {
                let all = expiries::list(db)?;
                let thresholds = expiries::reminder_settings(db)?.thresholds;
                let text = ponte_core::expiry_calendar::ics(&all, &thresholds, out.locale, chrono::Utc::now());
                std::fs::write(&path, text).map_err(|e| CoreError::Input(format!("{}: {e}", path.display())))?;
            }
            let list: Vec<_> = expiries::list(db)?
                .into_iter()
                .filter(|e| e.days_left <= within)
                .collect();
            if out.json {
                out.json(&list);
            } else {
                for e in &list {
                    println!(
                        "{:>5} d  {}  {} — {}",
                        e.days_left, e.expires_on, e.integration, e.label
                    );
                }
            }
            // Scripts can alert on a non-zero exit: something expires within the window.
            Ok(if list.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(4)
            })
        }
        TokensCommand::Verify { id } => {
            let s = store()?;
            let user = tokens::token(db, id)?.booking_user_id;
            let value = tokens::value(&s, id)?;
            let target = token_check::target(db, user)?;
            let outcome = rt().block_on(token_check::verify(&target, &value, &Limits::default()));
            let tk = tokens::record_check(db, id, token_check::check_code(&outcome))?;
            if out.json {
                out.json(&tk);
            } else {
                println!("#{} {:?}", tk.id, tk.status);
            }
            match outcome {
                Ok(()) => Ok(ExitCode::SUCCESS),
                Err(e) => {
                    let r = e.reply();
                    eprintln!("ponte: {}", t(out.locale, &r.key, &r.params));
                    Ok(ExitCode::from(1))
                }
            }
        }
        TokensCommand::SetExpiry { id, created, expires } => {
            let created = created.or(Some(tokens::token(db, id)?.created_on));
            let tk = tokens::set_expiry(
                db,
                id,
                &TokenDates {
                    created_on: created,
                    expires_on: expires,
                },
            )?;
            if out.json {
                out.json(&tk);
            } else {
                println!("#{} {} → {}", tk.id, tk.created_on, tk.expires_on);
            }
            Ok(ExitCode::SUCCESS)
        }
        TokensCommand::Remove { id } => {
            tokens::delete(db, &store()?, id)?;
            Ok(ExitCode::SUCCESS)
        }
    })();
    result.unwrap_or_else(|e| out.error(&e))
}

fn supplier_error(out: &Out, e: &ponte_suppliers::SupplierError) -> ExitCode {
    let r = e.reply();
    if out.json {
        out.json(&serde_json::json!({ "error": r }));
    } else {
        eprintln!("ponte: {}", t(out.locale, &r.key, &r.params));
    }
    ExitCode::from(1)
}

/// `ponte remind --once`: fires the reminders due now as desktop notifications, records them, exits.
pub fn remind_once(db: &Db, out: &Out) -> ExitCode {
    let now = Local::now().naive_local();
    // Recorded only once the desktop took the notification (else it stays due for the next run).
    let result = reminder_run::fire_due(db, now, |e, kind| {
        let (title, body) = expiries::notification_texts(out.locale, kind, e);
        notify_rust::Notification::new()
            .appname("Ponte")
            .summary(&title)
            .body(&body)
            .show()
            .map(|_| ())
            .map_err(|err| {
                eprintln!("ponte: notification failed: {err}");
                err.to_string()
            })
    })
    .map(|pass| {
        pass.shown
            .iter()
            .map(|(e, kind)| {
                let (title, _) = expiries::notification_texts(out.locale, kind, e);
                serde_json::json!({"key": e.key, "title": title})
            })
            .collect::<Vec<_>>()
    });
    match result {
        Ok(fired) => {
            if out.json {
                out.json(&fired);
            } else {
                for f in &fired {
                    println!("{}", f["title"].as_str().unwrap_or_default());
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => out.error(&e),
    }
}
