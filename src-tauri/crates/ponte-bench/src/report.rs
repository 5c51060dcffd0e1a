//! Collects figures, prints them as they come, and writes docs/BENCHMARKS.md at the end.

use std::fmt::Write;

/// One measured figure: what, value, goal and verdict.
type Row = (String, String, String);

/// A section: its title, what its measures are (a paragraph, may be empty), its rows.
type Section = (String, String, Vec<Row>);

pub struct Report {
    sections: Vec<Section>,
}

impl Report {
    pub fn new() -> Self {
        Self { sections: Vec::new() }
    }

    pub fn section(&mut self, title: &str) {
        println!("\n## {title}");
        self.sections.push((title.to_string(), String::new(), Vec::new()));
    }

    /// What the current section measures and how, written above its table (not a figure).
    pub fn note(&mut self, text: &str) {
        println!("{text}");
        if let Some((_, note, _)) = self.sections.last_mut() {
            note.push_str(text);
        }
    }

    /// One figure: what, value, goal/verdict.
    pub fn row(&mut self, what: &str, value: String, goal: &str) {
        println!("  {what:<58} {value:>16}   {goal}");
        if let Some((_, _, rows)) = self.sections.last_mut() {
            rows.push((what.to_string(), value, goal.to_string()));
        }
    }

    /// The app under measurement (`PONTE_APP_BINARY`) when there is also a display; otherwise a row says the
    /// section `what` was not measured and why. The window sections need both (`.ci/bench` sets them).
    pub fn app_with_display(&mut self, what: &str) -> Option<std::path::PathBuf> {
        match (std::env::var_os("PONTE_APP_BINARY"), std::env::var_os("DISPLAY")) {
            (Some(app), Some(_)) => Some(app.into()),
            _ => {
                self.row(
                    what,
                    "not measured".into(),
                    "needs PONTE_APP_BINARY and a display (.ci/bench sets both)",
                );
                None
            }
        }
    }

    pub fn finish(self) {
        let mut md = String::new();
        let _ = writeln!(md, "# Benchmarks\n");
        let _ = writeln!(
            md,
            "Written by `bash .ci/bench` on {} ({} cores, {}), optimised build. Each figure is from that one run.\n",
            chrono::Local::now().format("%Y-%m-%d %H:%M %Z"),
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            std::env::consts::OS
        );
        for (title, note, rows) in &self.sections {
            let _ = writeln!(md, "## {title}\n");
            if !note.is_empty() {
                let _ = writeln!(md, "{note}\n");
            }
            let _ = writeln!(md, "| measure | value | goal |\n| --- | ---: | --- |");
            for (w, v, g) in rows {
                let _ = writeln!(md, "| {w} | {v} | {g} |");
            }
            let _ = writeln!(md);
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../..");
        let dir = root.join("docs");
        std::fs::create_dir_all(&dir).expect("docs/ can be created");
        std::fs::write(dir.join("BENCHMARKS.md"), md).expect("docs/BENCHMARKS.md can be written");
        println!("\nwritten to docs/BENCHMARKS.md");
    }
}
