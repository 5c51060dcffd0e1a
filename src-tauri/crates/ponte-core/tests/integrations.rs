//! Integrations with a real SQLite file and the real keyring (gnome-keyring in the test session).

use std::collections::BTreeMap;

use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations::{self, IntegrationFilter, IntegrationInput, StatusFilter};
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::secrets::Secrets;
use ponte_core::{presets, CoreError};
use secrecy::ExposeSecret;

/// Saves through the core with the real declaration of the input's type (it lives with its supplier).
fn create(
    db: &mut Db,
    store: &Secrets,
    input: &IntegrationInput,
) -> ponte_core::error::Result<integrations::SaveOutcome> {
    integrations::create(db, store, &ponte_suppliers::registry::spec(input.ty), input)
}

fn update(
    db: &mut Db,
    store: &Secrets,
    id: i64,
    input: &IntegrationInput,
) -> ponte_core::error::Result<integrations::SaveOutcome> {
    integrations::update(db, store, &ponte_suppliers::registry::spec(input.ty), id, input)
}

const PASSWORD: &str = "Sup3r-Secreta-Senha-0042";

fn setup() -> (tempfile::TempDir, Db, Secrets, i64) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    let secrets = Secrets::native(&format!("io.ponte.desktop.test.{}", std::process::id())).unwrap();
    let person = people::create(
        &db,
        &PersonInput {
            kind: Some(PersonKind::Company),
            name: "BWT Operadora".into(),
            ..Default::default()
        },
    )
    .unwrap();
    (dir, db, secrets, person.id)
}

fn infotravel(person: i64, password: Option<&str>) -> IntegrationInput {
    let preset = presets::find("bwt-infotravel").unwrap();
    let mut values = preset.values.clone();
    values.insert("agency_code".into(), "1234".into());
    values.insert("username".into(), "agencia.api".into());
    IntegrationInput {
        ty: IntegrationType::Infotravel,
        description: preset.description.clone(),
        person_id: Some(person),
        values,
        secrets: password
            .map(|p| BTreeMap::from([("password".to_string(), p.into())]))
            .unwrap_or_default(),
    }
}

fn keys(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Invalid(v) => v.into_iter().map(|i| (i.field, i.key)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn create_edit_delete_keeps_secret_only_in_the_keyring() {
    let (dir, mut db, secrets, person) = setup();
    let saved = create(&mut db, &secrets, &infotravel(person, Some(PASSWORD))).unwrap();
    let i = saved.integration;
    assert!(saved.notices.is_empty());
    assert_eq!(i.secrets_set, vec!["password".to_string()]);
    assert_eq!(i.person_name, "BWT Operadora");
    assert_eq!(i.values["supplier_id"], "BWT");
    let loaded = integrations::load_secrets(&db, &secrets, i.id).unwrap();
    assert_eq!(loaded["password"].expose_secret(), PASSWORD);

    // The password is nowhere in the SQLite files (main file and WAL), nor in what the UI would get.
    db.conn().execute_batch("PRAGMA wal_checkpoint(FULL)").unwrap();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes()));
    }
    assert!(!serde_json::to_string(&i).unwrap().contains(PASSWORD));

    // Editing without typing the password keeps it; typing a new one (with spaces) replaces it, with a notice.
    let mut edit = infotravel(person, None);
    edit.description = "BWT (Infotravel) – matriz".into();
    let e = update(&mut db, &secrets, i.id, &edit).unwrap();
    assert_eq!(e.integration.description, "BWT (Infotravel) – matriz");
    assert_eq!(
        integrations::load_secrets(&db, &secrets, i.id).unwrap()["password"].expose_secret(),
        PASSWORD
    );
    let edit = infotravel(person, Some("  nova-senha \n"));
    let e = update(&mut db, &secrets, i.id, &edit).unwrap();
    assert_eq!(e.notices[0].key, "notice.secret_trimmed");
    assert_eq!(
        integrations::load_secrets(&db, &secrets, i.id).unwrap()["password"].expose_secret(),
        "nova-senha"
    );

    // A linked person cannot be deleted.
    let refused = people::delete(&db, person);
    assert!(
        matches!(refused, Err(CoreError::PersonInUse { count: 1 })),
        "{refused:?}"
    );

    ponte_core::settings::set(&db, &format!("import.schedule.{}", i.id), "07:00").unwrap();
    integrations::delete(&mut db, &secrets, i.id).unwrap();
    assert!(matches!(integrations::get(&db, i.id), Err(CoreError::NotFound)));
    assert_eq!(
        ponte_core::settings::get(&db, &format!("import.schedule.{}", i.id)).unwrap(),
        None
    );
    assert!(!secrets.exists(&integrations::secret_id(i.id, "password")).unwrap());
    people::delete(&db, person).unwrap();
}

#[test]
fn bad_input_is_refused_per_field_and_nothing_is_saved() {
    let (_dir, mut db, secrets, person) = setup();
    let with = |f: &dyn Fn(&mut IntegrationInput)| {
        let mut i = infotravel(person, Some(PASSWORD));
        f(&mut i);
        i
    };
    let cases: Vec<(IntegrationInput, &str, &str)> = vec![
        (with(&|i| i.description.clear()), "description", "error.field.required"),
        (
            with(&|i| i.description = "x".repeat(5000)),
            "description",
            "error.field.too_long",
        ),
        (with(&|i| i.person_id = None), "person", "error.field.required"),
        (
            with(&|i| i.person_id = Some(9999)),
            "person",
            "error.integration.person_missing",
        ),
        (
            with(&|i| {
                i.values.remove("url");
            }),
            "url",
            "error.field.required",
        ),
        (
            with(&|i| {
                i.values.insert("url".into(), "bwt.infotravel.com.br".into());
            }),
            "url",
            "error.url.no_scheme",
        ),
        (
            with(&|i| {
                i.values.insert("url".into(), "ftp://bwt.infotravel.com.br".into());
            }),
            "url",
            "error.url.scheme",
        ),
        (
            with(&|i| {
                i.values.insert("url".into(), "http://bwt.infotravel.com.br".into());
            }),
            "url",
            "error.url.https_required",
        ),
        (
            with(&|i| {
                i.values.insert("url".into(), "https://bwt infotravel.com.br".into());
            }),
            "url",
            "error.url.spaces",
        ),
        (
            with(&|i| {
                i.values.insert("agency_code".into(), "12A4".into());
            }),
            "agency_code",
            "error.field.digits_only",
        ),
        (
            with(&|i| {
                i.values.insert("supplier_id".into(), "B W T".into());
            }),
            "supplier_id",
            "error.field.identifier",
        ),
        (with(&|i| i.secrets.clear()), "password", "error.field.required"),
        (
            with(&|i| {
                i.secrets.insert("password".into(), "   ".into());
            }),
            "password",
            "error.field.required",
        ),
        (
            with(&|i| {
                i.values.insert("password".into(), "x".into());
            }),
            "password",
            "error.field.secret_as_value",
        ),
        (
            with(&|i| {
                i.values.insert("nonsense".into(), "x".into());
            }),
            "nonsense",
            "error.field.unknown",
        ),
    ];
    for (input, field, key) in cases {
        let got = keys(create(&mut db, &secrets, &input).unwrap_err());
        assert!(
            got.contains(&(field.into(), key.into())),
            "{field}/{key} not in {got:?}"
        );
    }
    assert!(integrations::list(&db, &IntegrationFilter::default())
        .unwrap()
        .is_empty());
    // Nothing reached the keyring for any refused input (ids start at 1 in a fresh file).
    assert!(!secrets.exists(&integrations::secret_id(1, "password")).unwrap());
}

#[test]
fn duplicate_description_per_type_duplicate_draft_and_filters() {
    let (_dir, mut db, secrets, person) = setup();
    let first = create(&mut db, &secrets, &infotravel(person, Some(PASSWORD)))
        .unwrap()
        .integration;
    let mut again = infotravel(person, Some(PASSWORD));
    again.description = again.description.to_uppercase();
    assert_eq!(
        keys(create(&mut db, &secrets, &again).unwrap_err()),
        vec![(
            "description".to_string(),
            "error.integration.duplicate_description".to_string()
        )]
    );
    let draft = integrations::duplicate_draft(&db, first.id, "(cópia)").unwrap();
    assert!(draft.secrets.is_empty(), "secrets are never copied");
    assert_eq!(draft.description, "BWT Operadora (Infotravel) (cópia)");
    assert_eq!(draft.values, first.values);

    let wooba = IntegrationInput {
        ty: IntegrationType::Wooba,
        description: "BWT Operadora (Wooba)".into(),
        person_id: Some(person),
        values: BTreeMap::from([
            ("url".to_string(), "https://bwtoperadora.travellink.com.br/".to_string()),
            ("username".to_string(), "agencia".to_string()),
        ]),
        secrets: BTreeMap::from([("password".to_string(), "x".into())]),
    };
    let w = create(&mut db, &secrets, &wooba).unwrap().integration;
    integrations::set_enabled(&db, w.id, false).unwrap();
    integrations::record_test(&db, first.id, Some("invalid_credentials")).unwrap();

    let all = |f: IntegrationFilter| integrations::list(&db, &f).unwrap().len();
    assert_eq!(all(IntegrationFilter::default()), 2);
    assert_eq!(
        all(IntegrationFilter {
            ty: Some(IntegrationType::Wooba),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        all(IntegrationFilter {
            status: Some(StatusFilter::Disabled),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        all(IntegrationFilter {
            status: Some(StatusFilter::Failing),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        all(IntegrationFilter {
            status: Some(StatusFilter::Untested),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        all(IntegrationFilter {
            query: "wooba".into(),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        all(IntegrationFilter {
            query: "operadora".into(),
            ..Default::default()
        }),
        2
    );
    let failing = integrations::get(&db, first.id).unwrap().last_test.unwrap();
    assert_eq!(
        (failing.ok, failing.code.as_deref()),
        (false, Some("invalid_credentials"))
    );
    integrations::record_test(&db, first.id, None).unwrap();
    assert!(integrations::get(&db, first.id).unwrap().last_success_at.is_some());

    for i in integrations::list(&db, &IntegrationFilter::default()).unwrap() {
        integrations::delete(&mut db, &secrets, i.id).unwrap();
    }
}
