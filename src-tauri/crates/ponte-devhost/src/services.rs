//! The test host's side of `HostServices`: what a desktop would do, recorded so tests can look at it
//! (the last clipboard content, the notifications shown, the start-with-the-system switch).

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use ponte_api::HostServices;
use ponte_core::expiries::Expiry;
use ponte_core::i18n::Locale;
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

#[derive(Default, Serialize, Clone)]
pub struct Recorded {
    /// What a copy put on the "clipboard", until its clear delay ends (then null, as on a desktop).
    pub clipboard: Option<String>,
    pub clipboard_clear_secs: Option<u64>,
    /// (kind, title, body) of each notification.
    pub notifications: Vec<(String, String, String)>,
    pub autostart: bool,
}

pub struct DevServices {
    pub recorded: std::sync::Arc<Mutex<Recorded>>,
    pub export_dir: PathBuf,
}

impl DevServices {
    fn lock(&self) -> std::sync::MutexGuard<'_, Recorded> {
        self.recorded.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl HostServices for DevServices {
    fn copy_secret(&self, secret: SecretString, clear_after: Duration) -> Result<(), String> {
        let mut r = self.lock();
        r.clipboard = Some(secret.expose_secret().to_owned());
        r.clipboard_clear_secs = Some(clear_after.as_secs());
        let recorded = self.recorded.clone();
        std::thread::spawn(move || {
            std::thread::sleep(clear_after);
            let mut r = recorded.lock().unwrap_or_else(|p| p.into_inner());
            if r.clipboard.as_deref() == Some(secret.expose_secret()) {
                r.clipboard = None;
            }
        });
        Ok(())
    }

    fn notify(&self, locale: Locale, kind: &str, expiry: &Expiry) -> Result<(), String> {
        let (title, body) = ponte_core::expiries::notification_texts(locale, kind, expiry);
        self.lock().notifications.push((kind.to_owned(), title, body));
        Ok(())
    }

    fn autostart(&self, set: Option<bool>) -> Result<bool, String> {
        let mut r = self.lock();
        if let Some(on) = set {
            r.autostart = on;
        }
        Ok(r.autostart)
    }

    /// The "dialog" always answers a file in the data folder's `exports/`.
    fn save_path(&self, suggested_name: &str, _extension: &str) -> Option<PathBuf> {
        std::fs::create_dir_all(&self.export_dir).ok()?;
        Some(self.export_dir.join(suggested_name))
    }
}
