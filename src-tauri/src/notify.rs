//! Desktop notifications in the user's language. On Linux through notify-rust (the library
//! tauri-plugin-notification wraps), because the plugin drops every error (a reminder is recorded as
//! sent only when the notification service took it) and reports no clicks on the desktop.
//!
//! A click on a reminder (its body — the `default` action — or its button) brings the window
//! forward on what the reminder is about: that token's rotation (`Expiry::route`), the same place the
//! tray menu opens. Elsewhere through the plugin, without the click.

use ponte_core::expiries::{notification_action_label, notification_texts, Expiry};
use ponte_core::i18n::Locale;
use tauri::{AppHandle, Runtime};

/// The button's action id; the body's click is the spec's `default`.
#[cfg(target_os = "linux")]
const ROTATE: &str = "rotate";

pub fn show<R: Runtime>(app: &AppHandle<R>, locale: Locale, kind: &str, e: &Expiry) -> Result<(), String> {
    let (title, body) = notification_texts(locale, kind, e);
    log::info!("notification: {kind} for {}", e.key);
    #[cfg(target_os = "linux")]
    {
        let handle = notify_rust::Notification::new()
            .appname("Ponte")
            .summary(&title)
            .body(&body)
            .action("default", &notification_action_label(locale, e))
            .action(ROTATE, &notification_action_label(locale, e))
            .show()
            .map_err(|err| err.to_string())?;
        let (app, route, key) = (app.clone(), e.route(), e.key.clone());
        // One waiting thread per shown reminder (a few a day at most); it ends when the notification
        // is clicked or closed — the server says which, for this notification's id only.
        let spawned = std::thread::Builder::new()
            .name("ponte-notification".into())
            .spawn(move || {
                handle.wait_for_action(|action| {
                    if action == "default" || action == ROTATE {
                        log::info!("notification clicked ({action}) for {key}");
                        crate::tray::show_window(&app, Some(&route));
                    }
                })
            });
        if let Err(err) = spawned {
            // Shown all the same; only the click is lost (the tray still opens the token).
            log::warn!("notification click not followed: {err}");
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = notification_action_label;
        plain(app, &title, &body)
    }
}

/// A notification that only informs (no action): the tray's one-time explanation.
pub fn plain<R: Runtime>(app: &AppHandle<R>, title: &str, body: &str) -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        let _ = app;
        notify_rust::Notification::new()
            .appname("Ponte")
            .summary(title)
            .body(body)
            .show()
            .map(drop)
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
