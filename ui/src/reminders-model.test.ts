import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Expiry } from './bindings/Expiry';
import { translate } from './i18n';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import TYPES_JSON from './integration-types.gen.json';

const TYPES = TYPES_JSON as IntegrationTypeSpec[];
import {
  addThresholds,
  clipboardSecs,
  DEFAULT_QUIET,
  DEFAULT_THRESHOLDS,
  expiryBadge,
  expiryHref,
  secretLabelKey,
  settingsErrors,
  sortExpiries,
  thresholdLabel,
  thresholdsProblem,
  validTime,
} from './reminders-model';

const t = (key: string, params?: Record<string, string | number>) => translate('it', key, params);
const n = (x: number) => new Intl.NumberFormat('it').format(x);

describe('thresholds', () => {
  test('the defaults are the Rust core\'s', () => {
    const rust = readFileSync(fileURLToPath(new URL('../../src-tauri/crates/ponte-core/src/reminders.rs', import.meta.url)), 'utf8');
    const m = /DEFAULT_THRESHOLDS: \[u32; \d+\] = \[([^\]]+)\]/.exec(rust);
    expect(m?.[1]?.split(',').map((s) => Number(s.trim()))).toEqual([...DEFAULT_THRESHOLDS]);
    const quiet = /start: "(\d\d:\d\d)"\.into\(\),\s*end: "(\d\d:\d\d)"/.exec(rust);
    expect([quiet?.[1], quiet?.[2]]).toEqual([DEFAULT_QUIET.start, DEFAULT_QUIET.end]);
  });

  test('checked like reminders::check_thresholds', () => {
    expect(thresholdsProblem([60, 30, 7, 1, 0])).toBeNull();
    expect(thresholdsProblem([7, 7])).toBe('error.reminders.thresholds_duplicate');
    expect(thresholdsProblem([-1])).toBe('error.reminders.thresholds_range');
    expect(thresholdsProblem([3651])).toBe('error.reminders.thresholds_range');
    expect(thresholdsProblem([1.5])).toBe('error.reminders.thresholds_range');
    expect(thresholdsProblem([])).toBe('error.reminders.thresholds_count');
    expect(thresholdsProblem([...Array(11).keys()])).toBe('error.reminders.thresholds_count');
  });

  test('adding what was typed: sorted, most distant first; duplicates and negatives refused', () => {
    expect(addThresholds(DEFAULT_THRESHOLDS, '14')).toEqual({ ok: true, list: [60, 30, 14, 7, 1, 0] });
    expect(addThresholds([30], ' 90, 3 ')).toEqual({ ok: true, list: [90, 30, 3] });
    expect(addThresholds(DEFAULT_THRESHOLDS, '30')).toEqual({ ok: false, key: 'error.reminders.thresholds_duplicate' });
    expect(addThresholds([], '5 5')).toEqual({ ok: false, key: 'error.reminders.thresholds_duplicate' });
    expect(addThresholds(DEFAULT_THRESHOLDS, '-3')).toEqual({ ok: false, key: 'error.reminders.thresholds_range' });
    expect(addThresholds(DEFAULT_THRESHOLDS, '−3')).toEqual({ ok: false, key: 'error.reminders.thresholds_range' });
    expect(addThresholds(DEFAULT_THRESHOLDS, '4000')).toEqual({ ok: false, key: 'error.reminders.thresholds_range' });
    expect(addThresholds(DEFAULT_THRESHOLDS, 'due')).toEqual({ ok: false, key: 'error.reminders.threshold_number' });
    expect(addThresholds(DEFAULT_THRESHOLDS, '2.5')).toEqual({ ok: false, key: 'error.reminders.threshold_number' });
    expect(addThresholds(DEFAULT_THRESHOLDS, '  ')).toEqual({ ok: false, key: 'error.reminders.threshold_number' });
    expect(addThresholds([...Array(10).keys()], '20')).toEqual({ ok: false, key: 'error.reminders.thresholds_count' });
  });

  test('as a chip says it', () => {
    expect(thresholdLabel(t, n, 60)).toBe('60 giorni');
    expect(thresholdLabel(t, n, 1)).toBe('1 giorno');
    expect(thresholdLabel(t, n, 0)).toBe('il giorno stesso');
    expect(thresholdLabel(t, n, 1000)).toBe('1000 giorni'.replace('1000', n(1000)));
  });
});

test('quiet hours are HH:MM', () => {
  expect(['22:00', '08:00', '00:00', '23:59'].every(validTime)).toBe(true);
  expect(['24:00', '8:00', '22:60', '22h', ''].some(validTime)).toBe(false);
});

describe('settings', () => {
  test("a refused save: messages next to the card's fields, the rest on top, no \"check the fields\" heading", () => {
    const reply = {
      code: 'invalid_input',
      key: 'error.invalid_input',
      field: null,
      fields: [
        { field: 'quiet_end', key: 'error.reminders.time', params: {} },
        { field: 'other', key: 'error.field.required', params: {} },
      ],
      params: {},
    };
    expect(settingsErrors(reply)).toEqual({
      fields: { quiet_end: [{ key: 'error.reminders.time', params: {} }] },
      summary: [{ key: 'error.field.required', params: {} }],
    });
    // Not the fields' fault (the database): said on top.
    expect(settingsErrors({ code: 'database', key: 'error.database', field: null, fields: [], params: { detail: 'locked' } })).toEqual({
      fields: {},
      summary: [{ key: 'error.database', params: { detail: 'locked' } }],
    });
  });

  test('the clipboard delay typed: whole seconds; no number is 0 (refused by the backend)', () => {
    expect([' 45 ', '30.7', '', 'abc', '-5'].map(clipboardSecs)).toEqual([45, 30, 0, 0, -5]);
  });
});

describe('expiring credentials', () => {
  const e = (o: Partial<Expiry>): Expiry => ({
    key: 'token:1',
    label: 'Ericsoft 2023 (Bellavista Booking)',
    integration: 'Hotel Bellavista',
    integration_id: 3,
    token_id: 1,
    expires_on: '2026-12-13',
    days_left: 18,
    ...o,
  });

  test('a badge from the days left', () => {
    expect(expiryBadge(18).key).toBe('tokens.status.expiring');
    expect(expiryBadge(60).key).toBe('tokens.status.expiring');
    expect(expiryBadge(61).key).toBe('tokens.status.valid');
    expect(expiryBadge(0).key).toBe('tokens.status.expiring');
    expect(expiryBadge(-1).key).toBe('tokens.status.expired');
  });

  test('a token opens itself; an integration secret opens the integrations', () => {
    expect(expiryHref(e({}))).toBe('#/tokens/1');
    expect(expiryHref(e({ key: 'secret:2:password', token_id: null, integration_id: 2 }))).toBe('#/integrations');
  });

  test('soonest first, ties by key', () => {
    const list = [e({ key: 'token:2', expires_on: '2028-01-01' }), e({ key: 'secret:2:password', expires_on: '2026-12-13' }), e({ key: 'token:1' })];
    expect(sortExpiries(list).map((x) => x.key)).toEqual(['secret:2:password', 'token:1', 'token:2']);
  });
});

describe('secret labels', () => {
  test("a secret's field key is shown with its form label", () => {
    const key = secretLabelKey(TYPES, 'password');
    expect(key).toBe('integration.infotravel.password.label');
    expect(translate('pt-BR', key ?? '')).toBe('Senha da API');
    expect(secretLabelKey(TYPES, 'url')).toBeNull();
    expect(secretLabelKey([], 'password')).toBeNull();
  });
});
