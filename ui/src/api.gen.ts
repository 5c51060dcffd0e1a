// Generated from src-tauri/crates/ponte-api/src/commands.rs by `cargo test -p ponte-api`. Do not edit.
import type { ApiToken } from './bindings/ApiToken';
import type { AppInfo } from './bindings/AppInfo';
import type { BookingUser } from './bindings/BookingUser';
import type { BookingUserInput } from './bindings/BookingUserInput';
import type { CsvExport } from './bindings/CsvExport';
import type { CsvSeparator } from './bindings/CsvSeparator';
import type { DemoStatus } from './bindings/DemoStatus';
import type { Expiry } from './bindings/Expiry';
import type { HomeSummary } from './bindings/HomeSummary';
import type { ImportIssue } from './bindings/ImportIssue';
import type { ImportQuery } from './bindings/ImportQuery';
import type { ImportRun } from './bindings/ImportRun';
import type { Integration } from './bindings/Integration';
import type { IntegrationFilter } from './bindings/IntegrationFilter';
import type { IntegrationInput } from './bindings/IntegrationInput';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import type { Locale } from './bindings/Locale';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonKind } from './bindings/PersonKind';
import type { Preset } from './bindings/Preset';
import type { Progress } from './bindings/Progress';
import type { ReminderSettings } from './bindings/ReminderSettings';
import type { ReminderSettingsInput } from './bindings/ReminderSettingsInput';
import type { RotationStep } from './bindings/RotationStep';
import type { RunSummary } from './bindings/RunSummary';
import type { SaleDetail } from './bindings/SaleDetail';
import type { SalesCursor } from './bindings/SalesCursor';
import type { SalesFilter } from './bindings/SalesFilter';
import type { SalesPage } from './bindings/SalesPage';
import type { SaveOutcome } from './bindings/SaveOutcome';
import type { TestSuccess } from './bindings/TestSuccess';
import type { TokenDates } from './bindings/TokenDates';
import type { TokenSaved } from './bindings/TokenSaved';
import type { WoobaSettings } from './bindings/WoobaSettings';
import type { WoobaSettingsInput } from './bindings/WoobaSettingsInput';
import { call } from './transport';

/** Every command of the backend, typed as the Rust declaration says. */
export const api = {
  /**
   * Version, data folder, language, and why the database could not be opened (if so).
   */
  appInfo: () => call<AppInfo>('app_info', {}),
  /**
   * Remembers the user's language.
   */
  setLocale: (locale: Locale) => call<null>('set_locale', { locale }),
  /**
   * Whether Ponte starts with the system (hidden, in the tray) so reminders keep working.
   */
  autostartGet: () => call<boolean>('autostart_get', {}),
  /**
   * Turns starting with the system on or off; answers whether it now does.
   */
  autostartSet: (enabled: boolean) => call<boolean>('autostart_set', { enabled }),
  /**
   * Início: what needs the user today (expiries, failures, sales per day, manual payments).
   */
  homeSummary: () => call<HomeSummary>('home_summary', {}),
  /**
   * Search-as-you-type over name, trade name and document (accents, case and punctuation ignored).
   */
  peopleSearch: (query: string, kind: PersonKind | null) => call<Array<Person>>('people_search', { query, kind }),
  personGet: (id: number) => call<Person>('person_get', { id }),
  personCreate: (input: PersonInput) => call<Person>('person_create', { input }),
  personUpdate: (id: number, input: PersonInput) => call<Person>('person_update', { id, input }),
  /**
   * Refused while an integration is linked to the person.
   */
  personDelete: (id: number) => call<null>('person_delete', { id }),
  /**
   * The integration types: each supplier's form and capabilities (has sales, has tokens), from the registry.
   */
  integrationTypes: () => call<Array<IntegrationTypeSpec>>('integration_types', {}),
  /**
   * Supplier presets (presets.json: a type, a description and field values) that pre-fill a form.
   */
  integrationPresets: () => call<Array<Preset>>('integration_presets', {}),
  integrationsList: (filter: IntegrationFilter) => call<Array<Integration>>('integrations_list', { filter }),
  integrationGet: (id: number) => call<Integration>('integration_get', { id }),
  /**
   * Saves the row and its secrets (keyring) together.
   */
  integrationCreate: (input: IntegrationInput) => call<SaveOutcome>('integration_create', { input }),
  /**
   * Empty secrets keep the stored ones.
   */
  integrationUpdate: (id: number, input: IntegrationInput) => call<SaveOutcome>('integration_update', { id, input }),
  /**
   * A draft copy (secrets empty) to open in the form as a new integration.
   */
  integrationDuplicate: (id: number) => call<IntegrationInput>('integration_duplicate', { id }),
  integrationSetEnabled: (id: number, enabled: boolean) => call<Integration>('integration_set_enabled', { id, enabled }),
  /**
   * Deletes the integration, its secrets and its sales.
   */
  integrationDelete: (id: number) => call<null>('integration_delete', { id }),
  /**
   * "Testar conexão": a saved integration (`id`), a form draft (`input`), or both (typed secrets win).
   */
  integrationTest: (id: number | null, input: IntegrationInput | null) => call<TestSuccess>('integration_test', { id, input }),
  /**
   * Wooba's vendor settings (Developer-Token: only whether it is set).
   */
  woobaSettingsGet: () => call<WoobaSettings>('wooba_settings_get', {}),
  woobaSettingsSet: (input: WoobaSettingsInput) => call<WoobaSettings>('wooba_settings_set', { input }),
  /**
   * Fetches and classifies (new / changed / unchanged / flagged / unreadable) without writing.
   */
  importPreview: (integrationId: number, query: ImportQuery, onEvent: (event: Progress) => void) => call<RunSummary>('import_preview', { integrationId, query }, onEvent),
  /**
   * Imports page by page; resolves with the run's summary (cancelled and failed runs too).
   */
  importRun: (integrationId: number, query: ImportQuery, onEvent: (event: Progress) => void) => call<RunSummary>('import_run', { integrationId, query }, onEvent),
  /**
   * Continues a stopped run (`ImportRun::resumable`) from its first unfinished window, as a new run.
   */
  importResume: (runId: number, onEvent: (event: Progress) => void) => call<RunSummary>('import_resume', { runId }, onEvent),
  /**
   * Asks the running import (or preview) to stop after its page; false when none was running.
   */
  importCancel: (integrationId: number) => call<boolean>('import_cancel', { integrationId }),
  importRuns: (integrationId: number | null) => call<Array<ImportRun>>('import_runs', { integrationId }),
  importIssues: (runId: number) => call<Array<ImportIssue>>('import_issues', { runId }),
  /**
   * The daily import time ("07:00") of an integration, if any.
   */
  importScheduleGet: (integrationId: number) => call<string | null>('import_schedule_get', { integrationId }),
  /**
   * Sets (or clears, with null) the daily import of yesterday's sales.
   */
  importScheduleSet: (integrationId: number, time: string | null) => call<null>('import_schedule_set', { integrationId, time }),
  /**
   * Days per request when a date range is imported (the integration's window size).
   */
  importWindowGet: (integrationId: number) => call<number>('import_window_get', { integrationId }),
  /**
   * Sets the window size: 1 to 366 days.
   */
  importWindowSet: (integrationId: number, days: number) => call<number>('import_window_set', { integrationId, days }),
  /**
   * Newest first; pass the previous page's `next` as `cursor` (keyset pagination).
   */
  salesPage: (filter: SalesFilter, cursor: SalesCursor | null, limit: number) => call<SalesPage>('sales_page', { filter, cursor, limit }),
  salesCount: (filter: SalesFilter) => call<number>('sales_count', { filter }),
  saleDetail: (id: number) => call<SaleDetail>('sale_detail', { id }),
  /**
   * Asks where to save (the system's dialog) and writes the filtered sales; null when cancelled.
   */
  salesExportCsv: (filter: SalesFilter, separator: CsvSeparator) => call<CsvExport | null>('sales_export_csv', { filter, separator }),
  demoStatus: () => call<DemoStatus>('demo_status', {}),
  /**
   * Starts the in-app supplier simulator and creates (or re-points) the labelled demo records.
   */
  demoStart: () => call<DemoStatus>('demo_start', {}),
  /**
   * Removes everything the demo created.
   */
  demoRemove: () => call<DemoStatus>('demo_remove', {}),
  /**
   * The hotel software a Booking user can be associated with.
   */
  bookingSoftware: () => call<Array<string>>('booking_software', {}),
  bookingUsers: () => call<Array<BookingUser>>('booking_users', {}),
  bookingUserCreate: (input: BookingUserInput) => call<BookingUser>('booking_user_create', { input }),
  /**
   * Cleans the paste, verifies it live with PayTourist, stores it in the keyring. Nothing is
   * stored unless PayTourist accepted it; the value never comes back.
   */
  tokenAdd: (bookingUserId: number, name: string, token: string, dates: TokenDates, replaces: number | null) => call<TokenSaved>('token_add', { bookingUserId, name, token, dates, replaces }),
  /**
   * "Verificar agora": a live check; a rejected token is marked and notified at once.
   */
  tokenVerify: (id: number) => call<ApiToken>('token_verify', { id }),
  /**
   * Copies the token from the backend (kept out of clipboard history); answers after how many
   * seconds it is cleared.
   */
  tokenCopy: (id: number) => call<number>('token_copy', { id }),
  tokenSetExpiry: (id: number, dates: TokenDates) => call<ApiToken>('token_set_expiry', { id, dates }),
  /**
   * Makes a rotation's new token the one in use.
   */
  tokenActivate: (id: number) => call<ApiToken>('token_activate', { id }),
  /**
   * Records how far the rotation wizard got, so it resumes there.
   */
  tokenRotationStep: (id: number, step: RotationStep) => call<ApiToken>('token_rotation_step', { id, step }),
  /**
   * Deletes the token from the keyring and the database.
   */
  tokenDelete: (id: number) => call<null>('token_delete', { id }),
  /**
   * Every credential with an expiry, soonest first.
   */
  expiriesList: () => call<Array<Expiry>>('expiries_list', {}),
  reminderSettingsGet: () => call<ReminderSettings>('reminder_settings_get', {}),
  reminderSettingsSet: (input: ReminderSettingsInput) => call<ReminderSettings>('reminder_settings_set', { input }),
  /**
   * Writes every credential's expiry to a calendar file (.ics, one alarm per reminder threshold) where the
   * user chooses in the save dialog; null when cancelled.
   */
  expiriesIcs: () => call<string | null>('expiries_ics', {}),
  /**
   * Gives an integration secret an expiry date (or removes it with null).
   */
  secretExpirySet: (integrationId: number, field: string, expiresOn: string | null) => call<null>('secret_expiry_set', { integrationId, field, expiresOn }),
};

/** The wire names, in declaration order. */
export const COMMAND_NAMES = [
  'app_info',
  'set_locale',
  'autostart_get',
  'autostart_set',
  'home_summary',
  'people_search',
  'person_get',
  'person_create',
  'person_update',
  'person_delete',
  'integration_types',
  'integration_presets',
  'integrations_list',
  'integration_get',
  'integration_create',
  'integration_update',
  'integration_duplicate',
  'integration_set_enabled',
  'integration_delete',
  'integration_test',
  'wooba_settings_get',
  'wooba_settings_set',
  'import_preview',
  'import_run',
  'import_resume',
  'import_cancel',
  'import_runs',
  'import_issues',
  'import_schedule_get',
  'import_schedule_set',
  'import_window_get',
  'import_window_set',
  'sales_page',
  'sales_count',
  'sale_detail',
  'sales_export_csv',
  'demo_status',
  'demo_start',
  'demo_remove',
  'booking_software',
  'booking_users',
  'booking_user_create',
  'token_add',
  'token_verify',
  'token_copy',
  'token_set_expiry',
  'token_activate',
  'token_rotation_step',
  'token_delete',
  'expiries_list',
  'reminder_settings_get',
  'reminder_settings_set',
  'expiries_ics',
  'secret_expiry_set',
] as const;
