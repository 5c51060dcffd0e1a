//! The `commands!` macro: one declaration per command, from which the request types, [`dispatch`]
//! and the metadata for code generation ([`COMMANDS`]) are derived. Nothing else lists commands.
//!
//! [`dispatch`]: crate::dispatch
//! [`COMMANDS`]: crate::COMMANDS

use ponte_core::ErrorReply;
use serde::Serialize;
use ts_rs::{Config, Dependency, TypeVisitor, TS};

/// What code generation needs to know of one command.
pub struct CommandInfo {
    /// The wire name (snake_case), as the window invokes it.
    pub name: &'static str,
    /// The declaration's doc comment.
    pub doc: &'static str,
    /// Each argument: its Rust name and its TypeScript type.
    pub args: fn(&Config) -> Vec<(&'static str, String)>,
    /// The reply's TypeScript type.
    pub reply: fn(&Config) -> String,
    /// The TypeScript type of the events it streams while it runs, if any.
    pub events: Option<fn(&Config) -> String>,
    /// The named types its signature uses (for the generated client's imports).
    pub imports: fn(&Config) -> Vec<Dependency>,
}

/// The named types a signature spells out: `T` itself if it is exported, or what it wraps
/// (`Vec<Person>` → `Person`). Not the types of their fields: those are the bindings' own imports.
pub fn deps<T: TS + 'static + ?Sized>(cfg: &Config, out: &mut Vec<Dependency>) {
    struct Named<'a>(&'a Config, &'a mut Vec<Dependency>);
    impl TypeVisitor for Named<'_> {
        fn visit<U: TS + 'static + ?Sized>(&mut self) {
            if let Some(d) = Dependency::from_ty::<U>(self.0) {
                self.1.push(d);
            }
            U::visit_generics(self);
        }
    }
    Named(cfg, out).visit::<T>();
}

/// A request that does not fit its command. serde's message can quote the offending value, which may
/// be a secret typed in the wrong field: only its category and position are kept.
pub fn bad_request(command: &str, e: &serde_json::Error) -> ErrorReply {
    let mut r = ponte_core::CoreError::Input(format!(
        "the arguments of {command} do not fit it ({:?} at column {})",
        e.classify(),
        e.column()
    ))
    .reply();
    r.code = "bad_request".into();
    r
}

pub fn unknown_command(name: &str) -> ErrorReply {
    let mut r = ponte_core::CoreError::Input(format!(
        "no command named {:?}",
        name.chars().take(64).collect::<String>()
    ))
    .reply();
    r.code = "unknown_command".into();
    r
}

pub fn to_json<T: Serialize>(reply: &T) -> Result<serde_json::Value, ErrorReply> {
    serde_json::to_value(reply).map_err(|e| ponte_core::CoreError::Input(e.to_string()).reply())
}

macro_rules! events_ts {
    () => {
        None
    };
    ($ev:ty) => {
        Some(|cfg: &ts_rs::Config| <$ev as ts_rs::TS>::name(cfg))
    };
}

/// Declares the command list. Each entry:
/// `/// doc` `name(arg: Type, …) -> Reply [, events Event] => handler;`
/// The handler is `async fn(&Api, request::name [, Events<Event>]) -> Result<Reply, ErrorReply>`.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $reply:ty $(, events $ev:ty)? => $handler:path;
    )*) => {
        /// The request of each command: its arguments by name (camelCase on the wire, as Tauri sends them).
        #[allow(non_camel_case_types)]
        pub mod request {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[derive(serde::Deserialize)]
                #[serde(rename_all = "camelCase")]
                pub struct $name { $(pub $arg: $ty,)* }
            )*
        }

        /// Every command, in declaration order.
        pub const COMMANDS: &[$crate::declare::CommandInfo] = &[$(
            $crate::declare::CommandInfo {
                name: stringify!($name),
                doc: concat!($($doc, "\n",)*),
                args: |_cfg| vec![$((stringify!($arg), <$ty as ts_rs::TS>::name(_cfg))),*],
                reply: |cfg| <$reply as ts_rs::TS>::name(cfg),
                events: events_ts!($($ev)?),
                imports: |cfg| {
                    let mut d = Vec::new();
                    $($crate::declare::deps::<$ty>(cfg, &mut d);)*
                    $crate::declare::deps::<$reply>(cfg, &mut d);
                    $($crate::declare::deps::<$ev>(cfg, &mut d);)?
                    d
                },
            }
        ),*];

        /// Runs command `name` with its JSON arguments (an object, or null when it takes none); events
        /// it streams go to `sink`. What every host calls.
        pub async fn dispatch(
            api: &$crate::Api,
            name: &str,
            args: serde_json::Value,
            sink: &dyn $crate::EventSink,
        ) -> Result<serde_json::Value, ponte_core::ErrorReply> {
            let _ = &sink;
            let args = if args.is_null() { serde_json::Value::Object(Default::default()) } else { args };
            match name {
                $(stringify!($name) => {
                    let req: request::$name = serde_json::from_value(args)
                        .map_err(|e| $crate::declare::bad_request(stringify!($name), &e))?;
                    let reply: $reply = Box::pin($handler(api, req $(, $crate::events::Events::<$ev>::new(sink))?)).await?;
                    $crate::declare::to_json(&reply)
                })*
                _ => Err($crate::declare::unknown_command(name)),
            }
        }
    };
}
