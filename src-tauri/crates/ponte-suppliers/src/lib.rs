//! Ponte's suppliers over HTTP. One module per remote API; within each, the parts of the protocol that
//! no public source shows live in an `assumed` module, next to a pointer to `docs/PROTOCOLS.md`,
//! so they can be corrected in one place when a supplier hands over its specification.

pub mod connection_test;
pub mod error;
pub mod gather;
pub mod http;
pub mod infotravel;
pub mod json;
pub mod paytourist;
pub mod sales_source;
pub mod token_check;
pub mod wooba;

pub use error::SupplierError;
