use ponte_core::sales::{self, SaleDetail, SalesPage};
use ponte_core::{sales_csv, settings, CoreError, ErrorReply};
use serde::{Deserialize, Serialize};

use crate::request as rq;
use crate::Api;

pub async fn page(api: &Api, r: rq::sales_page) -> Result<SalesPage, ErrorReply> {
    api.with_db(|db| sales::page(db, &r.filter, r.cursor.as_ref(), r.limit))
}

pub async fn count(api: &Api, r: rq::sales_count) -> Result<i64, ErrorReply> {
    api.with_db(|db| sales::count(db, &r.filter))
}

pub async fn detail(api: &Api, r: rq::sale_detail) -> Result<SaleDetail, ErrorReply> {
    api.with_db(|db| sales::detail(db, r.id))
}

/// The CSV field separator: `;` where the decimal comma is used (pt-BR, it), `,` elsewhere.
#[derive(Debug, Clone, Copy, Deserialize, ts_rs::TS)]
#[ts(export)]
pub enum CsvSeparator {
    #[serde(rename = ";")]
    Semicolon,
    #[serde(rename = ",")]
    Comma,
}

#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CsvExport {
    pub path: String,
    #[ts(type = "number")]
    pub rows: u64,
}

/// The file's place is chosen by the user in the host's save dialog, never sent by the page.
pub async fn export_csv(api: &Api, r: rq::sales_export_csv) -> Result<Option<CsvExport>, ErrorReply> {
    let sep = match r.separator {
        CsvSeparator::Semicolon => b';',
        CsvSeparator::Comma => b',',
    };
    let Some(path) = api.host.save_path("vendas.csv", "csv") else {
        return Ok(None);
    };
    if path.extension().and_then(|e| e.to_str()) != Some("csv") {
        return Err(CoreError::invalid("path", "error.export.extension").reply());
    }
    let file = std::fs::File::create(&path).map_err(|e| CoreError::Input(e.to_string()).reply())?;
    let rows = api.with_db(|db| {
        let locale = settings::locale(db)?;
        sales_csv::export(db, &r.filter, std::io::BufWriter::new(file), sep, locale)
    })?;
    Ok(Some(CsvExport {
        path: path.display().to_string(),
        rows,
    }))
}
