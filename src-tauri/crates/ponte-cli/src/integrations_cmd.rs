//! `ponte integrations add|list|show|test|remove`, for admins who provision many desks.

use std::collections::BTreeMap;
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::Subcommand;
use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, Integration, IntegrationFilter, IntegrationInput};
use ponte_core::secrets::{Secrets, SERVICE};
use ponte_core::CoreError;
use ponte_core::{expiries, presets};
use ponte_suppliers::connection_test;
use ponte_suppliers::http::Limits;
use ponte_suppliers::registry;

use crate::output::Out;
use crate::secret_input;

#[derive(Subcommand)]
pub enum IntegrationsCommand {
    /// List integrations
    List {
        #[arg(long, short)]
        query: Option<String>,
        /// An integration type's id
        #[arg(long = "type", value_parser = type_ids())]
        ty: Option<String>,
    },
    /// Register an integration. Secrets: name them with --secret FIELD; each value is read from
    /// PONTE_SECRET_<FIELD> or, if unset, from the next line of standard input.
    Add {
        /// An integration type's id (implied by --preset)
        #[arg(long = "type", value_parser = type_ids())]
        ty: Option<String>,
        /// A supplier preset: a type, a description and field values
        #[arg(long, value_parser = preset_ids())]
        preset: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// Id of the linked person (see `ponte people list`)
        #[arg(long)]
        person: i64,
        /// A field value, key=value (repeatable), e.g. --field agency_code=1234
        #[arg(long = "field", value_name = "KEY=VALUE")]
        fields: Vec<String>,
        /// A secret field to read from the environment or stdin (repeatable), e.g. --secret password
        #[arg(long = "secret", value_name = "FIELD")]
        secrets: Vec<String>,
    },
    /// Show one integration (secrets only as set / not set)
    Show { id: i64 },
    /// Test the connection of a saved integration
    Test { id: i64 },
    /// Delete an integration and its keyring entries
    Remove { id: i64 },
    /// Turn an integration back on (imports and tests allowed)
    Enable { id: i64 },
    /// Turn an integration off (kept with its secrets; not imported, not tested)
    Disable { id: i64 },
    /// The expiry date of a secret (a password the supplier makes expire): reminded like a token's
    SecretExpiry {
        id: i64,
        /// The secret field, e.g. password
        field: String,
        /// YYYY-MM-DD
        #[arg(long, required_unless_present = "clear")]
        expires: Option<String>,
        /// Forget the expiry
        #[arg(long, conflicts_with = "expires")]
        clear: bool,
    },
}

/// The ids `--type` accepts, from the one list of types (`--help` shows them).
fn type_ids() -> PossibleValuesParser {
    PossibleValuesParser::new(IntegrationType::ALL.map(IntegrationType::as_str))
}

/// The ids `--preset` accepts, from presets.json.
fn preset_ids() -> PossibleValuesParser {
    PossibleValuesParser::new(presets::all().iter().map(|p| p.id.as_str()))
}

fn bad(field: &str, key: &str) -> CoreError {
    CoreError::invalid(field, key)
}

fn parse_type(s: &str) -> Result<IntegrationType, CoreError> {
    IntegrationType::parse(s).ok_or_else(|| bad("type", "error.field.invalid"))
}

fn print_one(out: &Out, i: &Integration) {
    println!(
        "#{} {} [{}]",
        i.id,
        i.description,
        out.tr(&format!("integration.{}.name", i.ty.as_str()))
    );
    println!("  {}: {} (#{})", out.tr("people.col.name"), i.person_name, i.person_id);
    for (k, v) in &i.values {
        println!("  {k}: {v}");
    }
    for k in &i.secrets_set {
        println!("  {k}: ••• ({})", out.tr("integrations.secret_set"));
    }
    if let Some(t) = &i.last_test {
        println!(
            "  test: {} {}",
            t.at,
            if t.ok { "OK" } else { t.code.as_deref().unwrap_or("?") }
        );
    }
}

fn add_input(
    ty: Option<String>,
    preset: Option<String>,
    description: Option<String>,
    person: i64,
    fields: Vec<String>,
    secrets: Vec<String>,
) -> Result<IntegrationInput, CoreError> {
    let preset = match preset.as_deref() {
        Some(id) => Some(presets::find(id).ok_or_else(|| bad("preset", "error.field.invalid"))?),
        None => None,
    };
    let ty = match (&ty, preset) {
        (Some(t), _) => parse_type(t)?,
        (None, Some(p)) => p.ty,
        (None, None) => return Err(bad("type", "error.field.required")),
    };
    let mut values: BTreeMap<String, String> = preset.map(|p| p.values.clone()).unwrap_or_default();
    for f in fields {
        let (k, v) = f.split_once('=').ok_or_else(|| bad("field", "error.field.invalid"))?;
        values.insert(k.trim().to_string(), v.to_string());
    }
    let secrets = secret_input::read(&secrets).map_err(|e| CoreError::Input(e.to_string()))?;
    Ok(IntegrationInput {
        ty,
        description: description
            .or_else(|| preset.map(|p| p.description.clone()))
            .unwrap_or_default(),
        person_id: Some(person),
        values,
        secrets: secrets
            .into_iter()
            .map(|(k, v)| (k, secrecy::SecretString::from(v)))
            .collect(),
    })
}

/// `enable` / `disable`: the window's switch on the integration's row.
fn switch(db: &Db, id: i64, on: bool, out: &Out) -> Result<(), CoreError> {
    let i = integrations::set_enabled(db, id, on)?;
    if out.json {
        out.json(&i);
    } else {
        println!(
            "{:>5}  {}{}",
            i.id,
            i.description,
            if i.enabled { "" } else { " (off)" }
        );
    }
    Ok(())
}

pub fn run(db: &mut Db, cmd: IntegrationsCommand, out: &Out) -> ExitCode {
    let store = || Secrets::native(SERVICE).map_err(CoreError::from);
    let result: Result<(), CoreError> = (|| match cmd {
        IntegrationsCommand::List { query, ty } => {
            let filter = IntegrationFilter {
                query: query.unwrap_or_default(),
                ty: ty.as_deref().map(parse_type).transpose()?,
                status: None,
            };
            let list = integrations::list(db, &filter)?;
            if out.json {
                out.json(&list);
            } else {
                for i in &list {
                    let state = if i.enabled { "" } else { " (off)" };
                    println!(
                        "{:>5}  {:<11} {}{state}  — {}",
                        i.id,
                        i.ty.as_str(),
                        i.description,
                        i.person_name
                    );
                }
            }
            Ok(())
        }
        IntegrationsCommand::Add {
            ty,
            preset,
            description,
            person,
            fields,
            secrets,
        } => {
            let input = add_input(ty, preset, description, person, fields, secrets)?;
            let saved = integrations::create(db, &store()?, &registry::spec(input.ty), &input)?;
            if out.json {
                out.json(&saved);
            } else {
                for n in &saved.notices {
                    eprintln!("ponte: {}: {}", n.field, out.tr(&n.key));
                }
                print_one(out, &saved.integration);
            }
            Ok(())
        }
        IntegrationsCommand::Show { id } => {
            let i = integrations::get(db, id)?;
            if out.json {
                out.json(&i)
            } else {
                print_one(out, &i)
            }
            Ok(())
        }
        IntegrationsCommand::Remove { id } => integrations::delete(db, &store()?, id),
        IntegrationsCommand::Enable { id } => switch(db, id, true, out),
        IntegrationsCommand::Disable { id } => switch(db, id, false, out),
        IntegrationsCommand::SecretExpiry {
            id,
            field,
            expires,
            clear: _,
        } => {
            // The same check as the window's: a secret field of this integration's type.
            let spec = registry::spec(integrations::get(db, id)?.ty);
            expiries::set_secret_expiry(db, &spec, id, &field, expires.as_deref())?;
            if out.json {
                out.json(&serde_json::json!({ "integration_id": id, "field": field, "expires_on": expires }));
            } else {
                println!("{id} {field}: {}", expires.as_deref().unwrap_or("—"));
            }
            Ok(())
        }
        IntegrationsCommand::Test { .. } => unreachable!("handled by test()"),
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => out.error(&e),
    }
}

/// `ponte integrations test ID`: exit 0 when the supplier accepted the connection, 1 otherwise.
pub fn test(db: &Db, id: i64, out: &Out) -> ExitCode {
    let prepared = Secrets::native(SERVICE)
        .map_err(CoreError::from)
        .and_then(|s| ponte_suppliers::gather::test_input(db, &s, Some(id), None));
    let input = match prepared {
        Ok(i) => i,
        Err(e) => return out.error(&e),
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime builds");
    let outcome = rt.block_on(connection_test::run(&input, &Limits::default()));
    let code = outcome.as_ref().err().map(|e| e.code());
    if let Err(e) = integrations::record_test(db, id, code) {
        return out.error(&e);
    }
    match outcome {
        Ok(ok) => {
            if out.json {
                out.json(&serde_json::json!({"ok": true, "key": ok.key, "params": ok.params}));
            } else {
                println!("{}", ponte_core::i18n::t(out.locale, &ok.key, &ok.params));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let reply = e.reply();
            if out.json {
                out.json(&serde_json::json!({"ok": false, "error": reply}));
            } else {
                eprintln!("ponte: {}", ponte_core::i18n::t(out.locale, &reply.key, &reply.params));
            }
            ExitCode::from(1)
        }
    }
}
