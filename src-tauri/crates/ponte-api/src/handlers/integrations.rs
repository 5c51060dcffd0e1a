use ponte_core::integration_types::IntegrationTypeSpec;
use ponte_core::integrations::{self, Integration, IntegrationInput, SaveOutcome};
use ponte_core::presets::{self, Preset};
use ponte_core::vendor_settings::{self, WoobaSettings};
use ponte_core::{i18n, settings, ErrorReply};
use ponte_suppliers::connection_test::{self, TestSuccess};
use ponte_suppliers::http::Limits;
use ponte_suppliers::registry;

use crate::request as rq;
use crate::Api;

pub async fn types(_: &Api, _: rq::integration_types) -> Result<Vec<IntegrationTypeSpec>, ErrorReply> {
    Ok(registry::specs())
}

pub async fn presets(_: &Api, _: rq::integration_presets) -> Result<Vec<Preset>, ErrorReply> {
    Ok(presets::all().to_vec())
}

pub async fn list(api: &Api, r: rq::integrations_list) -> Result<Vec<Integration>, ErrorReply> {
    api.with_db(|db| integrations::list(db, &r.filter))
}

pub async fn get(api: &Api, r: rq::integration_get) -> Result<Integration, ErrorReply> {
    api.with_db(|db| integrations::get(db, r.id))
}

pub async fn create(api: &Api, r: rq::integration_create) -> Result<SaveOutcome, ErrorReply> {
    let store = api.secrets()?;
    api.with_shared_db(|db| integrations::create_shared(db, &store, &registry::spec(r.input.ty), &r.input))
}

pub async fn update(api: &Api, r: rq::integration_update) -> Result<SaveOutcome, ErrorReply> {
    let store = api.secrets()?;
    api.with_shared_db(|db| integrations::update_shared(db, &store, &registry::spec(r.input.ty), r.id, &r.input))
}

pub async fn duplicate(api: &Api, r: rq::integration_duplicate) -> Result<IntegrationInput, ErrorReply> {
    api.with_db(|db| {
        let suffix = i18n::t(settings::locale(db)?, "common.copy_suffix", &Default::default());
        integrations::duplicate_draft(db, r.id, &suffix)
    })
}

pub async fn set_enabled(api: &Api, r: rq::integration_set_enabled) -> Result<Integration, ErrorReply> {
    api.with_db(|db| integrations::set_enabled(db, r.id, r.enabled))
}

pub async fn delete(api: &Api, r: rq::integration_delete) -> Result<(), ErrorReply> {
    let store = api.secrets()?;
    api.with_shared_db(|db| integrations::delete_shared(db, &store, r.id))?;
    // Its tokens and secret expiries went with it.
    api.reminders_changed.poke();
    api.schedule_changed.poke();
    api.host.expiries_changed();
    Ok(())
}

/// The outcome is recorded on the saved integration, for the list and Início.
pub async fn test(api: &Api, r: rq::integration_test) -> Result<TestSuccess, ErrorReply> {
    let store = api.secrets()?;
    let input =
        api.with_shared_db(|db| ponte_suppliers::gather::test_input_shared(db, &store, r.id, r.input.as_ref()))?;
    let outcome = connection_test::run(&input, &Limits::default()).await;
    if let Some(id) = r.id {
        let code = outcome.as_ref().err().map(|e| e.code());
        api.with_db(|db| integrations::record_test(db, id, code))?;
    }
    outcome.map_err(|e| {
        log::warn!("connection test failed: {}", e.code());
        e.reply()
    })
}

pub async fn wooba_settings_get(api: &Api, _: rq::wooba_settings_get) -> Result<WoobaSettings, ErrorReply> {
    let store = api.secrets()?;
    api.with_shared_db(|db| vendor_settings::wooba_shared(db, &store))
}

pub async fn wooba_settings_set(api: &Api, r: rq::wooba_settings_set) -> Result<WoobaSettings, ErrorReply> {
    let store = api.secrets()?;
    api.with_shared_db(|db| vendor_settings::set_wooba_shared(db, &store, &r.input))
}
