//! CSV export of the Vendas list: UTF-8 with a BOM so Excel reads accents right, `,` or `;` as separator
//! (`;` is what Excel expects in pt-BR and it locales, where `,` is the decimal mark).

use std::io::Write;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::money;
use crate::sales::{self, SalesFilter};

/// Column keys, in order; their titles come from the catalogue (`csv.<key>`) in the user's language.
pub const COLUMNS: [&str; 10] = [
    "sale_date",
    "integration",
    "supplier_sale_id",
    "locators",
    "status",
    "customer",
    "total",
    "currency",
    "product_kinds",
    "needs_manual_payment",
];

/// Text from a supplier or a user, made inert for spreadsheets: Excel and LibreOffice run a cell that
/// starts with `=`, `+`, `-`, `@` (or a tab / carriage return before one) as a formula, so a customer
/// named `=HYPERLINK(…)` would become a link. A leading `'` keeps it text (OWASP's CSV-injection advice).
/// Only for text columns: the amounts Ponte formats itself stay numbers.
pub fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => std::borrow::Cow::Owned(format!("'{text}")),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

pub fn export<W: Write>(
    db: &Db,
    filter: &SalesFilter,
    out: W,
    separator: u8,
    locale: crate::i18n::Locale,
) -> Result<u64> {
    // pt-BR and it write 1.234,56: the decimal comma goes with the `;` separator Excel expects there.
    let decimal_comma = separator == b';';
    let tr = |k: &str| crate::i18n::t(locale, k, &Default::default());
    let io = |e: std::io::Error| CoreError::Input(e.to_string());
    let mut out = out;
    out.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::WriterBuilder::new().delimiter(separator).from_writer(out);
    let csv_err = |e: csv::Error| CoreError::Input(e.to_string());
    w.write_record(COLUMNS.iter().map(|c| tr(&format!("csv.{c}"))))
        .map_err(csv_err)?;
    let mut cursor = None;
    let mut n = 0u64;
    loop {
        let page = sales::page(db, filter, cursor.as_ref(), sales::MAX_PAGE)?;
        for r in &page.rows {
            let mut total = money::format_plain(r.total_cents);
            if decimal_comma {
                total = total.replace('.', ",");
            }
            w.write_record([
                r.sale_date.as_str(),
                &inert(&r.integration),
                &inert(&r.supplier_sale_id),
                &inert(&r.locators),
                &tr(&format!("sales.status.{}", r.status.as_str())),
                &inert(r.customer_name.as_deref().unwrap_or("")),
                total.as_str(),
                &inert(&r.currency),
                r.kinds.as_str(),
                &tr(if r.needs_manual_payment { "csv.yes" } else { "csv.no" }),
            ])
            .map_err(csv_err)?;
            n += 1;
        }
        match page.next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    w.flush().map_err(io)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::sales::{SaleStatus, SupplierSale};

    #[test]
    fn excel_friendly_csv_in_the_users_language() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path()).unwrap();
        db.conn()
            .execute_batch(
                "INSERT INTO people (kind, name, search_text, created_at, updated_at) VALUES ('company', 'BWT', 'bwt', '', '');
                 INSERT INTO integrations (type, description, person_id, field_values, created_at, updated_at)
                     VALUES ('wooba', 'BWT; Operadora', 1, '{}', '', '');",
            )
            .unwrap();
        let sale = SupplierSale {
            supplier_sale_id: "100001".into(),
            locators: vec!["100001".into(), "AbC123".into()],
            sale_date: "2026-11-03".into(),
            sold_at: None,
            status: SaleStatus::Confirmed,
            supplier_status: "CONFIRMED".into(),
            customer_name: Some("João \"Jota\" Conceição".into()),
            customer_document: None,
            customer_email: None,
            total_cents: 123456,
            currency: "BRL".into(),
            products: Vec::new(),
            payments: Vec::new(),
            needs_manual_payment: true,
            raw: "{}".into(),
            content_hash: String::new(),
        };
        let tx = db.conn_mut().transaction().unwrap();
        crate::sales::upsert(&tx, 1, &sale).unwrap();
        tx.commit().unwrap();
        let mut out = Vec::new();
        assert_eq!(
            export(&db, &SalesFilter::default(), &mut out, b';', Locale::PtBr).unwrap(),
            1
        );
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert!(lines[0].starts_with("Data da venda;Integração;"));
        assert!(
            lines[1].contains("\"BWT; Operadora\""),
            "a separator inside a value is quoted: {}",
            lines[1]
        );
        assert!(
            lines[1].contains("1234,56") && lines[1].contains(";sim"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("\"João \"\"Jota\"\" Conceição\""), "{}", lines[1]);
        let mut out = Vec::new();
        export(&db, &SalesFilter::default(), &mut out, b',', Locale::En).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("1234.56") && text.contains("Sale date,"));
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_stays_text() {
        for evil in [
            "=HYPERLINK(\"http://x\";\"a\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(inert(evil), format!("'{evil}"), "{evil:?}");
        }
        for fine in ["João", "100001", "", " =x", "1-2"] {
            assert_eq!(inert(fine), fine);
        }
    }
}
