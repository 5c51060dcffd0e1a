import { describe, expect, test } from 'vitest';
import type { Expiry } from './bindings/Expiry';
import type { Failing } from './bindings/Failing';
import { chartData, expiryHref, failureKey, urgency } from './home-model';

const expiry = (days_left: number, token_id: number | null = 3): Expiry => ({
  key: 'token:3',
  label: 'Gestionale',
  integration: 'PayTourist',
  integration_id: 1,
  token_id,
  expires_on: '2027-01-01',
  days_left,
});

const failing = (f: Partial<Failing>): Failing => ({
  integration_id: 1,
  description: 'BWT',
  test_code: null,
  test_at: null,
  import_code: null,
  import_outcome: null,
  import_at: null,
  ...f,
});

describe('Início', () => {
  test('urgency bands and where each expiry opens', () => {
    expect([-1, 0, 7, 8, 30, 31].map((d) => urgency(expiry(d)))).toEqual(['expired', 'critical', 'critical', 'soon', 'soon', 'later']);
    expect(expiryHref(expiry(5))).toBe('#/tokens/3');
    expect(expiryHref(expiry(5, null))).toBe('#/integrations');
  });

  test('a failure names its fix when the catalogue has one without missing details', () => {
    const has = (k: string) => ({ 'error.supplier.invalid_credentials': 'Update the credentials', 'error.supplier.network_dns': 'Cannot find {host}' })[k];
    expect(failureKey(failing({ test_code: 'invalid_credentials' }), has)).toBe('error.supplier.invalid_credentials');
    expect(failureKey(failing({ test_code: 'network_dns' }), has)).toBe('home.failing.test_failed');
    expect(failureKey(failing({ import_code: 'nope', import_outcome: 'failed' }), has)).toBe('home.failing.import_failed');
  });

  test('chart points sit at noon UTC of each day', () => {
    const [x, y] = chartData({ sales_per_day: [{ day: '2026-12-01', sales: 4 }] } as never);
    expect(new Date((x[0] ?? 0) * 1000).toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(y).toEqual([4]);
  });
});
