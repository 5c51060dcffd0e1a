use ponte_core::app_info::AppInfo;
use ponte_core::home::HomeSummary;
use ponte_core::{settings, CoreError, ErrorReply};

use crate::request as rq;
use crate::Api;

pub async fn app_info(api: &Api, _: rq::app_info) -> Result<AppInfo, ErrorReply> {
    Ok(AppInfo {
        version: ponte_core::VERSION.into(),
        data_dir: api.data_dir.display().to_string(),
        locale: api.locale(),
        startup_error: api.startup_error(),
    })
}

pub async fn set_locale(api: &Api, r: rq::set_locale) -> Result<(), ErrorReply> {
    api.with_db(|db| settings::set(db, settings::LOCALE, r.locale.tag()))?;
    api.host.expiries_changed();
    Ok(())
}

pub async fn autostart_get(api: &Api, _: rq::autostart_get) -> Result<bool, ErrorReply> {
    api.host.autostart(None).map_err(|e| CoreError::Input(e).reply())
}

pub async fn autostart_set(api: &Api, r: rq::autostart_set) -> Result<bool, ErrorReply> {
    api.host
        .autostart(Some(r.enabled))
        .map_err(|e| CoreError::Input(e).reply())
}

pub async fn home_summary(api: &Api, _: rq::home_summary) -> Result<HomeSummary, ErrorReply> {
    api.with_db(|db| ponte_core::home::summary(db, ponte_core::tokens::today()))
}
