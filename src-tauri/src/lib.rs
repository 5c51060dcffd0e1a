//! The thin Tauri shell: window, plugins and commands. Everything it does is in `ponte-core`.

mod clipboard;
mod host;
mod ipc;
mod notify;
#[cfg(target_os = "linux")]
mod painting;
#[cfg(target_os = "linux")]
mod single_instance;
mod tray;

use std::path::PathBuf;
use std::sync::Arc;

use ponte_api::Api;
use tauri::Manager;

pub use host::{ApiState, TauriHost};

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

/// Opens the command surface for the window's host (the app handle is given to it once built).
pub fn open_api<R: tauri::Runtime>(data_dir: PathBuf, host: TauriHost<R>) -> ApiState {
    Arc::new(Api::open(data_dir, ponte_core::secrets::SERVICE, Box::new(host)))
}

/// Builds the app with its commands; shared by `run` and the command tests (mock runtime).
pub fn builder<R: tauri::Runtime>(api: ApiState, host: TauriHost<R>) -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        .manage(api)
        .manage(host)
        .invoke_handler(ipc::handler::<R>())
}

pub fn run() {
    // Before any thread starts and before WebKit does: see painting.rs.
    #[cfg(target_os = "linux")]
    let painting_note = painting::apply();
    let context = tauri::generate_context!();
    // A Ponte killed a moment ago may still own the single-instance name: see single_instance.rs.
    #[cfg(target_os = "linux")]
    let single_instance_note = match single_instance::settle(&context.config().identifier) {
        Ok(note) => note,
        Err(e) => {
            eprintln!("ponte: {e}");
            std::process::exit(1);
        }
    };
    #[cfg(not(target_os = "linux"))]
    let single_instance_note: Option<String> = None;
    let data_dir = match ponte_core::data_dir::resolve(data_dir_flag().as_deref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("ponte: {e}");
            std::process::exit(2);
        }
    };
    let log_dir = data_dir.join("logs");
    let host = TauriHost::<tauri::Wry>::default();
    let api = open_api(data_dir, host.clone());
    let app = builder::<tauri::Wry>(api, host)
        // First, so that a second start hands over (its window shows the first's) before anything else.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init());
    // On Linux reminders go through notify-rust (notify.rs): the plugin would only cost start-up time.
    #[cfg(not(target_os = "linux"))]
    let app = app.plugin(tauri_plugin_notification::init());
    app.plugin(tauri_plugin_autostart::init(
        tauri_plugin_autostart::MacosLauncher::LaunchAgent,
        Some(vec!["--hidden"]),
    ))
    .setup(move |app| {
        if let Some(note) = single_instance_note {
            log::info!("single instance: {note}");
        }
        #[cfg(target_os = "linux")]
        log::info!("{painting_note}");
        let handle = app.handle().clone();
        let _ = app.state::<TauriHost<tauri::Wry>>().app.set(handle.clone());
        if let Err(e) = tray::create(&handle) {
            // No tray on this desktop: the window simply closes as usual.
            log::warn!("tray unavailable: {e}");
        }
        let api = app.state::<ApiState>().inner().clone();
        // A demo left from an earlier run gets its simulator back (on a new port).
        if api.with_db(ponte_api::demo::status).map(|s| s.active).unwrap_or(false) {
            if let Ok(store) = api.secrets() {
                let suffix = ponte_core::i18n::t(api.locale(), "demo.suffix", &Default::default());
                let _ = api.with_shared_db(|db| api.demo.start(db, &store, &suffix));
            }
        }
        tauri::async_runtime::spawn(ponte_api::reminders::run(api.clone()));
        tauri::async_runtime::spawn(ponte_api::scheduler::run(api));
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
            if window.app_handle().tray_by_id("ponte").is_some() && std::env::var_os("PONTE_CLOSE_QUITS").is_none() {
                api.prevent_close();
                let _ = window.hide();
                tray::explain_once(window.app_handle());
            }
        }
    })
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
    .build(context)
    .expect("error while building Ponte")
    .run(|app, event| {
        // However Ponte quits, a secret it copied does not outlive it on the clipboard.
        if let tauri::RunEvent::Exit = event {
            app.state::<ApiState>().imports.cancel_all();
            app.state::<TauriHost<tauri::Wry>>().clipboard.clear_on_quit();
        }
    });
}

#[cfg(test)]
mod ipc_tests;
