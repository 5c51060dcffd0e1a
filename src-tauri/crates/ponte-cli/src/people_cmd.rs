//! `ponte people list|add|show`.

use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use ponte_core::db::Db;
use ponte_core::people::{self, Person, PersonInput, PersonKind};

use crate::output::Out;

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    /// Pessoa Jurídica (CNPJ)
    Company,
    /// Pessoa Física (CPF)
    Individual,
}

impl From<Kind> for PersonKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Company => PersonKind::Company,
            Kind::Individual => PersonKind::Individual,
        }
    }
}

#[derive(Subcommand)]
pub enum PeopleCommand {
    /// List people, optionally matching a search (name, trade name, CNPJ or CPF)
    List {
        #[arg(long, short)]
        query: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<Kind>,
    },
    /// Register a person
    Add {
        #[arg(long, value_enum)]
        kind: Kind,
        /// Razão social (company) or full name (individual)
        #[arg(long)]
        name: String,
        /// Nome fantasia (companies only)
        #[arg(long)]
        trade_name: Option<String>,
        /// CNPJ (company) or CPF (individual), with or without punctuation
        #[arg(long)]
        document: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        phone: Option<String>,
    },
    /// Show one person
    Show { id: i64 },
}

fn print_table(out: &Out, list: &[Person]) {
    for p in list {
        let kind = out.tr(&format!("people.kind.{}", p.kind.as_str()));
        println!(
            "{:>6}  {:<20}  {:<20}  {}",
            p.id,
            kind,
            p.document_display.as_deref().unwrap_or("-"),
            p.name
        );
    }
}

fn print_person(out: &Out, p: &Person) {
    let (name_label, doc_label) = match p.kind {
        PersonKind::Company => ("people.field.company_name", "people.field.cnpj"),
        PersonKind::Individual => ("people.field.individual_name", "people.field.cpf"),
    };
    let rows = [
        (
            "people.col.kind",
            Some(out.tr(&format!("people.kind.{}", p.kind.as_str()))),
        ),
        (name_label, Some(p.name.clone())),
        ("people.field.trade_name", p.trade_name.clone()),
        (doc_label, p.document_display.clone()),
        ("people.field.email", p.email.clone()),
        ("people.field.phone", p.phone.clone()),
    ];
    println!("#{}", p.id);
    for (key, value) in rows {
        println!("  {}: {}", out.tr(key), value.as_deref().unwrap_or("-"));
    }
}

pub fn run(db: &Db, cmd: PeopleCommand, out: &Out) -> ExitCode {
    let result = match cmd {
        PeopleCommand::List { query, kind } => people::search(db, query.as_deref().unwrap_or(""), kind.map(Into::into))
            .map(|list| {
                if out.json {
                    out.json(&list)
                } else {
                    print_table(out, &list)
                }
            }),
        PeopleCommand::Add {
            kind,
            name,
            trade_name,
            document,
            email,
            phone,
        } => {
            let input = PersonInput {
                kind: Some(kind.into()),
                name,
                trade_name,
                document,
                email,
                phone,
            };
            people::create(db, &input).map(|p| if out.json { out.json(&p) } else { print_person(out, &p) })
        }
        PeopleCommand::Show { id } => {
            people::get(db, id).map(|p| if out.json { out.json(&p) } else { print_person(out, &p) })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => out.error(&e),
    }
}
