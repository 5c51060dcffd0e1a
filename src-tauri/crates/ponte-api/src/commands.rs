//! Every command Ponte's window can call — the one list. Each line: the command's name, its arguments,
//! its reply, the events it streams (if any) and its handler. See the crate docs for what is generated
//! from it.

use ponte_core::app_info::AppInfo;
use ponte_core::expiries::{Expiry, ReminderSettings, ReminderSettingsInput};
use ponte_core::home::HomeSummary;
use ponte_core::i18n::Locale;
use ponte_core::integration_types::IntegrationTypeSpec;
use ponte_core::integrations::{Integration, IntegrationFilter, IntegrationInput, SaveOutcome};
use ponte_core::people::{Person, PersonInput, PersonKind};
use ponte_core::presets::Preset;
use ponte_core::sales::{SaleDetail, SalesCursor, SalesFilter, SalesPage};
use ponte_core::secrets::SecretInput;
use ponte_core::tokens::{ApiToken, BookingUser, BookingUserInput, RotationStep, TokenDates};
use ponte_core::vendor_settings::{WoobaSettings, WoobaSettingsInput};
use ponte_import::history::{ImportIssue, ImportRun};
use ponte_import::query::ImportQuery;
use ponte_import::{Progress, RunSummary};
use ponte_suppliers::connection_test::TestSuccess;

use crate::demo::DemoStatus;
use crate::handlers::sales::{CsvExport, CsvSeparator};
use crate::handlers::tokens::TokenSaved;
use crate::handlers::*;

commands! {
    /// Version, data folder, language, and why the database could not be opened (if so).
    app_info() -> AppInfo => app::app_info;
    /// Remembers the user's language.
    set_locale(locale: Locale) -> () => app::set_locale;
    /// Whether Ponte starts with the system (hidden, in the tray) so reminders keep working.
    autostart_get() -> bool => app::autostart_get;
    /// Turns starting with the system on or off; answers whether it now does.
    autostart_set(enabled: bool) -> bool => app::autostart_set;

    /// Início: what needs the user today (expiries, failures, sales per day, manual payments).
    home_summary() -> HomeSummary => app::home_summary;

    /// Search-as-you-type over name, trade name and document (accents, case and punctuation ignored).
    people_search(query: String, kind: Option<PersonKind>) -> Vec<Person> => people::search;
    person_get(id: i64) -> Person => people::get;
    person_create(input: PersonInput) -> Person => people::create;
    person_update(id: i64, input: PersonInput) -> Person => people::update;
    /// Refused while an integration is linked to the person.
    person_delete(id: i64) -> () => people::delete;

    /// The integration types: each supplier's form and capabilities (has sales, has tokens), from the registry.
    integration_types() -> Vec<IntegrationTypeSpec> => integrations::types;
    /// Supplier presets (presets.json: a type, a description and field values) that pre-fill a form.
    integration_presets() -> Vec<Preset> => integrations::presets;
    integrations_list(filter: IntegrationFilter) -> Vec<Integration> => integrations::list;
    integration_get(id: i64) -> Integration => integrations::get;
    /// Saves the row and its secrets (keyring) together.
    integration_create(input: IntegrationInput) -> SaveOutcome => integrations::create;
    /// Empty secrets keep the stored ones.
    integration_update(id: i64, input: IntegrationInput) -> SaveOutcome => integrations::update;
    /// A draft copy (secrets empty) to open in the form as a new integration.
    integration_duplicate(id: i64) -> IntegrationInput => integrations::duplicate;
    integration_set_enabled(id: i64, enabled: bool) -> Integration => integrations::set_enabled;
    /// Deletes the integration, its secrets and its sales.
    integration_delete(id: i64) -> () => integrations::delete;
    /// "Testar conexão": a saved integration (`id`), a form draft (`input`), or both (typed secrets win).
    integration_test(id: Option<i64>, input: Option<IntegrationInput>) -> TestSuccess => integrations::test;
    /// Wooba's vendor settings (Developer-Token: only whether it is set).
    wooba_settings_get() -> WoobaSettings => integrations::wooba_settings_get;
    wooba_settings_set(input: WoobaSettingsInput) -> WoobaSettings => integrations::wooba_settings_set;

    /// Fetches and classifies (new / changed / unchanged / flagged / unreadable) without writing.
    import_preview(integration_id: i64, query: ImportQuery) -> RunSummary, events Progress => imports::preview;
    /// Imports page by page; resolves with the run's summary (cancelled and failed runs too).
    import_run(integration_id: i64, query: ImportQuery) -> RunSummary, events Progress => imports::run;
    /// Continues a stopped run (`ImportRun::resumable`) from its first unfinished window, as a new run.
    import_resume(run_id: i64) -> RunSummary, events Progress => imports::resume;
    /// Asks the running import (or preview) to stop after its page; false when none was running.
    import_cancel(integration_id: i64) -> bool => imports::cancel;
    import_runs(integration_id: Option<i64>) -> Vec<ImportRun> => imports::runs;
    import_issues(run_id: i64) -> Vec<ImportIssue> => imports::issues;
    /// The daily import time ("07:00") of an integration, if any.
    import_schedule_get(integration_id: i64) -> Option<String> => imports::schedule_get;
    /// Sets (or clears, with null) the daily import of yesterday's sales.
    import_schedule_set(integration_id: i64, time: Option<String>) -> () => imports::schedule_set;
    /// Days per request when a date range is imported (the integration's window size).
    import_window_get(integration_id: i64) -> u32 => imports::window_get;
    /// Sets the window size: 1 to 366 days.
    import_window_set(integration_id: i64, days: u32) -> u32 => imports::window_set;

    /// Newest first; pass the previous page's `next` as `cursor` (keyset pagination).
    sales_page(filter: SalesFilter, cursor: Option<SalesCursor>, limit: u32) -> SalesPage => sales::page;
    sales_count(filter: SalesFilter) -> i64 => sales::count;
    sale_detail(id: i64) -> SaleDetail => sales::detail;
    /// Asks where to save (the system's dialog) and writes the filtered sales; null when cancelled.
    sales_export_csv(filter: SalesFilter, separator: CsvSeparator) -> Option<CsvExport> => sales::export_csv;

    demo_status() -> DemoStatus => demo::status;
    /// Starts the in-app supplier simulator and creates (or re-points) the labelled demo records.
    demo_start() -> DemoStatus => demo::start;
    /// Removes everything the demo created.
    demo_remove() -> DemoStatus => demo::remove;

    /// The hotel software a Booking user can be associated with.
    booking_software() -> Vec<String> => tokens::software;
    booking_users() -> Vec<BookingUser> => tokens::users;
    booking_user_create(input: BookingUserInput) -> BookingUser => tokens::user_create;
    /// Cleans the paste, verifies it live with PayTourist, stores it in the keyring. Nothing is
    /// stored unless PayTourist accepted it; the value never comes back.
    token_add(booking_user_id: i64, name: String, token: SecretInput, dates: TokenDates, replaces: Option<i64>) -> TokenSaved => tokens::add;
    /// "Verificar agora": a live check; a rejected token is marked and notified at once.
    token_verify(id: i64) -> ApiToken => tokens::verify;
    /// Copies the token from the backend (kept out of clipboard history); answers after how many
    /// seconds it is cleared.
    token_copy(id: i64) -> u32 => tokens::copy;
    token_set_expiry(id: i64, dates: TokenDates) -> ApiToken => tokens::set_expiry;
    /// Makes a rotation's new token the one in use.
    token_activate(id: i64) -> ApiToken => tokens::activate;
    /// Records how far the rotation wizard got, so it resumes there.
    token_rotation_step(id: i64, step: RotationStep) -> ApiToken => tokens::rotation_step;
    /// Deletes the token from the keyring and the database.
    token_delete(id: i64) -> () => tokens::delete;

    /// Every credential with an expiry, soonest first.
    expiries_list() -> Vec<Expiry> => reminders::expiries;
    reminder_settings_get() -> ReminderSettings => reminders::settings_get;
    reminder_settings_set(input: ReminderSettingsInput) -> ReminderSettings => reminders::settings_set;
    /// Writes every credential's expiry to a calendar file (.ics, one alarm per reminder threshold) where the
    /// user chooses in the save dialog; null when cancelled.
    expiries_ics() -> Option<String> => reminders::expiries_ics;
    /// Gives an integration secret an expiry date (or removes it with null).
    secret_expiry_set(integration_id: i64, field: String, expires_on: Option<String>) -> () => reminders::secret_expiry_set;
}
