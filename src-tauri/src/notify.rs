//! Desktop notifications in the user's language. tauri-plugin-notification shows them (and cannot
//! schedule them on desktop: the reminder engine decides when).

use std::collections::BTreeMap;

use ponte_core::expiries::Expiry;
use ponte_core::i18n::{t, Locale};
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;

/// What a notification says: title and body keys and their parameters.
pub fn texts(locale: Locale, kind: &str, e: &Expiry) -> (String, String) {
    let mut p = BTreeMap::new();
    p.insert("integration".to_string(), e.integration.clone());
    p.insert("label".to_string(), e.label.clone());
    p.insert("days".to_string(), e.days_left.max(0).to_string());
    let date = chrono::NaiveDate::parse_from_str(&e.expires_on, "%Y-%m-%d")
        .map(|d| match locale {
            Locale::En => d.format("%Y-%m-%d").to_string(),
            _ => d.format("%d/%m/%Y").to_string(),
        })
        .unwrap_or_else(|_| e.expires_on.clone());
    p.insert("date".to_string(), date);
    (
        t(locale, &format!("notify.{kind}.title"), &p),
        t(locale, &format!("notify.{kind}.body"), &p),
    )
}

pub fn show<R: Runtime>(app: &AppHandle<R>, locale: Locale, kind: &str, e: &Expiry) {
    let (title, body) = texts(locale, kind, e);
    log::info!("notification: {kind} for {}", e.key);
    if let Err(err) = app.notification().builder().title(title).body(body).show() {
        log::warn!("notification failed: {err}");
    }
}
