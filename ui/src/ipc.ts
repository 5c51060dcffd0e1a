// The only place that talks to the Rust backend. Every rejection becomes an ErrorReply.
import { invoke } from '@tauri-apps/api/core';
import type { ApiToken } from './bindings/ApiToken';
import type { AppInfo } from './bindings/AppInfo';
import type { BookingUser } from './bindings/BookingUser';
import type { BookingUserInput } from './bindings/BookingUserInput';
import type { DemoStatus } from './bindings/DemoStatus';
import type { ErrorReply } from './bindings/ErrorReply';
import type { Expiry } from './bindings/Expiry';
import type { Integration } from './bindings/Integration';
import type { IntegrationFilter } from './bindings/IntegrationFilter';
import type { IntegrationInput } from './bindings/IntegrationInput';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import type { Locale } from './bindings/Locale';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonKind } from './bindings/PersonKind';
import type { Preset } from './bindings/Preset';
import type { ReminderSettings } from './bindings/ReminderSettings';
import type { ReminderSettingsInput } from './bindings/ReminderSettingsInput';
import type { SaveOutcome } from './bindings/SaveOutcome';
import type { TestSuccess } from './bindings/TestSuccess';
import type { TokenDates } from './bindings/TokenDates';
import type { TokenSaved } from './bindings/TokenSaved';
import type { WoobaSettings } from './bindings/WoobaSettings';
import type { WoobaSettingsInput } from './bindings/WoobaSettingsInput';

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function isFieldIssue(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.field === 'string' && typeof o.key === 'string' && isStringRecord(o.params);
}

export function isErrorReply(v: unknown): v is ErrorReply {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.code === 'string' &&
    typeof o.key === 'string' &&
    (o.field === null || typeof o.field === 'string') &&
    Array.isArray(o.fields) &&
    o.fields.every(isFieldIssue) &&
    isStringRecord(o.params)
  );
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** What any rejection becomes: the backend's ErrorReply as is, anything else an `ipc` error. */
export function toErrorReply(e: unknown): ErrorReply {
  if (isErrorReply(e)) return e;
  return { code: 'ipc', key: 'error.ipc', field: null, fields: [], params: { detail: describe(e) } };
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toErrorReply(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  setLocale: (locale: Locale) => call<null>('set_locale', { locale }),
  peopleSearch: (query: string, kind: PersonKind | null = null) => call<Person[]>('people_search', { query, kind }),
  personGet: (id: number) => call<Person>('person_get', { id }),
  personCreate: (input: PersonInput) => call<Person>('person_create', { input }),
  personUpdate: (id: number, input: PersonInput) => call<Person>('person_update', { id, input }),
  personDelete: (id: number) => call<null>('person_delete', { id }),
  integrationTypes: () => call<IntegrationTypeSpec[]>('integration_types'),
  integrationPresets: () => call<Preset[]>('integration_presets'),
  integrationsList: (filter: IntegrationFilter) => call<Integration[]>('integrations_list', { filter }),
  integrationGet: (id: number) => call<Integration>('integration_get', { id }),
  integrationCreate: (input: IntegrationInput) => call<SaveOutcome>('integration_create', { input }),
  integrationUpdate: (id: number, input: IntegrationInput) => call<SaveOutcome>('integration_update', { id, input }),
  /** A draft copy (secrets empty) to open in the form as a new integration. */
  integrationDuplicate: (id: number) => call<IntegrationInput>('integration_duplicate', { id }),
  integrationSetEnabled: (id: number, enabled: boolean) => call<Integration>('integration_set_enabled', { id, enabled }),
  integrationDelete: (id: number) => call<null>('integration_delete', { id }),
  /** "Testar conexão": a saved integration (`id`), a form draft (`input`), or both (typed secrets win). */
  integrationTest: (id: number | null, input: IntegrationInput | null) => call<TestSuccess>('integration_test', { id, input }),
  woobaSettingsGet: () => call<WoobaSettings>('wooba_settings_get'),
  woobaSettingsSet: (input: WoobaSettingsInput) => call<WoobaSettings>('wooba_settings_set', { input }),
  // Tokens de API: the token's value goes to the backend once (token_add) and never comes back.
  bookingSoftware: () => call<string[]>('booking_software'),
  bookingUsers: () => call<BookingUser[]>('booking_users'),
  bookingUserCreate: (input: BookingUserInput) => call<BookingUser>('booking_user_create', { input }),
  /** Cleans the paste, verifies it live with PayTourist, stores it in the keyring. */
  tokenAdd: (bookingUserId: number, name: string, token: string, dates: TokenDates, replaces: number | null) =>
    call<TokenSaved>('token_add', { bookingUserId, name, token, dates, replaces }),
  tokenVerify: (id: number) => call<ApiToken>('token_verify', { id }),
  /** The backend copies it (excluded from clipboard history) and clears it after the seconds it answers. */
  tokenCopy: (id: number) => call<number>('token_copy', { id }),
  tokenSetExpiry: (id: number, dates: TokenDates) => call<ApiToken>('token_set_expiry', { id, dates }),
  tokenActivate: (id: number) => call<ApiToken>('token_activate', { id }),
  tokenRotationStep: (id: number, step: string) => call<ApiToken>('token_rotation_step', { id, step }),
  tokenDelete: (id: number) => call<null>('token_delete', { id }),
  // Lembretes.
  expiriesList: () => call<Expiry[]>('expiries_list'),
  reminderSettingsGet: () => call<ReminderSettings>('reminder_settings_get'),
  reminderSettingsSet: (input: ReminderSettingsInput) => call<ReminderSettings>('reminder_settings_set', { input }),
  secretExpirySet: (integrationId: number, field: string, expiresOn: string | null) =>
    call<null>('secret_expiry_set', { integrationId, field, expiresOn }),
  // Daily import of yesterday's sales ("07:00"; null: none).
  importScheduleGet: (integrationId: number) => call<string | null>('import_schedule_get', { integrationId }),
  importScheduleSet: (integrationId: number, time: string | null) => call<null>('import_schedule_set', { integrationId, time }),
  // Start with the system (hidden, in the tray); answers whether it now does.
  autostartGet: () => call<boolean>('autostart_get'),
  autostartSet: (enabled: boolean) => call<boolean>('autostart_set', { enabled }),
  // "Experimentar com dados de demonstração": the supplier simulator inside the app, labelled demo records.
  demoStatus: () => call<DemoStatus>('demo_status'),
  demoStart: () => call<DemoStatus>('demo_start'),
  demoRemove: () => call<DemoStatus>('demo_remove'),
};
