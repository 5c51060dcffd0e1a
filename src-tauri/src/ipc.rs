//! The one Tauri invoke handler: every command of `ponte_api::COMMANDS` goes through
//! `ponte_api::dispatch`. Tauri's ACL has already checked the command against the capability (the app
//! manifest in build.rs and the capability file are generated from the same list) before this runs.

use std::str::FromStr;

use ponte_api::EventSink;
use tauri::ipc::{Channel, Invoke, InvokeBody, InvokeError, JavaScriptChannelId};
use tauri::{Manager, Runtime};

use crate::host::ApiState;

/// The argument that carries a command's event channel (`new Channel()` on the page).
const EVENTS_ARG: &str = "onEvent";

struct ChannelSink(Channel<serde_json::Value>);

impl EventSink for ChannelSink {
    fn send(&self, event: serde_json::Value) {
        let _ = self.0.send(event);
    }
}

pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    |invoke: Invoke<R>| {
        let name = invoke.message.command().to_string();
        if !ponte_api::COMMANDS.iter().any(|c| c.name == name) {
            return false;
        }
        let args = match invoke.message.payload() {
            InvokeBody::Json(v) => v.clone(),
            InvokeBody::Raw(_) => serde_json::Value::Null,
        };
        let webview = invoke.message.webview();
        let sink: Box<dyn EventSink> = match args
            .get(EVENTS_ARG)
            .and_then(|v| v.as_str())
            .and_then(|s| JavaScriptChannelId::from_str(s).ok())
        {
            Some(id) => Box::new(ChannelSink(id.channel_on(webview.clone()))),
            None => Box::new(ponte_api::events::NoEvents),
        };
        let api = webview.state::<ApiState>().inner().clone();
        invoke.resolver.respond_async(async move {
            ponte_api::dispatch(&api, &name, args, sink.as_ref())
                .await
                .map_err(InvokeError::from)
        });
        true
    }
}
