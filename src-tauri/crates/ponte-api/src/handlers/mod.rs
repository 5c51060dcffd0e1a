//! The commands' bodies, one module per screen. Each checks what it is sent, calls the core and
//! answers a typed reply; none knows which host called it.

pub mod app;
pub mod demo;
pub mod imports;
pub mod integrations;
pub mod people;
pub mod reminders;
pub mod sales;
pub mod tokens;
