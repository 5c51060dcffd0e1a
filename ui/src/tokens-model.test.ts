import { describe, expect, test } from 'vitest';
import type { ApiToken } from './bindings/ApiToken';
import type { ErrorReply } from './bindings/ErrorReply';
import { translate } from './i18n';
import { parseHash } from './router';
import {
  addMonths,
  daysBetween,
  dayValue,
  daysLeftText,
  firstInvalid,
  formatDay,
  isoDay,
  lastCheckFailed,
  masked,
  needsRotation,
  parseDay,
  rotationFor,
  rotationOf,
  rotationNextKey,
  rotationStage,
  secondsLeft,
  softwareLabel,
  splitErrors,
  statusBadge,
  stepState,
  tokenIdFromHash,
  tokenStatus,
  verifiedText,
  withoutField,
} from './tokens-model';

const t = (key: string, params?: Record<string, string | number>) => translate('it', key, params);
const n = (x: number) => new Intl.NumberFormat('it').format(x);

const token = (o: Partial<ApiToken> = {}): ApiToken => ({
  id: 1,
  booking_user_id: 1,
  name: 'Ericsoft 2023',
  last4: 'k7Q2',
  created_on: '2023-12-13',
  expires_on: '2026-12-13',
  days_left: 18,
  status: 'expiring',
  active: true,
  replaces: null,
  rotation_step: null,
  last_verified_at: null,
  last_check: null,
  ...o,
});

describe('dates', () => {
  test('months are added like chrono, clamped to the month end (ponte-core reminders::add_months)', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', 36)).toBe('2029-11-25');
    expect(addMonths('2026-11-25', 12)).toBe('2027-11-25');
    expect(addMonths('2029-11-25', -36)).toBe('2026-11-25');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2026-02-30', 1)).toBeNull();
    expect(addMonths('25/11/2026', 1)).toBeNull();
  });

  test('days between two days, across a DST change and a leap day', () => {
    expect(daysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
    expect(daysBetween('x', '2026-11-20')).toBeNull();
  });

  test('a day is written and read the way the language writes it, never shifted by the time zone', () => {
    expect(formatDay('it', '2026-12-13')).toBe('13/12/2026');
    expect(formatDay('pt-BR', '2026-01-02')).toBe('02/01/2026');
    expect(formatDay('en', '2026-01-02')).toBe('01/02/2026');
    expect(formatDay('it', 'nope')).toBe('nope');
    expect(parseDay('it', ' 13/12/2026 ')).toBe('2026-12-13');
    expect(parseDay('pt-BR', '2/1/2026')).toBe('2026-01-02');
    expect(parseDay('it', '13.12.2026')).toBe('2026-12-13');
    expect(parseDay('en', '01/02/2026')).toBe('2026-01-02');
    expect(parseDay('it', '2026-12-13')).toBe('2026-12-13');
    expect(parseDay('it', '31/02/2029')).toBeNull();
    expect(parseDay('it', '13/12/26')).toBeNull();
    expect(dayValue('it', '13/12/2026')).toBe('2026-12-13');
    // Not a date: sent as typed, and the backend says so next to the field.
    expect(dayValue('it', '31/02/2029')).toBe('31/02/2029');
    expect(dayValue('it', '  ')).toBeNull();
  });

  test("today is the user's calendar day, not UTC's", () => {
    expect(isoDay(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
    expect(isoDay(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });
});

describe('status and days left', () => {
  test('rejected wins; then expired, expiring within 60 days, valid', () => {
    const today = '2026-11-25';
    expect(tokenStatus('2029-11-25', null, today)).toEqual({ status: 'valid', daysLeft: 1096 });
    expect(tokenStatus('2027-01-24', 'ok', today)).toEqual({ status: 'expiring', daysLeft: 60 });
    expect(tokenStatus('2027-01-25', 'ok', today).status).toBe('valid');
    expect(tokenStatus('2026-11-25', null, today)).toEqual({ status: 'expiring', daysLeft: 0 });
    expect(tokenStatus('2026-11-24', null, today)).toEqual({ status: 'expired', daysLeft: -1 });
    expect(tokenStatus('2029-11-25', 'rejected', today).status).toBe('rejected');
    expect(tokenStatus('2029-11-25', 'network_dns', today).status).toBe('valid');
  });

  test('each status has its badge, and the bad ones say what to do', () => {
    expect(statusBadge('valid')).toEqual({ key: 'tokens.status.valid', cls: 'badge-ok', hint: null });
    expect(statusBadge('expiring').cls).toBe('badge-off');
    expect(statusBadge('expired').hint).toBe('tokens.status_hint.expired');
    expect(statusBadge('rejected').hint).toBe('error.supplier.token_rejected');
    expect(t(statusBadge('rejected').hint ?? '')).toContain('crea un nuovo token su PayTourist');
  });

  test('days left in words', () => {
    expect(daysLeftText(t, n, 1096)).toBe(`${n(1096)} giorni`);
    expect(daysLeftText(t, n, 12345)).toBe('12.345 giorni');
    expect(daysLeftText(t, n, 1)).toBe('1 giorno');
    expect(daysLeftText(t, n, 0)).toBe('scade oggi');
    expect(daysLeftText(t, n, -1)).toBe('scaduto ieri');
    expect(daysLeftText(t, n, -12)).toBe('scaduto da 12 giorni');
  });

  test('the last check: when, and why it failed when PayTourist could not be reached', () => {
    const when = (iso: string) => iso.slice(0, 10);
    expect(verifiedText(t, when, token())).toBe(t('tokens.never_verified'));
    expect(verifiedText(t, when, token({ last_verified_at: '2026-11-20T10:00:00Z', last_check: 'ok' }))).toBe(t('tokens.verified_at', { date: '2026-11-20' }));
    // Refused is the status badge's to say; a failed check keeps the status and says why.
    expect(lastCheckFailed(token({ last_check: 'rejected' }))).toBe(false);
    const failed = token({ last_verified_at: '2026-11-20T10:00:00Z', last_check: 'timeout' });
    expect(lastCheckFailed(failed)).toBe(true);
    const text = verifiedText(t, when, failed);
    expect(text).toBe(t('tokens.check_failed', { date: '2026-11-20', message: t('error.supplier.timeout').replace(/\{[a-z]+\}/g, '…') }));
    expect(text).not.toContain('{');
  });

  test('a saved token shows only its last four characters', () => {
    expect(masked('k7Q2')).toBe('••••\u00a0k7Q2');
  });

  test('the list\'s "Other" is said in the user\'s language; names stay', () => {
    expect(softwareLabel(t, 'Other')).toBe('Altro');
    expect(softwareLabel(t, 'Ericsoft')).toBe('Ericsoft');
  });
});

describe('rotation', () => {
  test("the wizard resumes at the step after the one the backend recorded", () => {
    expect([null, undefined, 'added', 'verified', 'activated', 'pasted', 'done', 'bogus'].map(rotationStage)).toEqual([1, 1, 2, 3, 4, 5, 6, 1]);
    expect([1, 2, 3].map((s) => stepState(s, 2))).toEqual(['done', 'current', 'todo']);
  });

  test("the wizard's main button says what the step does", () => {
    expect([1, 2, 3, 4, 5, 6].map((v) => rotationNextKey(v, false, true))).toEqual([
      'tokens.form.save',
      'tokens.action.verify',
      'tokens.rotation.step3',
      'tokens.rotation.pasted',
      'tokens.rotation.delete_old',
      'common.close',
    ]);
    // Verified: step 2 only goes on; the old token gone already: step 5 only goes on.
    expect(rotationNextKey(2, true, true)).toBe('tokens.rotation.next');
    expect(rotationNextKey(5, true, false)).toBe('tokens.rotation.next');
  });

  test('finds the unfinished rotation from the old or the new token', () => {
    const old = token({ id: 1 });
    const next = token({ id: 2, name: 'Ericsoft 2026', replaces: 1, rotation_step: 'activated', active: true });
    const other = token({ id: 3, name: 'Channel manager', active: false });
    const all = [old, next, other];
    expect(rotationOf(all, old)).toEqual({ old, next });
    expect(rotationOf(all, next)).toEqual({ old, next });
    expect(rotationOf(all, other)).toBeNull();
    expect(rotationFor(all, other)).toEqual({ old: other, next: null });
    // Finished: the backend sets "done" (and forgets `replaces` once the old token is deleted).
    const done = { ...next, rotation_step: 'done' as const };
    expect(rotationOf([old, done], old)).toBeNull();
    expect(rotationOf([old, done], done)).toBeNull();
    // The old token went away outside the wizard.
    expect(rotationOf([next], next)).toEqual({ old: null, next });
  });

  test('opened from the tray: a token needing replacement opens its rotation, a valid one is only shown', () => {
    const valid = token({ id: 3, status: 'valid' });
    expect(needsRotation([valid], valid)).toBe(false);
    for (const status of ['expiring', 'expired', 'rejected'] as const) expect(needsRotation([token({ status })], token({ status }))).toBe(true);
    // A rotation under way is resumed even when both tokens are still valid.
    const old = token({ id: 1, status: 'valid' });
    const next = token({ id: 2, status: 'valid', replaces: 1, rotation_step: 'added' });
    expect(needsRotation([old, next], old)).toBe(true);
  });
});

describe('the copy countdown', () => {
  test('whole seconds left, never below 0 or above the total', () => {
    const start = 1_000_000;
    expect(secondsLeft(start, 30, start)).toBe(30);
    expect(secondsLeft(start, 30, start + 1)).toBe(30);
    expect(secondsLeft(start, 30, start + 1000)).toBe(29);
    expect(secondsLeft(start, 30, start + 29_001)).toBe(1);
    expect(secondsLeft(start, 30, start + 30_000)).toBe(0);
    expect(secondsLeft(start, 30, start + 99_000)).toBe(0);
    expect(secondsLeft(start, 30, start - 5000)).toBe(30);
  });
});

describe('route', () => {
  test('#/tokens/<id> opens the Tokens screen on that token', () => {
    expect(tokenIdFromHash('#/tokens/12')).toBe(12);
    expect(tokenIdFromHash('#/tokens/12/')).toBe(12);
    expect(tokenIdFromHash('#/tokens')).toBeNull();
    expect(tokenIdFromHash('#/tokens/abc')).toBeNull();
    expect(tokenIdFromHash('#/people/12')).toBeNull();
    expect(parseHash('#/tokens/12')).toBe('tokens');
  });
});

describe('form errors', () => {
  const shown = ['name', 'token', 'created_on', 'expires_on'];

  test("field issues go next to their field; the rest on top, under the backend's summary", () => {
    const reply: ErrorReply = {
      code: 'invalid_input',
      key: 'error.invalid_input',
      field: null,
      fields: [
        { field: 'token', key: 'error.token.inner_space', params: {} },
        { field: 'step', key: 'error.field.invalid', params: {} },
      ],
      params: {},
    };
    const e = splitErrors(reply, shown);
    expect(e.fields).toEqual({ token: [{ key: 'error.token.inner_space', params: {} }] });
    expect(e.summary).toEqual([
      { key: 'error.invalid_input', params: {} },
      { key: 'error.field.invalid', params: {} },
    ]);
    expect(firstInvalid(e, shown)).toBe('token');
    expect(withoutField(e, 'token').fields).toEqual({});
    expect(withoutField(e, 'name')).toBe(e);
  });

  test('PayTourist refusing the pasted token is said next to the token, with the fix', () => {
    const rejected: ErrorReply = { code: 'token_rejected', key: 'error.supplier.token_rejected', field: 'token', fields: [], params: {} };
    expect(splitErrors(rejected, shown)).toEqual({ fields: { token: [{ key: 'error.supplier.token_rejected', params: {} }] }, summary: [] });
    const network: ErrorReply = { code: 'network_dns', key: 'error.supplier.network_dns', field: null, fields: [], params: { host: 'x' } };
    expect(splitErrors(network, shown)).toEqual({ fields: {}, summary: [{ key: 'error.supplier.network_dns', params: { host: 'x' } }] });
  });
});
