//! Whether WebKit should paint Ponte's pages on the CPU: the rule, without Tauri, so that the app (which
//! applies it before WebKit starts, `src-tauri/src/painting.rs`) and the start-up bench (which reports
//! what this machine gets) read one definition.
//!
//! WebKitGTK (2.46 and later) paints page content with Skia on the GPU by default. Without a usable GPU
//! (a virtual machine, a remote desktop, Xvfb) that GPU is Mesa's software OpenGL: each kind of drawing the
//! page uses compiles shaders on the CPU and keeps GPU-side buffers in ordinary memory. Measured with
//! Ponte's Início: the web process holds ~43 MiB more than when Skia paints on the CPU, which it does with
//! the same tiles and threads (docs/STARTUP.md). Compositing stays on either way: switching it off stalls
//! a third of starts by half a second (same document).
//!
//! So: no render node this process can open → CPU painting, unless the user already set the variable
//! (either way). With a GPU nothing changes.

use std::ffi::OsString;
use std::path::Path;

/// WebKitGTK's switch (read by every web process, which inherits Ponte's environment).
pub const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

#[derive(Debug, PartialEq, Eq)]
pub enum Painting {
    /// The user's environment decides (the variable was set before Ponte started).
    AsSet,
    /// A GPU is there: WebKit's default, GPU painting.
    Gpu,
    /// No GPU: Ponte asks for CPU painting.
    Cpu,
}

/// The decision, from the variable as the user set it and whether a GPU render node can be opened.
pub fn choose(user_value: Option<OsString>, render_node: bool) -> Painting {
    match (user_value, render_node) {
        (Some(_), _) => Painting::AsSet,
        (None, true) => Painting::Gpu,
        (None, false) => Painting::Cpu,
    }
}

/// A DRM render node (`/dev/dri/renderD*`) this process can open for reading and writing: what Mesa
/// needs to draw on a GPU. Opening one is harmless and takes microseconds.
pub fn usable_render_node(dri: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dri) else {
        return false;
    };
    entries.flatten().any(|e| {
        e.file_name().to_string_lossy().starts_with("renderD")
            && std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(e.path())
                .is_ok()
    })
}

/// A usable render node where Linux keeps them (`/dev/dri`).
pub fn gpu_here() -> bool {
    usable_render_node(Path::new("/dev/dri"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_setting_wins_then_the_gpu_decides() {
        assert_eq!(choose(Some("0".into()), false), Painting::AsSet);
        assert_eq!(choose(Some("1".into()), true), Painting::AsSet);
        assert_eq!(choose(None, true), Painting::Gpu);
        assert_eq!(choose(None, false), Painting::Cpu);
    }

    #[test]
    fn render_nodes_are_looked_for_in_the_folder_given() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!usable_render_node(&dir.path().join("absent")));
        assert!(!usable_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert!(!usable_render_node(dir.path()), "a card node is not a render node");
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert!(usable_render_node(dir.path()));
    }
}
