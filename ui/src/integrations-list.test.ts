import { describe, expect, test } from 'vitest';
import type { Integration } from './bindings/Integration';
import { translate } from './i18n';
import { failureText, integrationHost, lastTestTitle, nextIntegrationSort, sortIntegrations, statusBadges } from './integrations-list';

const base: Integration = {
  id: 1,
  type: 'infotravel',
  description: 'BWT',
  person_id: 1,
  person_name: 'BWT Operadora Ltda',
  values: { url: 'https://bwt.infotravel.com.br/x', supplier_id: 'BWT' },
  secrets_set: ['password'],
  enabled: true,
  last_test: null,
  last_success_at: null,
  last_import_at: null,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
};
const t = (key: string, params?: Record<string, string | number>) => translate('pt-BR', key, params);
const iso = (s: string) => s;

describe('status', () => {
  test('enabled/disabled and how the last test went', () => {
    expect(statusBadges(base)).toEqual({
      enabled: { key: 'integrations.status.enabled', cls: 'badge-on' },
      test: { key: 'integrations.status.untested', cls: 'badge-untested' },
    });
    const failing = { ...base, enabled: false, last_test: { at: '2026-11-25T10:00:00Z', ok: false, code: 'ip_not_allowed' } };
    expect(statusBadges(failing).enabled.key).toBe('integrations.status.disabled');
    expect(statusBadges(failing).test.key).toBe('integrations.status.failing');
    expect(statusBadges({ ...base, last_test: { at: 'x', ok: true, code: null } }).test.cls).toBe('badge-ok');
  });

  test("a failure's tooltip is the supplier error's text: host filled in, details not kept shown as …", () => {
    expect(integrationHost(base)).toBe('bwt.infotravel.com.br');
    expect(integrationHost({ ...base, values: { comune: 'firenze' } })).toBeNull();
    const at = '2026-11-25T10:00:00Z';
    const dns = { ...base, last_test: { at, ok: false, code: 'network_dns' } };
    expect(failureText(t, dns)).toBe(t('error.supplier.network_dns', { host: 'bwt.infotravel.com.br' }));
    const server = { ...base, last_test: { at, ok: false, code: 'server_error' } };
    expect(failureText(t, server)).toContain('HTTP …');
    expect(failureText(t, server)).not.toMatch(/\{/);
    expect(lastTestTitle(t, iso, dns)).toBe(
      t('integrations.status.failed_at', { date: at, message: t('error.supplier.network_dns', { host: 'bwt.infotravel.com.br' }) }),
    );
    expect(lastTestTitle(t, iso, { ...base, last_test: { at, ok: true, code: null } })).toBe(t('integrations.status.ok_at', { date: at }));
    expect(lastTestTitle(t, iso, base)).toBe(t('integrations.status.never_tested'));
  });
});

test('sorting: by description, type label, last good test (never tested last)', () => {
  const list: Integration[] = [
    { ...base, id: 1, description: 'b', type: 'wooba', last_success_at: '2026-01-02T00:00:00Z' },
    { ...base, id: 2, description: 'A', type: 'infotravel', last_success_at: null },
    { ...base, id: 3, description: 'c', type: 'paytourist', last_success_at: '2026-03-01T00:00:00Z' },
  ];
  const collator = new Intl.Collator('pt-BR', { sensitivity: 'base' });
  const label = (ty: string) => ({ wooba: 'Wooba API Sales', infotravel: 'Infotravel', paytourist: 'PayTourist' })[ty] ?? ty;
  const ids = (key: 'description' | 'type' | 'last_success', dir: 'asc' | 'desc') => sortIntegrations(list, { key, dir }, collator, label).map((i) => i.id);
  expect(ids('description', 'asc')).toEqual([2, 1, 3]);
  expect(ids('description', 'desc')).toEqual([3, 1, 2]);
  expect(ids('type', 'asc')).toEqual([2, 3, 1]);
  expect(ids('last_success', 'asc')).toEqual([1, 3, 2]);
  expect(ids('last_success', 'desc')).toEqual([3, 1, 2]);
  expect(nextIntegrationSort({ key: 'type', dir: 'asc' }, 'type')).toEqual({ key: 'type', dir: 'desc' });
  expect(nextIntegrationSort({ key: 'type', dir: 'desc' }, 'description')).toEqual({ key: 'description', dir: 'asc' });
});
