//! CSV export of the Vendas list: UTF-8 with a BOM so Excel reads accents right, `,` or `;` as separator
//! (`;` is what Excel expects in pt-BR and it locales, where `,` is the decimal mark).

use std::io::Write;

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::money;
use crate::sales::{self, SalesFilter};

pub fn export<W: Write>(db: &Db, filter: &SalesFilter, out: W, separator: u8, decimal_comma: bool) -> Result<u64> {
    let io = |e: std::io::Error| CoreError::Input(e.to_string());
    let mut out = out;
    out.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::WriterBuilder::new().delimiter(separator).from_writer(out);
    let csv_err = |e: csv::Error| CoreError::Input(e.to_string());
    w.write_record([
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
    ])
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
                r.integration.as_str(),
                r.supplier_sale_id.as_str(),
                r.locators.as_str(),
                r.status.as_str(),
                r.customer_name.as_deref().unwrap_or(""),
                total.as_str(),
                r.currency.as_str(),
                r.kinds.as_str(),
                if r.needs_manual_payment { "1" } else { "0" },
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
