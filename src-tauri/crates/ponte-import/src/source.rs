//! Opens the sales source of a saved integration through its supplier (ponte-suppliers' registry): its
//! values, its secrets from the keyring, whatever the supplier adds from outside the form (vendor
//! settings), and the agency's time zone.

use ponte_core::db::Db;
use ponte_core::integrations;
use ponte_core::secrets::Secrets;
use ponte_core::zone::Zone;
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::Source;
use ponte_suppliers::{registry, Form};

use crate::ImportError;

pub const TIMEZONE_SETTING: &str = "agency_timezone";

/// The agency's time zone (decides which day a sale belongs to); São Paulo unless set to a zone the time
/// zone database knows.
pub fn timezone(db: &Db) -> Zone {
    ponte_core::settings::get(db, TIMEZONE_SETTING)
        .ok()
        .flatten()
        .and_then(|s| Zone::named(&s))
        .unwrap_or_else(Zone::default_zone)
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
