//! How the CLI speaks: text in the user's language on a terminal, JSON with `--json`.

use std::process::ExitCode;

use ponte_core::doctor::Check;
use ponte_core::i18n::{t, Locale};
use ponte_core::{CoreError, ErrorReply};
use serde::Serialize;

pub struct Out {
    pub json: bool,
    pub locale: Locale,
}

fn exit_code(e: &CoreError) -> u8 {
    match e {
        CoreError::Invalid(_)
        | CoreError::DuplicateDocument { .. }
        | CoreError::NotFound
        | CoreError::PersonInUse { .. } => 1,
        _ => 3,
    }
}

impl Out {
    pub fn new(json: bool, locale: Locale) -> Self {
        Self { json, locale }
    }

    pub fn tr(&self, key: &str) -> String {
        t(self.locale, key, &Default::default())
    }

    /// [`Out::tr`] with `{name}` placeholders filled.
    pub fn tr_with(&self, key: &str, params: &[(&str, &str)]) -> String {
        let params = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        t(self.locale, key, &params)
    }

    pub fn json<T: Serialize>(&self, value: &T) {
        println!(
            "{}",
            serde_json::to_string_pretty(value).expect("plain data serialises")
        );
    }

    /// Prints the error (translated, with its fix; or as JSON) and returns its exit code.
    pub fn error(&self, e: &CoreError) -> ExitCode {
        self.error_for(e, &[])
    }

    /// [`Out::error`] for a command that takes some of the core's fields as positional arguments:
    /// `positional` maps such a field to the name `--help` shows (`("time", "TIME")`), so the
    /// message names what the user typed; other fields are named by their flag (`--quiet-start`).
    pub fn error_for(&self, e: &CoreError, positional: &[(&str, &str)]) -> ExitCode {
        self.reply(&e.reply(), exit_code(e), positional)
    }

    /// Prints any typed reply (the core's, the import engine's) and returns `code` as the exit code.
    pub fn reply(&self, reply: &ErrorReply, code: u8, positional: &[(&str, &str)]) -> ExitCode {
        if self.json {
            self.json(&serde_json::json!({ "error": reply }));
        } else {
            eprintln!("ponte: {}", t(self.locale, &reply.key, &reply.params));
            for f in &reply.fields {
                let name = positional
                    .iter()
                    .find(|(field, _)| *field == f.field)
                    .map(|(_, name)| name.to_string())
                    .unwrap_or_else(|| format!("--{}", f.field.replace('_', "-")));
                eprintln!("  {name}: {}", t(self.locale, &f.key, &f.params));
            }
        }
        ExitCode::from(code)
    }

    pub fn checks(&self, checks: &[Check]) -> ExitCode {
        let all_ok = checks.iter().all(|c| c.ok);
        if self.json {
            self.json(&serde_json::json!({ "ok": all_ok, "checks": checks }));
        } else {
            for c in checks {
                let name = self.tr(&c.name);
                if c.ok {
                    println!("{:<4} {name}: {}", self.tr("doctor.ok"), c.detail);
                } else {
                    let fix = c
                        .fix
                        .as_deref()
                        .map(|k| t(self.locale, k, &c.fix_params))
                        .unwrap_or_default();
                    println!("FAIL {name}\n     {}: {fix}", self.tr("doctor.fix"));
                }
            }
        }
        ExitCode::from(if all_ok { 0 } else { 3 })
    }
}
