//! Desktop notifications in the user's language. On Linux through notify-rust (the library
//! tauri-plugin-notification wraps), because the plugin drops every error: a reminder is recorded as
//! sent only when the notification service took it. Elsewhere through the plugin.

use ponte_core::expiries::{notification_texts, Expiry};
use ponte_core::i18n::Locale;
use tauri::{AppHandle, Runtime};

pub fn show<R: Runtime>(app: &AppHandle<R>, locale: Locale, kind: &str, e: &Expiry) -> Result<(), String> {
    let (title, body) = notification_texts(locale, kind, e);
    log::info!("notification: {kind} for {}", e.key);
    #[cfg(target_os = "linux")]
    {
        let _ = app;
        notify_rust::Notification::new()
            .appname("Ponte")
            .summary(&title)
            .body(&body)
            .show()
            .map(|_| ())
            .map_err(|err| err.to_string())
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_notification::NotificationExt;
        app.notification()
            .builder()
            .title(title)
            .body(body)
            .show()
            .map_err(|err| err.to_string())
    }
}
