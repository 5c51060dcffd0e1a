import { describe, expect, test } from 'vitest';
import type { Expiry } from './bindings/Expiry';
import { expiryChanges, secretExpiries, withStoredExpiries } from './secret-expiry';

const expiry = (key: string, expires_on: string, token_id: number | null = null): Expiry => ({
  key,
  label: key.split(':').at(-1) ?? '',
  integration: 'Rota Sul (Wooba)',
  integration_id: Number(key.split(':')[1]),
  token_id,
  expires_on,
  days_left: 10,
});

describe('secret expiry dates', () => {
  test("the stored dates of one integration's secrets, by field (tokens and other integrations left out)", () => {
    const list = [expiry('secret:2:password', '2027-01-09'), expiry('secret:12:password', '2027-02-01'), expiry('token:2', '2027-03-01', 2), expiry('secret:2:api_key', '2026-12-31')];
    expect(secretExpiries(list, 2)).toEqual({ password: '2027-01-09', api_key: '2026-12-31' });
    expect(secretExpiries(list, 3)).toEqual({});
  });

  test('only what changed is sent: a new date, a date removed; typed the way the language writes dates', () => {
    expect(expiryChanges('pt-BR', ['password'], { password: '09/01/2027' }, { password: '2027-01-09' })).toEqual({ ok: true, changes: [] });
    expect(expiryChanges('pt-BR', ['password'], { password: ' 10/01/2027 ' }, { password: '2027-01-09' })).toEqual({
      ok: true,
      changes: [{ field: 'password', expiresOn: '2027-01-10' }],
    });
    expect(expiryChanges('en', ['password'], { password: '01/10/2027' }, {})).toEqual({ ok: true, changes: [{ field: 'password', expiresOn: '2027-01-10' }] });
    expect(expiryChanges('it', ['password'], { password: '2027-01-10' }, {})).toEqual({ ok: true, changes: [{ field: 'password', expiresOn: '2027-01-10' }] });
    expect(expiryChanges('pt-BR', ['password'], { password: '' }, { password: '2027-01-09' })).toEqual({ ok: true, changes: [{ field: 'password', expiresOn: null }] });
    expect(expiryChanges('pt-BR', ['password', 'token'], {}, {})).toEqual({ ok: true, changes: [] });
  });

  test('a date that is no date is refused next to its field, and nothing is sent', () => {
    expect(expiryChanges('pt-BR', ['password', 'token'], { password: '31/02/2027', token: '01/03/2027' }, {})).toEqual({
      ok: false,
      errors: { password: { key: 'error.import.date_format', params: {} } },
    });
  });

  test('the stored dates fill the empty inputs, shown the language\'s way; a date typed meanwhile wins', () => {
    const format = (iso: string) => iso.split('-').reverse().join('/');
    expect(withStoredExpiries({ password: '01/02/2028', api_key: '' }, { password: '2027-01-09', api_key: '2026-12-31', token: '2027-03-01' }, format)).toEqual({
      password: '01/02/2028',
      api_key: '31/12/2026',
      token: '01/03/2027',
    });
    expect(withStoredExpiries({}, {}, format)).toEqual({});
  });
});
