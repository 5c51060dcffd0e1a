// The tokens mock must keep the backend's rules, or the browser tests would prove nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Expiry } from '../bindings/Expiry';
import type { TokenSaved } from '../bindings/TokenSaved';
import { ROTATION_STEPS } from '../tokens-model';
import { DEMO_INTEGRATIONS, DEMO_PEOPLE, GOOD_PASSWORD, MockBackend } from './backend';
import { cleanPasted, MockTokens, REJECTED_TOKEN, SOFTWARE } from './tokens';

const rust = (path: string) => readFileSync(fileURLToPath(new URL(`../../../src-tauri/${path}`, import.meta.url)), 'utf8');

function rejection(f: () => unknown): ErrorReply {
  try {
    f();
  } catch (e) {
    return e as ErrorReply;
  }
  throw new Error('did not throw');
}

const NOW = new Date(2026, 10, 25, 10, 0, 0);
const GOOD = 'pt_9f3c1a7e5b2d48c6a0e1f4b7c3d9e2a5k7Q2';
const dates = (expires_on: string | null = null, created_on: string | null = null) => ({ created_on, expires_on });

/** A backend with a PayTourist and a Wooba integration and one Booking user. */
function setup(): { b: MockBackend; user: BookingUser } {
  const b = new MockBackend({
    now: () => NOW,
    seed: DEMO_PEOPLE,
    integrations: DEMO_INTEGRATIONS.filter((i) => i.type !== 'infotravel'),
  });
  const pt = b.integrations.find((i) => i.type === 'paytourist');
  const user = b.handle('booking_user_create', {
    input: { integration_id: pt?.id, name: ' Bellavista Booking ', email: 'booking@bellavista.example.it', software: 'Ericsoft' },
  }) as BookingUser;
  return { b, user };
}

const add = (b: MockBackend, userId: number, token: string, more: Record<string, unknown> = {}) =>
  b.handle('token_add', { bookingUserId: userId, name: 'Ericsoft 2026', token, dates: dates(), replaces: null, ...more }) as TokenSaved;

describe('MockTokens: the contract', () => {
  test('answers exactly the commands of commands/tokens.rs and reminders.rs', () => {
    const names = ['src/commands/tokens.rs', 'src/commands/reminders.rs'].flatMap((f) =>
      [...rust(f).matchAll(/#\[tauri::command\]\s*pub (?:async )?fn (\w+)/g)].map((m) => m[1]),
    );
    expect([...MockTokens.COMMANDS].sort()).toEqual(names.sort());
  });

  test('the software list and the rotation steps are the Rust ones', () => {
    const list = /pub const SOFTWARE: &\[&str\] = &\[([^\]]+)\]/.exec(rust('crates/ponte-core/src/tokens.rs'))?.[1] ?? '';
    expect([...list.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual(SOFTWARE);
    const steps = /\[("added"[^\]]+)\]\.contains\(&step/.exec(rust('src/commands/tokens.rs'))?.[1] ?? '';
    expect([...steps.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual([...ROTATION_STEPS]);
  });

  test('a missing argument is refused like Tauri does (camelCase names only)', () => {
    const { b, user } = setup();
    expect(() => b.handle('token_add', { booking_user_id: user.id, name: 'x', token: GOOD, dates: dates(), replaces: null })).toThrow(
      /missing required key bookingUserId/,
    );
    expect(() => b.handle('token_verify', {})).toThrow(/missing required key id/);
  });
});

describe('MockTokens: Booking users', () => {
  test('created on a PayTourist integration only; name, e-mail and software checked', () => {
    const { b, user } = setup();
    expect(user).toMatchObject({ id: 1, name: 'Bellavista Booking', software: 'Ericsoft', integration: 'Hotel Bellavista (PayTourist Firenze)', tokens: [] });
    const wooba = b.integrations.find((i) => i.type === 'wooba');
    const e = rejection(() => b.handle('booking_user_create', { input: { integration_id: wooba?.id, name: ' ', email: 'reception', software: 'Excel' } }));
    expect(e.code).toBe('invalid_input');
    expect(e.fields.map((f) => [f.field, f.key])).toEqual([
      ['name', 'error.field.required'],
      ['email', 'error.email.invalid'],
      ['software', 'error.field.invalid'],
      ['integration_id', 'error.token.not_paytourist'],
    ]);
    expect(b.handle('booking_software', {})).toEqual(SOFTWARE);
    // Deleting the integration takes its Booking users along (ON DELETE CASCADE).
    b.handle('integration_delete', { id: user.integration_id });
    expect(b.handle('booking_users', {})).toEqual([]);
  });
});

describe('MockTokens: tokens', () => {
  test('the paste is cleaned like tokens::clean_pasted', () => {
    expect(cleanPasted(`  Bearer ${GOOD}\n`)).toEqual({
      value: GOOD,
      notices: [
        { field: 'token', key: 'notice.token_bearer_removed', params: {} },
        { field: 'token', key: 'notice.secret_trimmed', params: {} },
      ],
    });
    expect(cleanPasted(`bearer   ${GOOD}`).value).toBe(GOOD);
    const key = (s: string) => rejection(() => cleanPasted(s)).fields[0]?.key;
    expect(key('pt_9f3c 1a7e')).toBe('error.token.inner_space');
    expect(key('pt_9f3c\t1a7e')).toBe('error.token.inner_space');
    expect(key('pt_9f3c\u00a01a7e')).toBe('error.token.inner_space');
    expect(key('pt_9f3c·1a7e')).toBe('error.token.characters');
    expect(key(' \n ')).toBe('error.field.required');
    // As in Rust: "Bearer" alone is not a prefix (the space went with the trim); PayTourist will refuse it.
    expect(cleanPasted('Bearer  ').value).toBe('Bearer');
    expect(key('x'.repeat(4097))).toBe('error.field.too_long');
  });

  test('add: verified, stored in the keyring, and only the last four characters ever come back', () => {
    const { b, user } = setup();
    const saved = add(b, user.id, `Bearer ${GOOD}`);
    expect(saved.notices.map((n) => n.key)).toEqual(['notice.token_bearer_removed']);
    expect(saved.token).toEqual({
      id: 1,
      booking_user_id: user.id,
      name: 'Ericsoft 2026',
      last4: 'k7Q2',
      created_on: '2026-11-25',
      expires_on: '2029-11-25',
      days_left: 1096,
      status: 'valid',
      active: true,
      replaces: null,
      rotation_step: null,
      last_verified_at: NOW.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      last_check: 'ok',
    } satisfies ApiToken);
    expect(b.keyring.get('token/1/value')).toBe(GOOD);
    const everything = JSON.stringify([saved, b.handle('booking_users', {}), b.handle('expiries_list', {}), b.handle('token_verify', { id: 1 })]);
    expect(everything).not.toContain(GOOD.slice(0, 10));
    expect(b.handle('token_copy', { id: 1 })).toBe(30);
    expect(b.tokens.clipboard).toBe(GOOD);
  });

  test('add: a duplicate, a space inside, a rejected token, bad dates — nothing is stored', () => {
    const { b, user } = setup();
    add(b, user.id, GOOD);
    const fieldKey = (e: ErrorReply) => [e.field, e.fields[0]?.key ?? e.key];
    expect(fieldKey(rejection(() => add(b, user.id, ` ${GOOD} `)))).toEqual(['token', 'error.token.duplicate']);
    expect(fieldKey(rejection(() => add(b, user.id, 'pt_abc def')))).toEqual(['token', 'error.token.inner_space']);
    const rejected = rejection(() => add(b, user.id, REJECTED_TOKEN));
    expect(rejected).toEqual({ code: 'token_rejected', key: 'error.supplier.token_rejected', field: 'token', fields: [], params: {} });
    expect(fieldKey(rejection(() => add(b, user.id, 'pt_other1', { name: ' ' })))).toEqual(['name', 'error.field.required']);
    expect(fieldKey(rejection(() => add(b, user.id, 'pt_other1', { dates: dates('2026-11-25', '2026-11-25') })))).toEqual([
      'expires_on',
      'error.token.expiry_before_creation',
    ]);
    expect(fieldKey(rejection(() => add(b, user.id, 'pt_other1', { dates: dates('31/12/2029') })))).toEqual(['expires_on', 'error.import.date_format']);
    expect([...b.keyring.keys()].filter((k) => k.startsWith('token/'))).toEqual(['token/1/value']);
    // A past expiry is allowed, and said.
    const past = add(b, user.id, 'pt_other1', { dates: dates('2026-11-01', '2023-11-01') });
    expect(past.token.status).toBe('expired');
    expect(past.notices.map((n) => n.key)).toEqual(['notice.token_already_expired']);
    // The second token of a user is not the active one.
    expect(past.token.active).toBe(false);
  });

  test('verify: a 401 marks it rejected and shows a notification; copy, expiry, delete', () => {
    const { b, user } = setup();
    add(b, user.id, GOOD);
    expect((b.handle('token_verify', { id: 1 }) as ApiToken).status).toBe('valid');
    b.tokens.revoke(1);
    const t = b.handle('token_verify', { id: 1 }) as ApiToken;
    expect([t.status, t.last_check]).toEqual(['rejected', 'rejected']);
    expect(b.tokens.notifications).toEqual([{ kind: 'rejected', key: 'token:1' }]);
    const moved = b.handle('token_set_expiry', { id: 1, dates: dates('2026-12-05', '2023-12-05') }) as ApiToken;
    expect([moved.expires_on, moved.days_left]).toEqual(['2026-12-05', 10]);
    expect(rejection(() => b.handle('token_set_expiry', { id: 1, dates: dates('2020-01-01', '2023-12-05') })).fields[0]?.key).toBe(
      'error.token.expiry_before_creation',
    );
    expect(b.handle('token_delete', { id: 1 })).toBeNull();
    expect(b.keyring.has('token/1/value')).toBe(false);
    expect(rejection(() => b.handle('token_copy', { id: 1 })).code).toBe('not_found');
  });

  test('rotation: add with replaces → verified → activated → pasted → delete the old one → done', () => {
    const { b, user } = setup();
    add(b, user.id, GOOD);
    const next = add(b, user.id, 'pt_new_token_0001', { replaces: 1, name: 'Ericsoft 2029' }).token;
    expect([next.rotation_step, next.replaces, next.active]).toEqual(['verified', 1, false]);
    const active = b.handle('token_activate', { id: next.id }) as ApiToken;
    expect([active.rotation_step, active.active]).toEqual(['activated', true]);
    const tokens = () => (b.handle('booking_users', {}) as BookingUser[])[0]?.tokens ?? [];
    expect(tokens().map((t) => [t.id, t.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect((b.handle('token_rotation_step', { id: next.id, step: 'pasted' }) as ApiToken).rotation_step).toBe('pasted');
    expect(rejection(() => b.handle('token_rotation_step', { id: next.id, step: 'later' })).fields[0]).toEqual({
      field: 'step',
      key: 'error.field.invalid',
      params: {},
    });
    b.handle('token_delete', { id: 1 });
    expect(tokens().map((t) => [t.id, t.rotation_step, t.replaces])).toEqual([[2, 'done', null]]);
  });
});

describe('MockTokens: Lembretes', () => {
  test('every expiring credential, soonest first, with days left', () => {
    const { b, user } = setup();
    add(b, user.id, GOOD, { dates: dates('2027-01-10', '2024-01-10') });
    add(b, user.id, 'pt_second_token_02', { name: 'Channel manager' });
    const wooba = b.integrations.find((i) => i.type === 'wooba');
    expect(b.handle('secret_expiry_set', { integrationId: wooba?.id, field: 'password', expiresOn: '2026-12-01' })).toBeNull();
    const list = b.handle('expiries_list', {}) as Expiry[];
    expect(list.map((e) => [e.key, e.label, e.days_left, e.token_id])).toEqual([
      [`secret:${wooba?.id}:password`, 'password', 6, null],
      ['token:1', 'Ericsoft 2026 (Bellavista Booking)', 46, 1],
      ['token:2', 'Channel manager (Bellavista Booking)', 1096, 2],
    ]);
    b.handle('secret_expiry_set', { integrationId: wooba?.id, field: 'password', expiresOn: null });
    expect((b.handle('expiries_list', {}) as Expiry[]).length).toBe(2);
  });

  test('settings: defaults, saved sorted, duplicates / negatives / bad times refused next to their field', () => {
    const { b } = setup();
    expect(b.handle('reminder_settings_get', {})).toEqual({ thresholds: [60, 30, 7, 1, 0], quiet_hours: { start: '22:00', end: '08:00' }, clipboard_clear_secs: 30 });
    const set = (thresholds: number[], start = '22:00', end = '07:30') => b.handle('reminder_settings_set', { input: { thresholds, quiet_hours: { start, end } } });
    const issue = (f: () => unknown) => rejection(f).fields[0];
    expect(set([7, 90, 0])).toEqual({ thresholds: [90, 7, 0], quiet_hours: { start: '22:00', end: '07:30' }, clipboard_clear_secs: 30 });
    const clip = (secs: number) => b.handle('reminder_settings_set', { input: { thresholds: [7], quiet_hours: { start: '22:00', end: '07:30' }, clipboard_clear_secs: secs } });
    expect(issue(() => clip(2))).toEqual({ field: 'clipboard_clear_secs', key: 'error.reminders.clipboard_secs', params: {} });
    expect((clip(45) as { clipboard_clear_secs: number }).clipboard_clear_secs).toBe(45);
    set([90, 7, 0]);
    expect(issue(() => set([7, 7]))).toEqual({ field: 'thresholds', key: 'error.reminders.thresholds_duplicate', params: {} });
    expect(issue(() => set([-1]))?.key).toBe('error.reminders.thresholds_range');
    expect(issue(() => set([]))?.key).toBe('error.reminders.thresholds_count');
    expect(issue(() => set([1], '25:00'))).toEqual({ field: 'quiet_start', key: 'error.reminders.time', params: {} });
    expect(issue(() => set([1], '22:00', '8')))?.toMatchObject({ field: 'quiet_end' });
    expect((b.handle('reminder_settings_get', {}) as { thresholds: number[] }).thresholds).toEqual([90, 7, 0]);
  });

  test('the demo has a Booking user with an expiring and a valid token, and a Wooba password that expires', () => {
    const b = new MockBackend({ now: () => NOW, seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS, tokens: { demo: true } });
    const users = b.handle('booking_users', {}) as BookingUser[];
    expect(users.map((u) => [u.name, u.software, u.tokens.map((t) => [t.status, t.days_left, t.active])])).toEqual([
      [
        'Bellavista Booking',
        'Ericsoft',
        [
          ['expiring', 18, true],
          ['valid', 600, false],
        ],
      ],
    ]);
    expect((b.handle('expiries_list', {}) as Expiry[]).map((e) => e.days_left)).toEqual([18, 45, 600]);
    expect(JSON.stringify(users)).not.toContain('pt_demo');
    expect(GOOD_PASSWORD).toBe('certa');
  });
});
