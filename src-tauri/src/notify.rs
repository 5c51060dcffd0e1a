//! Desktop notifications in the user's language. tauri-plugin-notification shows them (and cannot
//! schedule them on desktop: the reminder engine decides when).

use ponte_core::expiries::{notification_texts, Expiry};
use ponte_core::i18n::Locale;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

pub fn show<R: Runtime>(app: &AppHandle<R>, locale: Locale, kind: &str, e: &Expiry) {
    let (title, body) = notification_texts(locale, kind, e);
    log::info!("notification: {kind} for {}", e.key);
    if let Err(err) = app.notification().builder().title(title).body(body).show() {
        log::warn!("notification failed: {err}");
    }
}
