//! Where a Booking user's tokens are verified: its PayTourist integration's host, structure and software.

use ponte_core::db::Db;
use ponte_core::integration_types::paytourist as pt;
use ponte_core::{integrations, tokens, CoreError};
use secrecy::SecretString;

use crate::http::Limits;
use crate::{paytourist, SupplierError};

pub struct Target {
    pub base_url: String,
    pub structure_id: String,
    pub software_id: String,
}

pub fn target(db: &Db, booking_user_id: i64) -> Result<Target, CoreError> {
    let u = tokens::user(db, booking_user_id)?;
    let i = integrations::get(db, u.integration_id)?;
    let v = |k: &str| i.values.get(k).cloned().unwrap_or_default();
    Ok(Target {
        base_url: pt::base_url(&v("comune"), i.values.get("api_url").map(String::as_str)),
        structure_id: v("structure_id"),
        software_id: v("software_id"),
    })
}

pub async fn verify(t: &Target, token: &SecretString, limits: &Limits) -> Result<(), SupplierError> {
    paytourist::verify_token(&t.base_url, &t.structure_id, &t.software_id, token, limits)
        .await
        .map(|_| ())
}

/// The result recorded for a live check: `ok`, `rejected` (401), or the error's code.
pub fn check_code(r: &Result<(), SupplierError>) -> &'static str {
    match r {
        Ok(()) => "ok",
        Err(SupplierError::TokenRejected) => "rejected",
        Err(e) => e.code(),
    }
}
