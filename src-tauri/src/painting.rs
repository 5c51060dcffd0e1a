//! Applies the painting rule (`ponte_core::webkit_painting`) to this process before WebKit starts: its web
//! processes inherit the environment.

use ponte_core::webkit_painting::{choose, gpu_here, Painting, CPU_PAINTING};

/// Applies the decision to this process's environment. Call first thing in `run`, before any thread
/// starts (changing the environment races with threads reading it) and before WebKit does. Returns a
/// line for the log.
pub fn apply() -> String {
    let choice = choose(std::env::var_os(CPU_PAINTING), gpu_here());
    match choice {
        Painting::AsSet => format!("painting: {CPU_PAINTING} set by the environment, left as it is"),
        Painting::Gpu => "painting: GPU render node found, WebKit paints on the GPU".to_string(),
        Painting::Cpu => {
            std::env::set_var(CPU_PAINTING, "1");
            format!("painting: no usable GPU render node, {CPU_PAINTING}=1 (Skia paints on the CPU)")
        }
    }
}
