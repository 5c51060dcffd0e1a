//! The registry of suppliers: [`all`] of them in the order the UI lists their types, the one for an id
//! ([`get`]), and their specs as the window and the core receive them ([`spec`], [`specs`]): the form the
//! supplier declares plus the capabilities it implements (`has_sales`, `has_tokens`).
//!
//! Every [`IntegrationType`] has exactly one supplier: the pairing is an exhaustive match in the crate
//! root, and `tests/registry.rs` checks that each supplier answers to its own id.

use ponte_core::integration_types::{IntegrationType, IntegrationTypeSpec};

use crate::Supplier;

/// Every supplier, once, in the order of [`IntegrationType::ALL`].
pub fn all() -> impl Iterator<Item = &'static dyn Supplier> {
    IntegrationType::ALL.into_iter().map(get)
}

/// The supplier of `ty`.
pub fn get(ty: IntegrationType) -> &'static dyn Supplier {
    crate::supplier_of(ty)
}

/// The spec of `ty`: what `integration_types` answers, and what the core validates a form with.
pub fn spec(ty: IntegrationType) -> IntegrationTypeSpec {
    describe(get(ty))
}

/// Every type's spec, in the order of [`all`].
pub fn specs() -> Vec<IntegrationTypeSpec> {
    all().map(describe).collect()
}

/// The supplier's form with its capabilities: "has sales" is "implements [`Supplier::sales`]", so the
/// window can never offer an import that the backend cannot run (or hide one it can).
fn describe(s: &dyn Supplier) -> IntegrationTypeSpec {
    let mut spec = s.form();
    spec.has_sales = s.sales().is_some();
    spec.has_tokens = s.tokens().is_some();
    spec.tokens_elsewhere = spec.has_tokens;
    spec
}
