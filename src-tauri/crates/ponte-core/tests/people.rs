//! Cadastros > Pessoas against a real SQLite file in a temp folder.

use ponte_core::db::Db;
use ponte_core::people::{self, PersonInput, PersonKind};
use ponte_core::CoreError;

fn db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path()).unwrap();
    (dir, db)
}

fn company(name: &str, cnpj: &str) -> PersonInput {
    PersonInput {
        kind: Some(PersonKind::Company),
        name: name.into(),
        trade_name: Some("BWT".into()),
        document: Some(cnpj.into()),
        email: Some("contato@bwt.com.br".into()),
        phone: Some("+55 11 3333-4444".into()),
    }
}

fn individual(name: &str, cpf: &str) -> PersonInput {
    PersonInput {
        kind: Some(PersonKind::Individual),
        name: name.into(),
        document: Some(cpf.into()),
        ..Default::default()
    }
}

fn field_keys(e: CoreError) -> Vec<(String, String)> {
    match e {
        CoreError::Invalid(issues) => issues.into_iter().map(|i| (i.field, i.key)).collect(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn count(db: &Db) -> i64 {
    db.conn()
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn create_search_update_delete() {
    let (_d, db) = db();
    let p = people::create(&db, &company("BWT Operadora Ltda", "11.222.333/0001-81")).unwrap();
    assert_eq!(p.document.as_deref(), Some("11222333000181"));
    assert_eq!(p.document_display.as_deref(), Some("11.222.333/0001-81"));
    assert_eq!(people::search(&db, "operadora", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "11222333", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "11.222.333/0001", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "bwt ltda", None).unwrap().len(), 1);
    assert!(people::search(&db, "nada", None).unwrap().is_empty());
    assert!(people::search(&db, "", Some(PersonKind::Individual))
        .unwrap()
        .is_empty());

    let mut input = company("BWT Operadora S.A.", "11222333000181");
    input.trade_name = None;
    let u = people::update(&db, p.id, &input).unwrap();
    assert_eq!(u.name, "BWT Operadora S.A.");
    assert_eq!(u.trade_name, None);
    assert_eq!(u.created_at, p.created_at);

    people::delete(&db, p.id).unwrap();
    assert!(matches!(people::get(&db, p.id), Err(CoreError::NotFound)));
    assert!(matches!(people::delete(&db, p.id), Err(CoreError::NotFound)));
}

#[test]
fn alphanumeric_cnpj_and_accents_round_trip() {
    let (_d, db) = db();
    let p = people::create(&db, &company("Agência Ação Viagens 🚀 Ltda", "12.abc.345/01de-35")).unwrap();
    assert_eq!(p.document.as_deref(), Some("12ABC34501DE35"));
    let back = people::get(&db, p.id).unwrap();
    assert_eq!(back.name, "Agência Ação Viagens 🚀 Ltda");
    assert_eq!(people::search(&db, "agencia acao", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "AÇÃO", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "12.ABC", None).unwrap().len(), 1);
}

#[test]
fn survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let db = Db::open(dir.path()).unwrap();
        people::create(&db, &individual("José da Silva", "529.982.247-25"))
            .unwrap()
            .id
    };
    let db = Db::open(dir.path()).unwrap();
    assert_eq!(people::get(&db, id).unwrap().name, "José da Silva");
}

#[test]
fn duplicate_document_is_refused_with_the_existing_name() {
    let (_d, db) = db();
    let first = people::create(&db, &company("BWT Operadora", "11.222.333/0001-81")).unwrap();
    match people::create(&db, &company("Outra", "11222333000181")) {
        Err(CoreError::DuplicateDocument {
            existing_name,
            existing_id,
            ..
        }) => {
            assert_eq!(existing_name, "BWT Operadora");
            assert_eq!(existing_id, first.id);
        }
        other => panic!("expected duplicate, got {other:?}"),
    }
    // Updating a record with its own document is not a duplicate.
    people::update(&db, first.id, &company("BWT Operadora 2", "11222333000181")).unwrap();
    assert_eq!(count(&db), 1);
}

#[test]
fn bad_input_is_refused_next_to_the_field_and_nothing_is_saved() {
    let (_d, db) = db();
    let cases: Vec<(PersonInput, &str, &str)> = vec![
        (company("", "11.222.333/0001-81"), "name", "error.field.required"),
        (company("   ", "11.222.333/0001-81"), "name", "error.field.required"),
        (company("X", "11.222.333/0001-80"), "document", "error.cnpj.check_digit"),
        (company("X", "11.222.333/0001"), "document", "error.cnpj.wrong_length"),
        (
            company("X", "12.ABC.345/01DE-3A"),
            "document",
            "error.cnpj.letters_in_check_digits",
        ),
        (individual("X", "111.111.111-11"), "document", "error.cpf.repeated"),
        (individual("X", "529.982.247-24"), "document", "error.cpf.check_digit"),
        (
            company(&"a".repeat(10_000), "11.222.333/0001-81"),
            "name",
            "error.field.too_long",
        ),
    ];
    for (input, field, key) in cases {
        let keys = field_keys(people::create(&db, &input).unwrap_err());
        assert!(
            keys.contains(&(field.into(), key.into())),
            "{field}/{key} not in {keys:?}"
        );
    }
    let mut bad_email = company("X", "11.222.333/0001-81");
    bad_email.email = Some("contato.bwt.com.br".into());
    assert_eq!(
        field_keys(people::create(&db, &bad_email).unwrap_err()),
        vec![("email".to_string(), "error.email.invalid".to_string())]
    );
    let mut bad_phone = company("X", "11.222.333/0001-81");
    bad_phone.phone = Some("ligue já".into());
    assert_eq!(field_keys(people::create(&db, &bad_phone).unwrap_err())[0].0, "phone");
    let no_kind = PersonInput {
        name: "X".into(),
        ..Default::default()
    };
    assert_eq!(field_keys(people::create(&db, &no_kind).unwrap_err())[0].0, "kind");
    assert_eq!(count(&db), 0);
}

#[test]
fn sql_looking_search_text_is_just_text() {
    let (_d, db) = db();
    people::create(&db, &company("100% Turismo_Ltda", "11.222.333/0001-81")).unwrap();
    people::create(&db, &individual("Maria", "529.982.247-25")).unwrap();
    for q in ["'; DROP TABLE people; --", "\" OR 1=1 --", "\\", "' OR '1'='1"] {
        assert!(people::search(&db, q, None).unwrap().is_empty(), "{q} matched");
    }
    // Wildcards are literal: each matches only the record that really contains it.
    assert_eq!(people::search(&db, "%", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "_", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "100%", None).unwrap().len(), 1);
    assert_eq!(people::search(&db, "turismo_ltda", None).unwrap().len(), 1);
    assert_eq!(count(&db), 2);
}

#[test]
fn delete_is_refused_while_something_links_the_person() {
    let (_d, db) = db();
    let p = people::create(&db, &company("BWT", "11.222.333/0001-81")).unwrap();
    // Stands in for the integrations table of a later schema: any person_id foreign key counts.
    db.conn()
        .execute_batch("CREATE TABLE links (id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id))")
        .unwrap();
    db.conn()
        .execute("INSERT INTO links (person_id) VALUES (?1)", [p.id])
        .unwrap();
    match people::delete(&db, p.id) {
        Err(CoreError::PersonInUse { count }) => assert_eq!(count, 1),
        other => panic!("expected PersonInUse, got {other:?}"),
    }
    assert!(people::get(&db, p.id).is_ok());
}
