//! Ponte's command surface: everything a host (the Tauri window, the loopback test host) can ask of
//! the core, declared once in [`commands`].
//!
//! A command is one line of the [`commands!`] list: its name, its arguments (which become the request
//! type), its reply type, whether it streams events (import progress), and its handler — an `async fn`
//! in [`handlers`] written against [`Api`], the host context (database, keyring, running imports, the
//! demo, and the few things only a host can do, behind [`HostServices`]).
//!
//! From that one list come: [`dispatch`] (name + JSON arguments → JSON reply, what every host calls),
//! [`COMMANDS`] (the names, for the Tauri handler and ACL), and — written by this crate's tests and
//! checked in CI — the TypeScript client `ui/src/api.gen.ts`, the app's command manifest
//! `src-tauri/commands.gen.json` (read by `build.rs`) and the window's capability file.
//! Adding a command = its line in `commands.rs`, its handler, and the screen that uses it.

#[macro_use]
mod declare;

pub mod codegen;
mod commands;
pub mod demo;
pub mod events;
pub mod handlers;
pub mod host;
pub mod imports;
pub mod reminders;
pub mod scheduler;

pub use commands::{dispatch, request, COMMANDS};
pub use declare::CommandInfo;
pub use events::EventSink;
pub use host::{Api, HostServices, Wake};
