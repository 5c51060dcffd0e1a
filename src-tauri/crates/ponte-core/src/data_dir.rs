//! Where Ponte keeps its data: `--data-dir`, else `PONTE_DATA_DIR`, else the OS app-data folder
//! (the same folder Tauri's `app_data_dir()` gives for our identifier, so the app and CLI agree).

use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};
use crate::APP_IDENTIFIER;

pub const ENV_VAR: &str = "PONTE_DATA_DIR";

/// Resolves the data folder without touching the disk.
pub fn resolve(flag: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::data_dir()
        .map(|d| d.join(APP_IDENTIFIER))
        .ok_or_else(|| CoreError::DataDir {
            path: PathBuf::from("?"),
            reason: "the operating system reports no application-data folder".into(),
        })
}

/// Creates the folder if needed and proves it is writable, so a bad folder fails at start with its path.
pub fn prepare(dir: &Path) -> Result<()> {
    let fail = |e: std::io::Error| CoreError::DataDir {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".ponte-write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins() {
        let p = resolve(Some(Path::new("/tmp/x"))).unwrap();
        assert_eq!(p, PathBuf::from("/tmp/x"));
    }

    #[test]
    fn prepare_creates_nested_folders() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        prepare(&nested).unwrap();
        assert!(nested.is_dir());
    }

    #[test]
    fn prepare_reports_an_unwritable_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, b"x").unwrap();
        let err = prepare(&file.join("sub")).unwrap_err();
        assert_eq!(err.code(), "data_dir");
    }
}
