//! Where a Booking user's tokens are verified: its integration's form (host, structure, software…), by the
//! supplier that has the `tokens` capability ([`crate::Supplier::tokens`]).

use ponte_core::db::Db;
use ponte_core::{integrations, tokens, CoreError};
use secrecy::SecretString;

use crate::http::Limits;
use crate::supplier::{Form, VerifyToken};
use crate::{registry, SupplierError};

/// The integration a Booking user's tokens are checked against, and its supplier's check.
pub struct Target {
    form: Form,
    verify: VerifyToken,
}

pub fn target(db: &Db, booking_user_id: i64) -> Result<Target, CoreError> {
    let u = tokens::user(db, booking_user_id)?;
    let i = integrations::get(db, u.integration_id)?;
    // Booking users are only created under such an integration (ponte-core's tokens); a row changed behind
    // Ponte's back gets the same answer.
    let verify = registry::get(i.ty)
        .tokens()
        .ok_or_else(|| CoreError::invalid("integration_id", "error.token.not_paytourist"))?;
    let mut form = Form::new(i.ty);
    form.values = i.values;
    Ok(Target { form, verify })
}

pub async fn verify(t: &Target, token: &SecretString, limits: &Limits) -> Result<(), SupplierError> {
    (t.verify)(&t.form, token, limits).await
}

/// The result recorded for a live check: `ok`, `rejected` (401), or the error's code.
pub fn check_code(r: &Result<(), SupplierError>) -> &'static str {
    match r {
        Ok(()) => "ok",
        Err(SupplierError::TokenRejected) => "rejected",
        Err(e) => e.code(),
    }
}
