//! How the CLI speaks: text in the user's language on a terminal, JSON with `--json`.

use std::process::ExitCode;

use ponte_core::doctor::Check;
use ponte_core::i18n::{t, Locale};
use ponte_core::CoreError;
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

    pub fn json<T: Serialize>(&self, value: &T) {
        println!(
            "{}",
            serde_json::to_string_pretty(value).expect("plain data serialises")
        );
    }

    /// Prints the error (translated, with its fix; or as JSON) and returns its exit code.
    pub fn error(&self, e: &CoreError) -> ExitCode {
        let reply = e.reply();
        if self.json {
            self.json(&serde_json::json!({ "error": reply }));
        } else {
            eprintln!("ponte: {}", t(self.locale, &reply.key, &reply.params));
            for f in &reply.fields {
                eprintln!(
                    "  --{}: {}",
                    f.field.replace('_', "-"),
                    t(self.locale, &f.key, &f.params)
                );
            }
        }
        ExitCode::from(exit_code(e))
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
