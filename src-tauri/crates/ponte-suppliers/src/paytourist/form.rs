//! PayTourist (docs/PROTOCOLS.md#paytourist): one host per municipality (`https://{comune}.paytourist.com`),
//! the hotel's structure and its software. Tokens belong to Booking users and are managed in Tokens de API
//! (the supplier's `tokens` capability).

use ponte_core::integration_types::{FieldSpec, IntegrationType, IntegrationTypeSpec, Rule, Section};

const T: IntegrationType = IntegrationType::Paytourist;

pub fn spec() -> IntegrationTypeSpec {
    IntegrationTypeSpec::new(
        T,
        vec![
            FieldSpec::text(T, "comune", Section::Main)
                .rule(Rule::Subdomain)
                .max(63)
                .placeholder("firenze"),
            FieldSpec::text(T, "structure_id", Section::Main)
                .rule(Rule::Digits)
                .max(20),
            FieldSpec::text(T, "software_id", Section::Main)
                .rule(Rule::Digits)
                .max(20),
            // Overrides the address derived from the comune (a test server, a new PayTourist host).
            FieldSpec::url(T, "api_url", Section::Advanced).optional(),
        ],
    )
}
