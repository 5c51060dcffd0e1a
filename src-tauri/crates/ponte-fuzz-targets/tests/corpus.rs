//! Regression replay on stable: every committed corpus file (`src-tauri/fuzz/corpus/<target>/`) and every
//! fixed crash kept as a regression file (`src-tauri/fuzz/artifacts/<target>/`) goes through its target,
//! which panics when a property is violated.

use std::path::{Path, PathBuf};

use ponte_fuzz_targets::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_target_has_its_fuzz_target_and_a_corpus() {
    for (name, _) in TARGETS {
        let target = fuzz_dir().join("fuzz_targets").join(format!("{name}.rs"));
        assert!(target.is_file(), "{} is missing", target.display());
        let corpus = fuzz_dir().join("corpus").join(name);
        assert!(!files(&corpus).is_empty(), "{} is empty", corpus.display());
    }
}

#[test]
fn corpora_and_fixed_crashes_replay_without_a_violated_property() {
    let mut failed = Vec::new();
    let mut replayed = 0;
    for (name, target) in TARGETS {
        for dir in ["corpus", "artifacts"] {
            for file in files(&fuzz_dir().join(dir).join(name)) {
                let data = std::fs::read(&file).expect("a readable corpus file");
                replayed += 1;
                if std::panic::catch_unwind(|| target(&data)).is_err() {
                    failed.push(file.display().to_string());
                }
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} input(s) violate a property:\n{}",
        failed.len(),
        failed.join("\n")
    );
    assert!(replayed > 0, "no corpus found under {}", fuzz_dir().display());
}
