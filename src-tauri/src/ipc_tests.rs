//! The commands through Tauri's real IPC and ACL (mock runtime, no window): what the page sends is
//! what the core receives, errors arrive as typed replies, and undeclared commands are refused.

use serde_json::{json, Value};
use tauri::test::get_ipc_response;
use tauri::webview::InvokeRequest;
use tauri::Manager;
use tauri::WebviewWindowBuilder;

use crate::{builder, open_api, TauriHost};

fn app(
    dir: &std::path::Path,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let host = TauriHost::default();
    let app = builder(open_api(dir.to_path_buf(), host.clone()), host)
        .build(tauri::generate_context!())
        .expect("app builds with the real capabilities");
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, w)
}

fn invoke(w: &tauri::WebviewWindow<tauri::test::MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: w.app_handle().invoke_key().to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn people_round_trip_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    let created = invoke(
        &w,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT Operadora", "document": "11.222.333/0001-81"}}),
    )
    .unwrap();
    assert_eq!(created["document_display"], "11.222.333/0001-81");
    let found = invoke(&w, "people_search", json!({"query": "bwt", "kind": null})).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);

    let err = invoke(
        &w,
        "person_create",
        json!({"input": {"kind": "individual", "name": "X", "document": "111.111.111-11"}}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "document");
    assert_eq!(err["fields"][0]["key"], "error.cpf.repeated");

    let info = invoke(&w, "app_info", json!({})).unwrap();
    assert!(info["startup_error"].is_null());
    invoke(&w, "set_locale", json!({"locale": "it"})).unwrap();
    assert_eq!(invoke(&w, "app_info", json!({})).unwrap()["locale"], "it");
}

#[test]
fn a_broken_data_dir_is_reported_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    let (_app, w) = app(&file.join("sub"));
    let info = invoke(&w, "app_info", json!({})).unwrap();
    assert_eq!(info["startup_error"]["code"], "data_dir");
    let err = invoke(&w, "people_search", json!({"query": "", "kind": null})).unwrap_err();
    assert_eq!(err["code"], "data_dir");
}

/// Needs the real keyring (the test script's gnome-keyring session).
#[test]
fn integration_secrets_go_in_but_never_come_back() {
    const PASSWORD: &str = "Ipc-Secret-Password-9931";
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app(dir.path());
    let person = invoke(
        &w,
        "person_create",
        json!({"input": {"kind": "company", "name": "BWT Operadora"}}),
    )
    .unwrap();
    let input = json!({
        "type": "infotravel",
        "description": format!("IPC test {}", std::process::id()),
        "person_id": person["id"],
        "values": {"url": "https://bwt.infotravel.com.br", "supplier_id": "BWT", "agency_code": "1234", "username": "api"},
        "secrets": {"password": PASSWORD}
    });
    let saved = invoke(&w, "integration_create", json!({ "input": input })).unwrap();
    let id = saved["integration"]["id"].clone();
    assert_eq!(saved["integration"]["secrets_set"], json!(["password"]));
    let replies = [
        saved.to_string(),
        invoke(&w, "integration_get", json!({ "id": id })).unwrap().to_string(),
        invoke(&w, "integrations_list", json!({"filter": {"query": ""}}))
            .unwrap()
            .to_string(),
        invoke(&w, "integration_duplicate", json!({ "id": id }))
            .unwrap()
            .to_string(),
    ];
    for r in &replies {
        assert!(!r.contains(PASSWORD), "secret leaked in {r}");
    }
    let types = invoke(&w, "integration_types", json!({})).unwrap();
    assert_eq!(types.as_array().unwrap().len(), 3);
    invoke(&w, "integration_delete", json!({ "id": id })).unwrap();
}
