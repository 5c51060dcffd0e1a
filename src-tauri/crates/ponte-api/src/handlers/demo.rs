use ponte_core::{i18n, settings, ErrorReply};

use crate::demo::{self, DemoStatus};
use crate::request as rq;
use crate::Api;

pub async fn status(api: &Api, _: rq::demo_status) -> Result<DemoStatus, ErrorReply> {
    api.with_db(demo::status)
}

pub async fn start(api: &Api, _: rq::demo_start) -> Result<DemoStatus, ErrorReply> {
    let store = api.secrets()?;
    let suffix = api.with_db(|db| Ok(i18n::t(settings::locale(db)?, "demo.suffix", &Default::default())))?;
    api.with_shared_db(|db| api.demo.start(db, &store, &suffix))
}

pub async fn remove(api: &Api, _: rq::demo_remove) -> Result<DemoStatus, ErrorReply> {
    let store = api.secrets()?;
    let st = api.with_shared_db(|db| api.demo.remove(db, &store))?;
    api.reminders_changed.poke();
    api.schedule_changed.poke();
    Ok(st)
}
