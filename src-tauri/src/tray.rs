//! The tray: Ponte keeps running there when the window is closed (so reminders keep working); its
//! menu lists the next expiries — a click opens that token — plus Abrir and Sair.

use ponte_core::expiries;
use ponte_core::i18n::t;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

use crate::host::ApiState;

const TRAY_ID: &str = "ponte";
/// Menu item ids of the expiries: this prefix, then the route the item opens.
const OPEN_ROUTE: &str = "open:";

pub fn show_window<R: Runtime>(app: &AppHandle<R>, hash: Option<&str>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
        if let Some(h) = hash {
            let _ = w.eval(format!(
                "window.location.hash = {}",
                serde_json::to_string(h).unwrap_or_default()
            ));
        }
    }
}

fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let state = app.state::<ApiState>();
    let (locale, list) = state
        .with_db(|db| Ok((ponte_core::settings::locale(db)?, expiries::list(db)?)))
        .unwrap_or((ponte_core::i18n::Locale::detect(), Vec::new()));
    let tr = |k: &str| t(locale, k, &Default::default());
    let menu = Menu::new(app)?;
    if list.is_empty() {
        menu.append(&MenuItem::with_id(
            app,
            "none",
            tr("tray.nothing"),
            false,
            None::<&str>,
        )?)?;
    }
    for e in list.iter().take(5) {
        let mut p = std::collections::BTreeMap::new();
        p.insert("label".to_string(), format!("{} — {}", e.integration, e.label));
        p.insert("days".to_string(), e.days_left.to_string());
        // The item opens what the reminder's notification opens (one rule: `Expiry::route`).
        let id = format!("{OPEN_ROUTE}{}", e.route());
        menu.append(&MenuItem::with_id(
            app,
            id,
            t(locale, "tray.next", &p),
            true,
            None::<&str>,
        )?)?;
    }
    menu.append(&PredefinedMenuItem::separator(app)?)?;
    menu.append(&MenuItem::with_id(app, "open", tr("tray.open"), true, None::<&str>)?)?;
    menu.append(&MenuItem::with_id(app, "quit", tr("tray.quit"), true, None::<&str>)?)?;
    Ok(menu)
}

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Ponte")
        .menu(&menu(app)?)
        .on_menu_event(|app, event| {
            let id = event.id().as_ref();
            if id == "quit" {
                app.state::<crate::host::TauriHost<R>>().clipboard.clear_on_quit();
                app.exit(0);
            } else if id == "open" {
                show_window(app, None);
            } else if let Some(route) = id.strip_prefix(OPEN_ROUTE) {
                show_window(app, Some(route));
            }
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}

/// Rebuilds the menu after expiries change.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    if let (Some(tray), Ok(m)) = (app.tray_by_id(TRAY_ID), menu(app)) {
        let _ = tray.set_menu(Some(m));
    }
}

/// The first time the window is closed, one line says Ponte is still running in the tray.
pub fn explain_once<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<ApiState>();
    let first = state
        .with_db(|db| {
            let seen = ponte_core::settings::get(db, "tray.explained")?.is_some();
            if !seen {
                ponte_core::settings::set(db, "tray.explained", "1")?;
            }
            Ok((!seen, ponte_core::settings::locale(db)?))
        })
        .ok();
    if let Some((true, locale)) = first {
        let tr = |k: &str| t(locale, k, &Default::default());
        if let Err(e) = crate::notify::plain(app, &tr("tray.explain.title"), &tr("tray.explain.body")) {
            log::warn!("tray explanation not shown: {e}");
        }
    }
}
