//! Writes what is derived from the command list: the UI's typed client, the app's command manifest
//! (read by `build.rs`, so Tauri's ACL knows each command) and the window's capability file.
//! `cargo test -p ponte-api` regenerates them; CI fails when the committed copies differ.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::COMMANDS;

/// The repository's root (this crate lives in `src-tauri/crates/ponte-api`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn ts_config() -> ts_rs::Config {
    // Ids and counts stay far below 2^53: plain numbers on the TypeScript side, as in the bindings.
    ts_rs::Config::from_env().with_large_int("number")
}

fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn kebab(snake: &str) -> String {
    snake.replace('_', "-")
}

/// `ui/src/api.gen.ts`: one typed function per command, through `transport.ts`.
pub fn typescript_client() -> String {
    let cfg = ts_config();
    let mut imports = BTreeMap::new();
    for c in COMMANDS {
        for d in (c.imports)(&cfg) {
            let file = d.output_path.with_extension("");
            imports.insert(d.ts_name.clone(), format!("./bindings/{}", file.display()));
        }
    }
    let mut s = String::from(
        "// Generated from src-tauri/crates/ponte-api/src/commands.rs by `cargo test -p ponte-api`. Do not edit.\n",
    );
    for (name, path) in &imports {
        s.push_str(&format!("import type {{ {name} }} from '{path}';\n"));
    }
    s.push_str("import { call } from './transport';\n\n");
    s.push_str("/** Every command of the backend, typed as the Rust declaration says. */\nexport const api = {\n");
    for c in COMMANDS {
        let args = (c.args)(&cfg);
        let mut params: Vec<String> = args.iter().map(|(n, t)| format!("{}: {t}", camel(n))).collect();
        let keys: Vec<String> = args.iter().map(|(n, _)| camel(n)).collect();
        if let Some(ev) = c.events {
            params.push(format!("onEvent: (event: {}) => void", ev(&cfg)));
        }
        let doc = c.doc.trim();
        if !doc.is_empty() {
            s.push_str("  /**\n");
            for line in doc.lines() {
                s.push_str(&format!("   * {}\n", line.trim()).replace("   * \n", "   *\n"));
            }
            s.push_str("   */\n");
        }
        let body = if keys.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", keys.join(", "))
        };
        let tail = if c.events.is_some() { ", onEvent" } else { "" };
        s.push_str(&format!(
            "  {}: ({}) => call<{}>('{}', {body}{tail}),\n",
            camel(c.name),
            params.join(", "),
            (c.reply)(&cfg),
            c.name
        ));
    }
    s.push_str("};\n\n/** The wire names, in declaration order. */\nexport const COMMAND_NAMES = [\n");
    for c in COMMANDS {
        s.push_str(&format!("  '{}',\n", c.name));
    }
    s.push_str("] as const;\n");
    s
}

/// `src-tauri/commands.gen.json`: the command names `build.rs` declares in the app manifest.
pub fn command_manifest() -> String {
    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    serde_json::to_string_pretty(&names).expect("strings serialize") + "\n"
}

/// `src-tauri/capabilities/main.json`: the main window may call these commands and nothing else.
pub fn capability() -> String {
    let permissions: Vec<String> = COMMANDS.iter().map(|c| format!("allow-{}", kebab(c.name))).collect();
    let v = serde_json::json!({
        "$schema": "../../gen/schemas/desktop-schema.json",
        "identifier": "main",
        "description": "Generated from ponte-api's command list: the main window may call Ponte's own commands and nothing else.",
        "windows": ["main"],
        "permissions": permissions,
    });
    serde_json::to_string_pretty(&v).expect("json serializes") + "\n"
}

/// `ui/src/integration-types.gen.json`: the integration types exactly as `integration_types` answers,
/// so the UI's unit tests exercise the real declarations instead of a hand-made copy, and pure UI helpers
/// can read a type's capabilities synchronously (import-query.ts: which types have sales).
pub fn integration_types_fixture() -> String {
    let specs = ponte_suppliers::registry::specs();
    serde_json::to_string_pretty(&specs).expect("specs serialize") + "\n"
}

/// Every generated file: its path from the repository root and its content.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        ("ui/src/api.gen.ts", typescript_client()),
        ("ui/src/integration-types.gen.json", integration_types_fixture()),
        ("src-tauri/commands.gen.json", command_manifest()),
        ("src-tauri/capabilities/main.json", capability()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_convert() {
        assert_eq!(camel("token_rotation_step"), "tokenRotationStep");
        assert_eq!(kebab("token_rotation_step"), "token-rotation-step");
    }

    #[test]
    fn command_names_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for c in COMMANDS {
            assert!(seen.insert(c.name), "{} declared twice", c.name);
            assert!(
                c.name.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'),
                "{}",
                c.name
            );
        }
    }

    /// Writes the generated files; CI then fails if git sees a change (a stale committed copy).
    #[test]
    fn generated_files_are_written() {
        for (path, content) in files() {
            let full = repo_root().join(path);
            let old = std::fs::read_to_string(&full).unwrap_or_default();
            if old != content {
                std::fs::write(&full, content).unwrap_or_else(|e| panic!("{path}: {e}"));
            }
        }
    }
}
