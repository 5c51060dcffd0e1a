//! Secrets for the CLI come from the environment or standard input, never from arguments
//! (arguments leak into `ps` and shell history).

use std::io::BufRead;

/// `PONTE_SECRET_PASSWORD` for the field `password`.
pub fn env_name(field: &str) -> String {
    format!("PONTE_SECRET_{}", field.to_ascii_uppercase())
}

/// One value per requested field: from its environment variable, else the next line of stdin.
pub fn read(fields: &[String]) -> std::io::Result<Vec<(String, String)>> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut out = Vec::new();
    for f in fields {
        let value = match std::env::var(env_name(f)) {
            Ok(v) => v,
            Err(_) => lines.next().transpose()?.unwrap_or_default(),
        };
        out.push((f.clone(), value));
    }
    Ok(out)
}
