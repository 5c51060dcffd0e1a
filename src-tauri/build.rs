fn main() {
    // The app's own commands, declared so Tauri's ACL checks them like plugin commands. The list is
    // generated from ponte-api's declarations (its tests rewrite the file; CI checks it is current).
    let manifest = "src-tauri/commands.gen.json";
    println!("cargo:rerun-if-changed={manifest}");
    let text = std::fs::read_to_string(manifest).expect("src-tauri/commands.gen.json is readable");
    let names: Vec<String> = parse_names(&text);
    let names: &'static [&'static str] = Box::leak(
        names
            .into_iter()
            .map(|n| &*Box::leak(n.into_boxed_str()))
            .collect::<Vec<&'static str>>()
            .into_boxed_slice(),
    );
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(names)),
    )
    .expect("tauri build script failed");
}

/// The file is a JSON array of snake_case names, one per line, as ponte-api writes it.
fn parse_names(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().trim_end_matches(',').trim_matches('"'))
        .filter(|l| !l.is_empty() && *l != "[" && *l != "]")
        .map(|l| {
            assert!(
                l.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "not a command name in src-tauri/commands.gen.json: {l:?}"
            );
            l.to_string()
        })
        .collect()
}
