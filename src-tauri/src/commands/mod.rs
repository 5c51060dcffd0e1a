//! Tauri commands: validate what the window sends, call the core, return typed replies.
//! Each is declared in build.rs so the capability ACL checks it.

pub mod app;
pub mod demo;
pub mod imports;
pub mod integrations;
pub mod people;
pub mod reminders;
pub mod sales;
pub mod tokens;
