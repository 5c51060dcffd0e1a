use ponte_core::people::{self, Person};
use ponte_core::ErrorReply;

use crate::request as rq;
use crate::Api;

pub async fn search(api: &Api, r: rq::people_search) -> Result<Vec<Person>, ErrorReply> {
    api.with_db(|db| people::search(db, &r.query, r.kind))
}

pub async fn get(api: &Api, r: rq::person_get) -> Result<Person, ErrorReply> {
    api.with_db(|db| people::get(db, r.id))
}

pub async fn create(api: &Api, r: rq::person_create) -> Result<Person, ErrorReply> {
    api.with_db(|db| people::create(db, &r.input))
}

pub async fn update(api: &Api, r: rq::person_update) -> Result<Person, ErrorReply> {
    api.with_db(|db| people::update(db, r.id, &r.input))
}

pub async fn delete(api: &Api, r: rq::person_delete) -> Result<(), ErrorReply> {
    api.with_db(|db| people::delete(db, r.id))
}
