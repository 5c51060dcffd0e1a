//! `ponte doctor`: is this machine ready? Each check is OK or says what to do.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::db::{self, Db};
use crate::error::CoreError;
use crate::secrets::Secrets;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Check {
    /// Catalogue key of the check's name (`doctor.data_dir`…).
    pub name: String,
    pub ok: bool,
    /// What was found (a path, a version) when OK; the error's detail otherwise.
    pub detail: String,
    /// Catalogue key of the fix when not OK.
    pub fix: Option<String>,
    /// Placeholders of the fix's text.
    pub fix_params: std::collections::BTreeMap<String, String>,
}

fn check(name: &str, r: Result<String, CoreError>) -> Check {
    match r {
        Ok(detail) => Check {
            name: name.into(),
            ok: true,
            detail,
            fix: None,
            fix_params: Default::default(),
        },
        Err(e) => {
            let reply = e.reply();
            Check {
                name: name.into(),
                ok: false,
                detail: e.to_string(),
                fix: Some(reply.key),
                fix_params: reply.params,
            }
        }
    }
}

/// Runs every check; `secrets` is the keyring to probe (`Err` when it could not even be opened).
pub fn run(data_dir: &Path, secrets: Result<Secrets, CoreError>) -> Vec<Check> {
    let dir = check(
        "doctor.data_dir",
        crate::data_dir::prepare(data_dir).map(|_| data_dir.display().to_string()),
    );
    let database = check(
        "doctor.database",
        if dir.ok {
            Db::open(data_dir)
                .and_then(|d| d.schema_version())
                .map(|v| format!("schema {v}/{}", db::latest_version()))
        } else {
            Err(CoreError::DataDir {
                path: data_dir.to_path_buf(),
                reason: "not writable".into(),
            })
        },
    );
    let keyring = check(
        "doctor.keyring",
        secrets
            .and_then(|s| s.probe().map_err(CoreError::from))
            .map(|_| "secret service".to_string()),
    );
    vec![dir, database, keyring]
}
