//! Events a command streams while it runs (an import's progress). The host decides how they travel:
//! a Tauri channel in the window, lines of a streamed HTTP reply in the test host.

use std::marker::PhantomData;

use serde::Serialize;

/// Where a host delivers a running command's events.
pub trait EventSink: Send + Sync {
    fn send(&self, event: serde_json::Value);
}

/// For commands that stream nothing, and for callers that do not listen.
pub struct NoEvents;

impl EventSink for NoEvents {
    fn send(&self, _: serde_json::Value) {}
}

/// The typed side a handler sees.
pub struct Events<'a, T> {
    sink: &'a dyn EventSink,
    _t: PhantomData<fn(T)>,
}

impl<'a, T: Serialize> Events<'a, T> {
    pub fn new(sink: &'a dyn EventSink) -> Self {
        Self { sink, _t: PhantomData }
    }

    pub fn send(&self, event: &T) {
        if let Ok(v) = serde_json::to_value(event) {
            self.sink.send(v);
        }
    }
}
