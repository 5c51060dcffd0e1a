//! Copying a secret the KeePassXC way: the backend (not the page) writes it with the platform's
//! "not for clipboard history / sync" hints, and clears it after a delay — only if the clipboard
//! still holds that secret (the user may have copied something else since). Also cleared on quit.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use arboard::Clipboard;
use secrecy::{ExposeSecret, SecretString};

#[derive(Clone, Default)]
pub struct SecretClipboard {
    // On X11/Wayland the copying process serves the clipboard: keep one instance alive.
    inner: Arc<Mutex<Option<Clipboard>>>,
    last: Arc<Mutex<Option<SecretString>>>,
}

#[derive(Debug, thiserror::Error)]
#[error("clipboard: {0}")]
pub struct ClipboardError(String);

fn set_hidden(cb: &mut Clipboard, text: &str) -> Result<(), arboard::Error> {
    #[cfg(target_os = "linux")]
    {
        use arboard::SetExtLinux;
        cb.set().exclude_from_history().text(text)
    }
    #[cfg(target_os = "windows")]
    {
        use arboard::SetExtWindows;
        cb.set().exclude_from_history().exclude_from_cloud().text(text)
    }
    #[cfg(target_os = "macos")]
    {
        use arboard::SetExtApple;
        cb.set().exclude_from_history().text(text)
    }
    #[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
    {
        cb.set_text(text)
    }
}

impl SecretClipboard {
    fn with<T>(&self, f: impl FnOnce(&mut Clipboard) -> Result<T, arboard::Error>) -> Result<T, ClipboardError> {
        let mut guard = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if guard.is_none() {
            *guard = Some(Clipboard::new().map_err(|e| ClipboardError(e.to_string()))?);
        }
        f(guard.as_mut().expect("just set")).map_err(|e| ClipboardError(e.to_string()))
    }

    /// Puts `secret` on the clipboard and schedules its removal after `after`.
    pub fn copy(&self, secret: SecretString, after: Duration) -> Result<(), ClipboardError> {
        self.with(|cb| set_hidden(cb, secret.expose_secret()))?;
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(secret.clone());
        let me = self.clone();
        std::thread::spawn(move || {
            std::thread::sleep(after);
            me.clear_if_ours(&secret);
        });
        Ok(())
    }

    /// Clears the clipboard if it still holds `secret`.
    pub fn clear_if_ours(&self, secret: &SecretString) -> bool {
        let still = self
            .with(|cb| cb.get_text())
            .map(|t| t == secret.expose_secret())
            .unwrap_or(false);
        if still {
            let _ = self.with(|cb| cb.clear());
        }
        still
    }

    /// On quit: whatever Ponte copied last goes, if it is still there.
    pub fn clear_on_quit(&self) {
        let last = self.last.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(s) = last {
            self.clear_if_ours(&s);
        }
    }
}
