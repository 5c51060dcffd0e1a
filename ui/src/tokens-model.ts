// Tokens de API: dates, status, rotation steps, the copy countdown and form errors, free of the DOM so they
// can be unit-tested. The backend computes status and days left; the same rules here give the form its
// defaults and the mock its replies (ponte-core's tokens.rs and reminders.rs).
import type { ApiToken } from './bindings/ApiToken';
import type { TokenStatus } from './bindings/TokenStatus';
import type { Params } from './i18n';
import type { FormErrors as FE } from './form-errors';
import { withFieldErrors } from './form-errors';

type T = (key: string, params?: Params) => string;

/** PayTourist: a token is valid 36 months; its guide also mentions 12. */
export const DEFAULT_VALIDITY_MONTHS = 36;
export const SHORT_VALIDITY_MONTHS = 12;
/** A token is "expiring" this many days before its expiry (the first reminder threshold). */
export const EXPIRING_DAYS = 60;
/** How long the backend leaves a copied token on the clipboard. */
export const CLIPBOARD_SECONDS = 30;

const DAY_MS = 86_400_000;

/** `d`'s calendar day where the user is, as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The day number (days since 1970-01-01) of a valid YYYY-MM-DD, else null. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** `to` − `from` in days (null if either is not a date). */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (YYYY-MM-DD) as the locale writes it (25/11/2026). Not through `new Date(iso)`, which
 * reads it as UTC midnight and shows the day before west of Greenwich (Brazil).
 */
export function formatDay(locale: string, iso: string): string {
  const n = dayNumber(iso);
  if (n === null) return iso;
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  return f.format(new Date(n * DAY_MS));
}

/** The order a locale writes a day's parts in, as formatDay does ("dmy" for 25/11/2026, "mdy" for 11/25/2026). */
function dayOrder(locale: string): 'dmy' | 'mdy' | 'ymd' {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 10, 25)))
    .map((p) => p.type)
    .filter((x) => x === 'day' || x === 'month' || x === 'year');
  return parts[0] === 'month' ? 'mdy' : parts[0] === 'year' ? 'ymd' : 'dmy';
}

/**
 * What was typed in a date field, as YYYY-MM-DD: the locale's own way (25/11/2026, 25.11.2026, 11/25/2026
 * in English) or ISO; null when it is not a date. Date fields are text fields: a native date picker shows
 * the operating system's format, not the app's language.
 */
export function parseDay(locale: string, text: string): string | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return dayNumber(s) === null ? null : s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), m[3] ?? ''];
  const [d, mo] = dayOrder(locale) === 'mdy' ? [b, a] : [a, b];
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return dayNumber(iso) === null ? null : iso;
}

/** What a date field sends: the day as YYYY-MM-DD, what was typed if it is no date (the backend says so next to the field), or null when empty. */
export function dayValue(locale: string, text: string): string | null {
  const s = text.trim();
  if (s === '') return null;
  return parseDay(locale, s) ?? s;
}

/** `iso` + `months`, clamped to the month's last day (2024-02-29 + 36 months = 2027-02-28), like chrono. */
export function addMonths(iso: string, months: number): string | null {
  if (dayNumber(iso) === null) return null;
  const [y, m, d] = iso.trim().split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ponte-core's tokens::status: rejected (last live check said 401) wins, then expired, expiring, valid. */
export function tokenStatus(expiresOn: string, lastCheck: string | null, today: string): { status: TokenStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, expiresOn) ?? Number.MIN_SAFE_INTEGER;
  const status: TokenStatus =
    lastCheck === 'rejected' ? 'rejected' : daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_DAYS ? 'expiring' : 'valid';
  return { status, daysLeft };
}

export interface Badge {
  key: string;
  cls: string;
  /** What to do about it (tooltip and screen-reader text), if anything. */
  hint: string | null;
}

const BADGES: Record<TokenStatus, Badge> = {
  valid: { key: 'tokens.status.valid', cls: 'badge-ok', hint: null },
  expiring: { key: 'tokens.status.expiring', cls: 'badge-off', hint: 'tokens.status_hint.expiring' },
  expired: { key: 'tokens.status.expired', cls: 'badge-failing', hint: 'tokens.status_hint.expired' },
  rejected: { key: 'tokens.status.rejected', cls: 'badge-failing', hint: 'error.supplier.token_rejected' },
};

export function statusBadge(s: TokenStatus): Badge {
  return BADGES[s];
}

/** Days left in words: "em 30 dias", "vence hoje", "venceu há 3 dias". */
export function daysLeftText(t: T, formatNumber: (n: number) => string, days: number): string {
  if (days === 0) return t('tokens.days.today');
  if (days === 1) return t('tokens.days.one');
  if (days === -1) return t('tokens.days.ago_one');
  if (days < 0) return t('tokens.days.ago', { days: formatNumber(-days) });
  return t('tokens.days.left', { days: formatNumber(days) });
}

/** The last live check failed for a reason other than PayTourist refusing the token (network, 5xx…). */
export function lastCheckFailed(x: ApiToken): boolean {
  return x.last_check !== null && x.last_check !== 'ok' && x.last_check !== 'rejected';
}

/**
 * The "Verificado" cell's full text: when, and why the check failed if it did. The failure's own message may
 * name parameters this reply does not carry: they are shown as "…".
 */
export function verifiedText(t: T, formatDateTime: (iso: string) => string, x: ApiToken): string {
  if (!x.last_verified_at) return t('tokens.never_verified');
  if (!lastCheckFailed(x)) return t('tokens.verified_at', { date: formatDateTime(x.last_verified_at) });
  return t('tokens.check_failed', {
    date: formatDateTime(x.last_verified_at),
    message: t(`error.supplier.${x.last_check ?? ''}`).replace(/\{[A-Za-z0-9_]+\}/g, '…'),
  });
}

/** All a token shows of itself once saved (kept on one line). */
export function masked(last4: string): string {
  return `••••\u00a0${last4}`;
}

// ---- rotation (Substituir) ----

/** The steps the backend records on the new token, in order. */
export const ROTATION_STEPS = ['added', 'verified', 'activated', 'pasted', 'done'] as const;
export type RotationStep = (typeof ROTATION_STEPS)[number];
export const ROTATION_STEP_COUNT = 5;

/**
 * The wizard's step to show for the new token's recorded step: 1 paste, 2 verify, 3 activate, 4 paste into
 * the hotel software, 5 delete the old one; 6 finished. No new token yet is step 1.
 */
export function rotationStage(step: string | null | undefined): number {
  switch (step) {
    case 'added':
      return 2;
    case 'verified':
      return 3;
    case 'activated':
      return 4;
    case 'pasted':
      return 5;
    case 'done':
      return 6;
    default:
      return 1;
  }
}

/** Where each wizard step stands: done, current or still to do. */
export function stepState(n: number, current: number): 'done' | 'current' | 'todo' {
  return n < current ? 'done' : n === current ? 'current' : 'todo';
}

/**
 * The wizard's main button for step `view`: save the paste, verify (or go on once verified), activate, "pasted",
 * delete the old token (or go on when it is gone already); Close once finished.
 */
export function rotationNextKey(view: number, verified: boolean, oldExists: boolean): string {
  switch (view) {
    case 1:
      return 'tokens.form.save';
    case 2:
      return verified ? 'tokens.rotation.next' : 'tokens.action.verify';
    case 3:
      return 'tokens.rotation.step3';
    case 4:
      return 'tokens.rotation.pasted';
    case 5:
      return oldExists ? 'tokens.rotation.delete_old' : 'tokens.rotation.next';
    default:
      return 'common.close';
  }
}

export interface Rotation {
  /** The token being replaced (null if it is gone already). */
  old: ApiToken | null;
  /** The replacement, once pasted. */
  next: ApiToken | null;
}

const inProgress = (t: ApiToken) => t.replaces !== null && t.rotation_step !== 'done';

/** The unfinished rotation `token` takes part in (as the old or the new token), if any. */
export function rotationOf(tokens: readonly ApiToken[], token: ApiToken): Rotation | null {
  if (inProgress(token)) return { old: tokens.find((x) => x.id === token.replaces) ?? null, next: token };
  const next = tokens.find((x) => x.replaces === token.id && inProgress(x));
  return next ? { old: token, next } : null;
}

/** What Substituir opens for `token`: its unfinished rotation, or a new one replacing it. */
export function rotationFor(tokens: readonly ApiToken[], token: ApiToken): Rotation {
  return rotationOf(tokens, token) ?? { old: token, next: null };
}

/** Opening `token` from the tray or a notification goes straight into its rotation: one is under way, or it is not valid. */
export function needsRotation(tokens: readonly ApiToken[], token: ApiToken): boolean {
  return rotationOf(tokens, token) !== null || token.status !== 'valid';
}

// ---- the copy countdown ----

/** Whole seconds left of `seconds` started at `startedMs` (0 once over). */
export function secondsLeft(startedMs: number, seconds: number, nowMs: number): number {
  const left = Math.ceil((startedMs + seconds * 1000 - nowMs) / 1000);
  return Math.max(0, Math.min(seconds, left));
}

// ---- the route #/tokens/<id> ----

/** The token id in `#/tokens/<id>` (what the tray and notifications open), else null. */
export function tokenIdFromHash(hash: string): number | null {
  const m = /^#\/tokens\/(\d+)\/?$/.exec(hash);
  return m ? Number(m[1]) : null;
}

// ---- forms ----

export type FormErrors = FE<string>;
export { firstInvalid, NO_ERRORS, splitErrors } from './form-errors';

export function withoutField(errors: FormErrors, field: string): FormErrors {
  return withFieldErrors(errors, field, []);
}

/** A software name as shown: the list's "Other" in the user's language. */
export function softwareLabel(t: T, s: string): string {
  return s === 'Other' ? t('tokens.software.other') : s;
}
