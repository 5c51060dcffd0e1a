//! Opens the sales source of a saved integration through its supplier (ponte-suppliers' registry): its
//! values, its secrets from the keyring, whatever the supplier adds from outside the form (vendor
//! settings), and the agency's time zone.

use chrono_tz::Tz;
use ponte_core::db::Db;
use ponte_core::integrations;
use ponte_core::secrets::Secrets;
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::Source;
use ponte_suppliers::{registry, Form};

use crate::ImportError;

pub const TIMEZONE_SETTING: &str = "agency_timezone";
pub const DEFAULT_TIMEZONE: Tz = chrono_tz::America::Sao_Paulo;

/// The agency's time zone (decides which day a sale belongs to); São Paulo unless set.
pub fn timezone(db: &Db) -> Tz {
    ponte_core::settings::get(db, TIMEZONE_SETTING)
        .ok()
        .flatten()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_TIMEZONE)
}

pub fn open(db: &Db, store: &Secrets, integration_id: i64, limits: Limits) -> Result<Source, ImportError> {
    let i = integrations::get(db, integration_id)?;
    if !i.enabled {
        return Err(ImportError::Disabled);
    }
    let supplier = registry::get(i.ty);
    let open = supplier.sales().ok_or(ImportError::NotImportable)?;
    let mut form = Form::new(i.ty);
    form.secrets = integrations::load_secrets(db, store, integration_id)?;
    form.values = i.values;
    supplier.prepare(db, store, Some(integration_id), &mut form)?;
    Ok(open(&form, limits)?)
}
