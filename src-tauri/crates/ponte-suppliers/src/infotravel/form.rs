//! Infotravel (Infotera): the form the user knows (URL Webservice, Identificador do Fornecedor, Código da
//! Agência: docs/PROTOCOLS.md#integration-forms) plus "Acesso à API", because the API authenticates with an
//! integration user (docs/PROTOCOLS.md#known-about-infotravel).

use ponte_core::integration_types::{FieldSpec, IntegrationType, IntegrationTypeSpec, Rule, Section};

const T: IntegrationType = IntegrationType::Infotravel;

pub fn spec() -> IntegrationTypeSpec {
    IntegrationTypeSpec::new(
        T,
        vec![
            FieldSpec::url(T, "url", Section::Main).placeholder("https://bwt.infotravel.com.br"),
            FieldSpec::text(T, "supplier_id", Section::Main)
                .rule(Rule::Identifier)
                .max(40)
                .placeholder("BWT"),
            FieldSpec::text(T, "agency_code", Section::Main)
                .rule(Rule::Digits)
                .max(20),
            FieldSpec::text(T, "username", Section::ApiAccess).max(120),
            FieldSpec::secret(T, "password", Section::ApiAccess),
        ],
    )
}
