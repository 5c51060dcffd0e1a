//! Cadastros > Pessoas: companies (Pessoa Jurídica, CNPJ) and individuals (Pessoa Física, CPF).
//! Integrations link to a person; the database refuses to delete a linked one.

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::documents::{self, DocumentProblem};
use crate::error::{CoreError, FieldIssue, Result};
use crate::text::{fold, like_escape};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_EMAIL_CHARS: usize = 254;
/// Search-as-you-type never needs more: the list says "refine your search" past it.
pub const MAX_SEARCH_RESULTS: u32 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PersonKind {
    /// Pessoa Jurídica: razão social, nome fantasia, CNPJ.
    Company,
    /// Pessoa Física: nome, CPF.
    Individual,
}

impl PersonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Company => "company",
            Self::Individual => "individual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "company" => Some(Self::Company),
            "individual" => Some(Self::Individual),
            _ => None,
        }
    }
}

/// What a form (or the CLI) submits. Optional text left blank is stored as absent.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub kind: Option<PersonKind>,
    pub name: String,
    #[serde(default)]
    pub trade_name: Option<String>,
    #[serde(default)]
    pub document: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Person {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: PersonKind,
    pub name: String,
    pub trade_name: Option<String>,
    /// CNPJ or CPF without punctuation.
    pub document: Option<String>,
    /// The same, punctuated as people write it (`12.ABC.345/01DE-35`).
    pub document_display: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A validated input, ready to store.
struct Clean {
    kind: PersonKind,
    name: String,
    trade_name: Option<String>,
    document: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

fn blank_to_none(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

fn document_issue(kind: PersonKind, problem: DocumentProblem) -> FieldIssue {
    let doc = match kind {
        PersonKind::Company => "cnpj",
        PersonKind::Individual => "cpf",
    };
    FieldIssue::new("document", &format!("error.{doc}.{}", problem.key()))
}

fn valid_phone(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    p.chars().all(|c| c.is_ascii_digit() || " +()-.".contains(c)) && (8..=15).contains(&digits)
}

fn validate(input: &PersonInput) -> Result<Clean> {
    let mut issues = Vec::new();
    let Some(kind) = input.kind else {
        return Err(CoreError::invalid("kind", "error.field.required"));
    };
    let name = input.name.trim().to_string();
    if name.is_empty() {
        issues.push(FieldIssue::new("name", "error.field.required"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        issues.push(FieldIssue::new("name", "error.field.too_long").with("max", MAX_NAME_CHARS));
    }
    if name.chars().any(char::is_control) {
        issues.push(FieldIssue::new("name", "error.field.control_chars"));
    }
    let trade_name = match kind {
        PersonKind::Company => blank_to_none(&input.trade_name),
        PersonKind::Individual => None,
    };
    if trade_name.as_ref().is_some_and(|t| t.chars().count() > MAX_NAME_CHARS) {
        issues.push(FieldIssue::new("trade_name", "error.field.too_long").with("max", MAX_NAME_CHARS));
    }
    let document = match blank_to_none(&input.document) {
        None => None,
        Some(raw) => {
            let checked = match kind {
                PersonKind::Company => documents::validate_cnpj(&raw),
                PersonKind::Individual => documents::validate_cpf(&raw),
            };
            match checked {
                Ok(d) => Some(d),
                Err(p) => {
                    issues.push(document_issue(kind, p));
                    None
                }
            }
        }
    };
    let email = blank_to_none(&input.email);
    if let Some(e) = &email {
        if e.len() > MAX_EMAIL_CHARS || !email_address::EmailAddress::is_valid(e) || !e.contains('.') {
            issues.push(FieldIssue::new("email", "error.email.invalid"));
        }
    }
    let phone = blank_to_none(&input.phone);
    if phone.as_deref().is_some_and(|p| !valid_phone(p)) {
        issues.push(FieldIssue::new("phone", "error.phone.invalid"));
    }
    if !issues.is_empty() {
        return Err(CoreError::Invalid(issues));
    }
    Ok(Clean {
        kind,
        name,
        trade_name,
        document,
        email,
        phone,
    })
}

fn display_document(kind: PersonKind, doc: &str) -> String {
    match kind {
        PersonKind::Company => documents::format_cnpj(doc),
        PersonKind::Individual => documents::format_cpf(doc),
    }
}

fn search_text(c: &Clean) -> String {
    let mut parts = vec![fold(&c.name)];
    if let Some(t) = &c.trade_name {
        parts.push(fold(t));
    }
    if let Some(d) = &c.document {
        parts.push(d.to_lowercase());
        parts.push(display_document(c.kind, d).to_lowercase());
    }
    parts.join(" ")
}

const COLUMNS: &str = "id, kind, name, trade_name, document, email, phone, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    let kind_text: String = r.get(1)?;
    let kind = PersonKind::parse(&kind_text).unwrap_or(PersonKind::Company);
    let document: Option<String> = r.get(4)?;
    Ok(Person {
        id: r.get(0)?,
        kind,
        name: r.get(2)?,
        trade_name: r.get(3)?,
        document_display: document.as_deref().map(|d| display_document(kind, d)),
        document,
        email: r.get(5)?,
        phone: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn check_duplicate(db: &Db, c: &Clean, except_id: Option<i64>) -> Result<()> {
    let Some(doc) = &c.document else { return Ok(()) };
    let existing: Option<(i64, String)> = db
        .conn()
        .query_row(
            "SELECT id, name FROM people WHERE kind = ?1 AND document = ?2 AND id IS NOT ?3",
            params![c.kind.as_str(), doc, except_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((existing_id, existing_name)) => Err(CoreError::DuplicateDocument {
            field: "document",
            existing_id,
            existing_name,
        }),
        None => Ok(()),
    }
}

pub fn create(db: &Db, input: &PersonInput) -> Result<Person> {
    let c = validate(input)?;
    check_duplicate(db, &c, None)?;
    let ts = now();
    db.conn().execute(
        "INSERT INTO people (kind, name, trade_name, document, email, phone, search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            c.kind.as_str(),
            c.name,
            c.trade_name,
            c.document,
            c.email,
            c.phone,
            search_text(&c),
            ts
        ],
    )?;
    get(db, db.conn().last_insert_rowid())
}

pub fn update(db: &Db, id: i64, input: &PersonInput) -> Result<Person> {
    let c = validate(input)?;
    get(db, id)?;
    check_duplicate(db, &c, Some(id))?;
    db.conn().execute(
        "UPDATE people SET kind = ?1, name = ?2, trade_name = ?3, document = ?4, email = ?5, phone = ?6,
                search_text = ?7, updated_at = ?8 WHERE id = ?9",
        params![
            c.kind.as_str(),
            c.name,
            c.trade_name,
            c.document,
            c.email,
            c.phone,
            search_text(&c),
            now(),
            id
        ],
    )?;
    get(db, id)
}

pub fn get(db: &Db, id: i64) -> Result<Person> {
    db.conn()
        .query_row(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(CoreError::NotFound)
}

/// Deletes a person; refused while anything (an integration) references it through a foreign key.
pub fn delete(db: &Db, id: i64) -> Result<()> {
    get(db, id)?;
    match db.conn().execute("DELETE FROM people WHERE id = ?1", [id]) {
        Ok(_) => Ok(()),
        // ON DELETE RESTRICT reports itself as a trigger constraint, a plain reference as a foreign key one.
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY
                || e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_TRIGGER =>
        {
            Err(CoreError::PersonInUse { count: links(db, id)? })
        }
        Err(e) => Err(e.into()),
    }
}

/// How many rows of other tables point at this person (integrations, once they exist).
pub fn links(db: &Db, id: i64) -> Result<i64> {
    let tables: Vec<String> = {
        let mut stmt = db.conn().prepare(
            "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
             WHERE m.type = 'table' AND f.\"table\" = 'people' AND f.\"from\" = 'person_id'",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut total = 0;
    for t in tables {
        let n: i64 = db.conn().query_row(
            &format!(
                "SELECT count(*) FROM \"{}\" WHERE person_id = ?1",
                t.replace('"', "\"\"")
            ),
            [id],
            |r| r.get(0),
        )?;
        total += n;
    }
    Ok(total)
}

/// Search-as-you-type: every word of `query` must appear in the name, trade name or document,
/// ignoring case, accents and document punctuation. An empty query lists everyone (capped).
pub fn search(db: &Db, query: &str, kind: Option<PersonKind>) -> Result<Vec<Person>> {
    let words: Vec<String> = fold(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    let mut sql = format!("SELECT {COLUMNS} FROM people WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    for w in &words {
        args.push(format!("%{}%", like_escape(w)));
        sql.push_str(&format!(" AND search_text LIKE ?{} ESCAPE '\\'", args.len()));
    }
    if let Some(k) = kind {
        args.push(k.as_str().into());
        sql.push_str(&format!(" AND kind = ?{}", args.len()));
    }
    sql.push_str(&format!(" ORDER BY name COLLATE NOCASE, id LIMIT {MAX_SEARCH_RESULTS}"));
    let mut stmt = db.conn().prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
