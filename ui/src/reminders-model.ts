// Lembretes: the thresholds editor's rules (ponte-core's reminders::check_thresholds), quiet hours, and
// how an expiring credential is shown and opened. Free of the DOM so it can be unit-tested.
import type { ErrorReply } from './bindings/ErrorReply';
import type { Expiry } from './bindings/Expiry';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import type { FormErrors } from './form-errors';
import { splitErrors } from './form-errors';
import type { Params } from './i18n';
import type { Badge } from './tokens-model';
import { EXPIRING_DAYS, statusBadge } from './tokens-model';

type T = (key: string, params?: Params) => string;

export const DEFAULT_THRESHOLDS: readonly number[] = [60, 30, 7, 1, 0];
export const MAX_THRESHOLDS = 10;
export const MAX_THRESHOLD_DAYS = 3650;
export const DEFAULT_QUIET = { start: '22:00', end: '08:00' } as const;

/** The backend's check: 1 to 10 values, each 0..3650, no duplicates; null when fine. */
export function thresholdsProblem(list: readonly number[]): string | null {
  if (list.length === 0 || list.length > MAX_THRESHOLDS) return 'error.reminders.thresholds_count';
  if (list.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_THRESHOLD_DAYS)) return 'error.reminders.thresholds_range';
  if (new Set(list).size !== list.length) return 'error.reminders.thresholds_duplicate';
  return null;
}

/** Most distant first, as the backend stores them. */
export function sortThresholds(list: readonly number[]): number[] {
  return [...list].sort((a, b) => b - a);
}

export type AddResult = { ok: true; list: number[] } | { ok: false; key: string };

/**
 * Adds what was typed in the chips' input ("14", or several: "14, 3") to `list`. Refuses what the backend
 * would refuse, with the same message: a negative or too large number, a duplicate, more than 10 values.
 */
export function addThresholds(list: readonly number[], raw: string): AddResult {
  const parts = raw
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, key: 'error.reminders.threshold_number' };
  const days: number[] = [];
  for (const p of parts) {
    if (/^[-−]\d+$/.test(p)) return { ok: false, key: 'error.reminders.thresholds_range' };
    if (!/^\d+$/.test(p)) return { ok: false, key: 'error.reminders.threshold_number' };
    days.push(Number(p));
  }
  const next = [...list, ...days];
  if (next.length > MAX_THRESHOLDS) return { ok: false, key: 'error.reminders.thresholds_count' };
  const problem = thresholdsProblem(next);
  if (problem) return { ok: false, key: problem };
  return { ok: true, list: sortThresholds(next) };
}

/** A threshold as a chip says it: "60 dias", "1 dia", "no dia". */
export function thresholdLabel(t: T, formatNumber: (n: number) => string, days: number): string {
  if (days === 0) return t('reminders.threshold.zero');
  if (days === 1) return t('reminders.threshold.one');
  return t('reminders.threshold.days', { days: formatNumber(days) });
}

/** "HH:MM", 00:00 to 23:59. */
export function validTime(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
}

// ---- the settings card ----

export const SETTINGS_FIELDS = ['thresholds', 'quiet_start', 'quiet_end', 'clipboard_clear_secs'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

/**
 * A refused save: each message next to its field, the rest on top. Unlike a dialog, the card says no
 * "check the fields" on top: its four fields are all in view, next to their messages.
 */
export function settingsErrors(reply: ErrorReply): FormErrors<SettingsField> {
  const e = splitErrors(reply, SETTINGS_FIELDS);
  return reply.code === 'invalid_input' && reply.fields.length > 0 ? { fields: e.fields, summary: e.summary.slice(1) } : e;
}

/** The clipboard delay typed: a whole number of seconds; what is no number is sent as 0, which the backend refuses next to the field. */
export function clipboardSecs(text: string): number {
  const secs = Number(text.trim());
  return Number.isFinite(secs) ? Math.trunc(secs) : 0;
}

// ---- the list ----

/** Expired, expiring (within 60 days) or valid. */
export function expiryBadge(days: number): Badge {
  return statusBadge(days < 0 ? 'expired' : days <= EXPIRING_DAYS ? 'expiring' : 'valid');
}

/** Where an item opens: its token, or (an integration secret) the integrations list. */
export function expiryHref(e: Expiry): string {
  return e.token_id !== null ? `#/tokens/${e.token_id}` : '#/integrations';
}

/** Soonest first, then by key (as the backend sorts). */
export function sortExpiries(list: readonly Expiry[]): Expiry[] {
  return [...list].sort((a, b) => (a.expires_on < b.expires_on ? -1 : a.expires_on > b.expires_on ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The label (catalogue key) of an integration secret's field, e.g. `password` → Senha; null when no type declares it. */
export function secretLabelKey(types: readonly IntegrationTypeSpec[], field: string): string | null {
  for (const s of types) for (const f of s.fields) if (f.key === field && f.kind === 'secret') return f.label_key;
  return null;
}
