//! The thin Tauri shell: window, plugins and commands. Everything it does is in `ponte-core`.

mod clipboard;
mod commands;
mod demo;
mod import_scheduler;
mod notify;
mod reminder_engine;
mod state;
mod tray;

use std::path::PathBuf;

use tauri::Manager;

pub use state::AppState;

/// `--data-dir DIR` (or `--data-dir=DIR`) on the app's command line; other arguments are ignored.
fn data_dir_flag() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        let s = a.to_string_lossy();
        if s == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = s.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// Builds the app with its commands; shared by `run` and the command tests (mock runtime).
pub fn builder<R: tauri::Runtime>(state: AppState) -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        .manage(state)
        .manage(clipboard::SecretClipboard::default())
        .manage(demo::Demo::default())
        .manage(import_scheduler::ScheduleWake::default())
        .manage(reminder_engine::ReminderWake::default())
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::set_locale,
            commands::app::autostart_get,
            commands::app::autostart_set,
            commands::people::people_search,
            commands::people::person_get,
            commands::people::person_create,
            commands::people::person_update,
            commands::people::person_delete,
            commands::integrations::integration_types,
            commands::integrations::integration_presets,
            commands::integrations::integrations_list,
            commands::integrations::integration_get,
            commands::integrations::integration_create,
            commands::integrations::integration_update,
            commands::integrations::integration_duplicate,
            commands::integrations::integration_set_enabled,
            commands::integrations::integration_delete,
            commands::integrations::integration_test,
            commands::integrations::wooba_settings_get,
            commands::integrations::wooba_settings_set,
            commands::imports::import_preview,
            commands::imports::import_run,
            commands::imports::import_cancel,
            commands::imports::import_runs,
            commands::imports::import_issues,
            commands::imports::import_schedule_get,
            commands::imports::import_schedule_set,
            commands::sales::sales_page,
            commands::sales::sales_count,
            commands::sales::sale_detail,
            commands::sales::sales_export_csv,
            commands::demo::demo_status,
            commands::demo::demo_start,
            commands::demo::demo_remove,
            commands::tokens::booking_software,
            commands::tokens::booking_users,
            commands::tokens::booking_user_create,
            commands::tokens::token_add,
            commands::tokens::token_verify,
            commands::tokens::token_copy,
            commands::tokens::token_set_expiry,
            commands::tokens::token_activate,
            commands::tokens::token_rotation_step,
            commands::tokens::token_delete,
            commands::reminders::expiries_list,
            commands::reminders::reminder_settings_get,
            commands::reminders::reminder_settings_set,
            commands::reminders::secret_expiry_set,
        ])
}

pub fn run() {
    let data_dir = match ponte_core::data_dir::resolve(data_dir_flag().as_deref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("ponte: {e}");
            std::process::exit(2);
        }
    };
    let log_dir = data_dir.join("logs");
    let state = AppState::open(data_dir);
    builder::<tauri::Wry>(state)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec!["--hidden"]),
        ))
        .setup(|app| {
            let handle = app.handle().clone();
            if let Err(e) = tray::create(&handle) {
                // No tray on this desktop: the window simply closes as usual.
                log::warn!("tray unavailable: {e}");
            }
            // A demo left from an earlier run gets its simulator back (on a new port).
            let state = app.state::<AppState>();
            if state.with_db(demo::status).map(|s| s.active).unwrap_or(false) {
                if let Ok(store) = state.secrets() {
                    let suffix = state
                        .with_db(ponte_core::settings::locale)
                        .map(|l| ponte_core::i18n::t(l, "demo.suffix", &Default::default()))
                        .unwrap_or_default();
                    let _ = state.with_db_mut(|db| app.state::<demo::Demo>().start(db, &store, &suffix));
                }
            }
            let wake = app.state::<reminder_engine::ReminderWake>().inner().clone();
            reminder_engine::spawn(handle.clone(), wake);
            let schedule_wake = app.state::<import_scheduler::ScheduleWake>().inner().clone();
            import_scheduler::spawn(handle, schedule_wake);
            if std::env::args().any(|a| a == "--hidden") {
                if let Some(w) = app.get_webview_window("main") {
                    let _ = w.hide();
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // Closing the window keeps Ponte in the tray, so reminders keep coming.
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                if window.app_handle().tray_by_id("ponte").is_some() && std::env::var_os("PONTE_CLOSE_QUITS").is_none()
                {
                    api.prevent_close();
                    let _ = window.hide();
                    tray::explain_once(window.app_handle());
                }
            }
        })
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .clear_targets()
                .targets([
                    tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::Stdout),
                    tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::Folder {
                        path: log_dir,
                        file_name: Some("ponte".into()),
                    }),
                ])
                .level(log::LevelFilter::Info)
                .build(),
        )
        .build(tauri::generate_context!())
        .expect("error while building Ponte")
        .run(|app, event| {
            // However Ponte quits, a secret it copied does not outlive it on the clipboard.
            if let tauri::RunEvent::Exit = event {
                app.state::<clipboard::SecretClipboard>().clear_on_quit();
            }
        });
}

#[cfg(test)]
mod ipc_tests;
