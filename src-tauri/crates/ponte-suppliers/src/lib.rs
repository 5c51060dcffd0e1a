//! Ponte's suppliers. A supplier is one folder (`infotravel/`, `wooba/`, `paytourist/`) implementing one
//! trait, [`Supplier`] (`supplier.rs`): its form declaration (`form.rs`), its capabilities (sales? API
//! tokens?), its HTTP client, its mapping to Ponte's sales, its connection test, its sales source and its
//! token check, as far as it has them. The rest of Ponte (the import engine, the command surface, the CLI)
//! asks [`registry`] and never matches on a supplier's id. Within each folder, the parts of the protocol
//! no public source shows live in an `assumed` module, next to a pointer to `docs/PROTOCOLS.md`, so they
//! can be corrected in one place when a supplier hands over its specification.
//!
//! Adding a supplier: its id in `ponte_core::integration_types::IntegrationType`, its folder and its two
//! lines here (module and `supplier_of` arm: the match is exhaustive, so a new id does not compile
//! without its supplier), and its catalogue texts (`integration.<id>.*`).

pub mod connection_test;
pub mod error;
pub mod gather;
pub mod http;
pub mod json;
pub mod mask;
pub mod registry;
pub mod sales_source;
pub mod supplier;
pub mod token_check;

pub mod infotravel;
pub mod paytourist;
pub mod wooba;

use ponte_core::integration_types::IntegrationType;

pub use error::SupplierError;
pub use supplier::{Form, Supplier};

/// The supplier of each id, the one place that pairs them; read it through [`registry::get`].
fn supplier_of(ty: IntegrationType) -> &'static dyn Supplier {
    match ty {
        IntegrationType::Infotravel => &infotravel::Infotravel,
        IntegrationType::Wooba => &wooba::Wooba,
        IntegrationType::Paytourist => &paytourist::PayTourist,
    }
}
