//! ponte-api's tests, one binary: the command surface as a host sees it, and the background runners.
//! Real SQLite in temp folders; secrets in the real keyring (the test script's gnome-keyring session)
//! under a per-process service name; suppliers from the simulator on loopback.

mod dispatch;
mod scheduler;
mod secrets;

use std::path::PathBuf;
use std::time::Duration;

use ponte_api::{Api, HostServices};
use ponte_core::expiries::Expiry;
use ponte_core::i18n::Locale;
use secrecy::SecretString;
use serde_json::Value;

/// A host with no desktop: no clipboard, notifications accepted, every save dialog cancelled.
pub struct NoHost;

impl HostServices for NoHost {
    fn copy_secret(&self, _: SecretString, _: Duration) -> Result<(), String> {
        Err("no clipboard here".into())
    }
    fn notify(&self, _: Locale, _: &str, _: &Expiry) -> Result<(), String> {
        Ok(())
    }
    fn autostart(&self, _: Option<bool>) -> Result<bool, String> {
        Ok(false)
    }
    fn save_path(&self, _: &str, _: &str) -> Option<PathBuf> {
        None
    }
}

pub fn api(dir: &std::path::Path) -> Api {
    let service = format!("io.ponte.desktop.test.api.{}", std::process::id());
    Api::open(dir.to_path_buf(), &service, Box::new(NoHost))
}

pub fn run(api: &Api, name: &str, args: Value) -> Result<Value, ponte_core::ErrorReply> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(ponte_api::dispatch(api, name, args, &ponte_api::events::NoEvents))
}
