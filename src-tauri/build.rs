fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(ponte_commands())),
    )
    .expect("tauri build script failed");
}

// The app's own commands, declared so the ACL checks them like plugin commands.
fn ponte_commands() -> &'static [&'static str] {
    &[
        "app_info",
        "set_locale",
        "people_search",
        "person_get",
        "person_create",
        "person_update",
        "person_delete",
        "integration_types",
        "integration_presets",
        "integrations_list",
        "integration_get",
        "integration_create",
        "integration_update",
        "integration_duplicate",
        "integration_set_enabled",
        "integration_delete",
        "integration_test",
        "wooba_settings_get",
        "wooba_settings_set",
        "import_preview",
        "import_run",
        "import_cancel",
        "import_runs",
        "import_issues",
        "sales_page",
        "sales_count",
        "sale_detail",
        "sales_export_csv",
        "booking_software",
        "booking_users",
        "booking_user_create",
        "token_add",
        "token_verify",
        "token_copy",
        "token_set_expiry",
        "token_activate",
        "token_rotation_step",
        "token_delete",
        "expiries_list",
        "reminder_settings_get",
        "reminder_settings_set",
        "secret_expiry_set",
    ]
}
