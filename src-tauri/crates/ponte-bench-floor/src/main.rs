//! The floor of `ponte-bench`'s start-up and memory section: the least a Tauri 2 app does — one window
//! showing one tiny embedded page (`page/`), no plugin, no command, no tray. Ponte is measured against it.
//! Its page records `performance.mark('first-screen')` after its first paint, as Ponte's Início does
//! once drawn from its data, so that the bench times both the same way.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the floor app runs");
}
