//! Opens the sales source of a saved integration: its values, its secrets from the keyring, the
//! vendor settings (Wooba), and the agency's time zone.

use chrono_tz::Tz;
use ponte_core::db::Db;
use ponte_core::integration_types::IntegrationType;
use ponte_core::integrations;
use ponte_core::secrets::Secrets;
use ponte_core::vendor_settings;
use ponte_suppliers::http::Limits;
use ponte_suppliers::sales_source::Source;
use ponte_suppliers::{infotravel, wooba, SupplierError};

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
    let mut secrets = integrations::load_secrets(db, store, integration_id)?;
    let mut password = |key: &str| {
        secrets
            .remove(key)
            .ok_or_else(|| ImportError::Supplier(SupplierError::MissingSecret(key.into())))
    };
    let v = |k: &str| i.values.get(k).cloned().unwrap_or_default();
    match i.ty {
        IntegrationType::Infotravel => Ok(Source::Infotravel(infotravel::Client::new(
            infotravel::Credentials {
                url: v("url"),
                supplier_id: v("supplier_id"),
                agency_code: v("agency_code"),
                username: v("username"),
                password: password("password")?,
            },
            limits,
        ))),
        IntegrationType::Wooba => {
            let (token, pem) = vendor_settings::wooba_credentials(db, store)?;
            let creds = wooba::Credentials {
                url: v("url"),
                username: v("username"),
                password: password("password")?,
                developer_token: token.ok_or(SupplierError::DeveloperSettingsMissing("Developer-Token"))?,
                public_key_pem: pem.ok_or(SupplierError::DeveloperSettingsMissing("public key"))?,
            };
            Ok(Source::Wooba(wooba::Client::new(creds, limits)?))
        }
        IntegrationType::Paytourist => Err(ImportError::NotImportable),
    }
}
