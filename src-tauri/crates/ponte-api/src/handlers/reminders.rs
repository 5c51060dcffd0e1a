use ponte_core::expiries::{self, Expiry, ReminderSettings};
use ponte_core::{CoreError, ErrorReply};

use crate::request as rq;
use crate::Api;

pub async fn expiries(api: &Api, _: rq::expiries_list) -> Result<Vec<Expiry>, ErrorReply> {
    api.with_db(expiries::list)
}

pub async fn settings_get(api: &Api, _: rq::reminder_settings_get) -> Result<ReminderSettings, ErrorReply> {
    api.with_db(expiries::reminder_settings)
}

pub async fn settings_set(api: &Api, r: rq::reminder_settings_set) -> Result<ReminderSettings, ErrorReply> {
    let s = api.with_db(|db| expiries::set_reminder_settings(db, &r.input))?;
    api.reminders_changed.poke();
    Ok(s)
}

pub async fn secret_expiry_set(api: &Api, r: rq::secret_expiry_set) -> Result<(), ErrorReply> {
    api.with_db(|db| {
        let spec = ponte_suppliers::registry::spec(ponte_core::integrations::get(db, r.integration_id)?.ty);
        expiries::set_secret_expiry(db, &spec, r.integration_id, &r.field, r.expires_on.as_deref())
    })?;
    api.reminders_changed.poke();
    api.host.expiries_changed();
    Ok(())
}

/// The calendar goes where the user says (the host's save dialog), never where the page says.
pub async fn expiries_ics(api: &Api, _: rq::expiries_ics) -> Result<Option<String>, ErrorReply> {
    let text = api.with_db(|db| {
        let list = expiries::list(db)?;
        let thresholds = expiries::reminder_settings(db)?.thresholds;
        Ok(ponte_core::expiry_calendar::ics(
            &list,
            &thresholds,
            ponte_core::settings::locale(db)?,
            chrono::Utc::now(),
        ))
    })?;
    let Some(path) = api.host.save_path("ponte-expiries.ics", "ics") else {
        return Ok(None);
    };
    std::fs::write(&path, text).map_err(|e| CoreError::Input(e.to_string()).reply())?;
    Ok(Some(path.display().to_string()))
}
