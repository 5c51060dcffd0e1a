//! Wooba API Sales (Travellink): Usuário, Senha and URL Webservice, as the user knows them
//! (docs/PROTOCOLS.md#integration-forms). The vendor-level Developer-Token and Wooba's public key are
//! application settings, not per integration.

use ponte_core::integration_types::{FieldSpec, IntegrationType, IntegrationTypeSpec, Section};

const T: IntegrationType = IntegrationType::Wooba;

pub fn spec() -> IntegrationTypeSpec {
    IntegrationTypeSpec::new(
        T,
        vec![
            FieldSpec::text(T, "username", Section::Main).max(120),
            FieldSpec::secret(T, "password", Section::Main),
            FieldSpec::url(T, "url", Section::Main).placeholder("https://bwtoperadora.travellink.com.br/"),
        ],
    )
}
