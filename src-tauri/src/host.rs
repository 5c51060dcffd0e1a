//! The window's side of [`HostServices`]: what only a desktop app can do for the commands
//! (clipboard, notifications, start with the system, the save dialog, the tray).

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ponte_api::{Api, HostServices};
use ponte_core::expiries::Expiry;
use ponte_core::i18n::Locale;
use secrecy::SecretString;
use tauri::{AppHandle, Runtime};

use crate::clipboard::SecretClipboard;

/// The state every command runs against.
pub type ApiState = Arc<Api>;

pub struct TauriHost<R: Runtime> {
    /// Set once the app is built (the commands exist before it).
    pub app: Arc<OnceLock<AppHandle<R>>>,
    pub clipboard: SecretClipboard,
}

impl<R: Runtime> Clone for TauriHost<R> {
    fn clone(&self) -> Self {
        Self {
            app: self.app.clone(),
            clipboard: self.clipboard.clone(),
        }
    }
}

impl<R: Runtime> Default for TauriHost<R> {
    fn default() -> Self {
        Self {
            app: Arc::default(),
            clipboard: SecretClipboard::default(),
        }
    }
}

impl<R: Runtime> TauriHost<R> {
    fn app(&self) -> Result<&AppHandle<R>, String> {
        self.app.get().ok_or_else(|| "the window is not ready yet".to_string())
    }
}

impl<R: Runtime> HostServices for TauriHost<R> {
    fn copy_secret(&self, secret: SecretString, clear_after: Duration) -> Result<(), String> {
        self.clipboard.copy(secret, clear_after).map_err(|e| e.to_string())
    }

    fn notify(&self, locale: Locale, kind: &str, expiry: &Expiry) -> Result<(), String> {
        crate::notify::show(self.app()?, locale, kind, expiry)
    }

    fn autostart(&self, set: Option<bool>) -> Result<bool, String> {
        use tauri_plugin_autostart::ManagerExt;
        let m = self.app()?.autolaunch();
        match set {
            Some(true) => m.enable().map_err(|e| e.to_string())?,
            Some(false) => m.disable().map_err(|e| e.to_string())?,
            None => {}
        }
        m.is_enabled().map_err(|e| e.to_string())
    }

    fn save_path(&self, suggested_name: &str, extension: &str) -> Option<PathBuf> {
        // Real-window tests cannot drive the GTK file chooser: whoever starts the process may answer
        // it in advance. The page itself can never choose a path.
        if let Some(p) = std::env::var_os("PONTE_TEST_SAVE_PATH") {
            return Some(PathBuf::from(p));
        }
        use tauri_plugin_dialog::DialogExt;
        let picked = self
            .app()
            .ok()?
            .dialog()
            .file()
            .add_filter(extension.to_uppercase(), &[extension])
            .set_file_name(suggested_name)
            .blocking_save_file();
        picked.and_then(|p| p.into_path().ok())
    }

    fn expiries_changed(&self) {
        if let Ok(app) = self.app() {
            crate::tray::refresh(app);
        }
    }
}
