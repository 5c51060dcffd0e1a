import { describe, expect, test } from 'vitest';
import type { Integration } from './bindings/Integration';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import { buildQuery, defaultRange, emptyForm, importable, splitReply } from './import-query';
import TYPES_JSON from './integration-types.gen.json';
import { parseDayInput } from './sales-format';

const NOW = new Date(2026, 10, 25, 10);
const form = (over: Partial<ReturnType<typeof emptyForm>>) => ({ ...emptyForm(NOW, 'pt-BR'), ...over });
const build = (over: Partial<ReturnType<typeof emptyForm>>) => buildQuery(form(over), 'pt-BR');

describe('buildQuery', () => {
  test('by document: spaces around are dropped, case is kept', () => {
    expect(build({ mode: 'document', document: '  AbC123x \t' })).toEqual({ ok: true, query: { mode: 'document', document: 'AbC123x' } });
  });

  test('by document: empty, spaces inside, too long', () => {
    expect(build({ mode: 'document', document: '   ' })).toEqual({ ok: false, errors: { document: { key: 'error.field.required', params: {} } } });
    expect(build({ mode: 'document', document: 'ABC 123' })).toEqual({ ok: false, errors: { document: { key: 'error.import.document_format', params: {} } } });
    expect(build({ mode: 'document', document: 'A'.repeat(101) }).ok).toBe(false);
    expect(build({ mode: 'document', document: 'A'.repeat(100) }).ok).toBe(true);
  });

  test('by dates: the default is yesterday to today, written the locale way, sent as YYYY-MM-DD', () => {
    expect(defaultRange(new Date(2026, 0, 1, 8))).toEqual({ from: '2025-12-31', to: '2026-01-01' });
    expect(emptyForm(NOW, 'pt-BR')).toEqual({ mode: 'dates', document: '', from: '24/11/2026', to: '25/11/2026' });
    expect(emptyForm(NOW, 'en')).toMatchObject({ from: '11/24/2026', to: '11/25/2026' });
    expect(build({})).toEqual({ ok: true, query: { mode: 'dates', from: '2026-11-24', to: '2026-11-25' } });
    expect(buildQuery({ ...emptyForm(NOW, 'en'), from: '11/2/2026' }, 'en')).toEqual({ ok: true, query: { mode: 'dates', from: '2026-11-02', to: '2026-11-25' } });
    expect(build({ from: '2026-11-20' })).toEqual({ ok: true, query: { mode: 'dates', from: '2026-11-20', to: '2026-11-25' } });
  });

  test('by dates: invalid days, order, at most 366 days', () => {
    expect(build({ from: '30/02/2026', to: '' })).toEqual({
      ok: false,
      errors: { from: { key: 'error.import.date_format', params: {} }, to: { key: 'error.import.date_format', params: {} } },
    });
    expect(build({ from: '25/11/2026', to: '24/11/2026' })).toEqual({ ok: false, errors: { to: { key: 'error.import.date_order', params: {} } } });
    expect(build({ from: '01/01/2025', to: '01/01/2026' }).ok).toBe(true);
    expect(build({ from: '31/12/2024', to: '01/01/2026' })).toEqual({ ok: false, errors: { to: { key: 'error.import.range_too_long', params: { days: 366 } } } });
    expect(build({ from: '25/11/2026', to: '25/11/2026' }).ok).toBe(true);
  });

  test('the mode not chosen is ignored', () => {
    expect(build({ mode: 'dates', document: 'A B' }).ok).toBe(true);
    expect(build({ mode: 'document', document: 'X1', from: 'nope' }).ok).toBe(true);
  });
});

describe('typed dates', () => {
  test("the locale's order, separators, short years, ISO, no separators", () => {
    expect(parseDayInput('pt-BR', '25/11/2026')).toBe('2026-11-25');
    expect(parseDayInput('it', '5.1.26')).toBe('2026-01-05');
    expect(parseDayInput('it', ' 05-01-2026 ')).toBe('2026-01-05');
    expect(parseDayInput('en', '11/25/2026')).toBe('2026-11-25');
    expect(parseDayInput('en', '25/11/2026')).toBeNull();
    expect(parseDayInput('pt-BR', '2026-11-25')).toBe('2026-11-25');
    expect(parseDayInput('pt-BR', '25112026')).toBe('2026-11-25');
    for (const bad of ['', '31/11/2026', '29/02/2026', '1/1/123', '12/2026', 'hoje', '25/11/2026x', '123/1/2026']) expect(parseDayInput('pt-BR', bad), bad).toBeNull();
  });
});

describe('splitReply', () => {
  test("the backend's field problems go next to the fields; the rest stays general", () => {
    const e = { code: 'invalid_input', key: 'error.invalid_input', field: 'document', fields: [{ field: 'document', key: 'error.import.document_format', params: {} }], params: {} };
    expect(splitReply(e)).toEqual({ fields: { document: { key: 'error.import.document_format', params: {} } }, general: null });
    const other = { code: 'invalid_credentials', key: 'error.supplier.invalid_credentials', field: null, fields: [], params: {} };
    expect(splitReply(other)).toEqual({ fields: {}, general: other });
    const mixed = { ...e, fields: [...e.fields, { field: 'path', key: 'error.export.extension', params: {} }] };
    expect(splitReply(mixed).general).toBe(mixed);
  });
});

describe('importable', () => {
  const TYPES = TYPES_JSON as IntegrationTypeSpec[];
  const withSales = TYPES.filter((t) => t.has_sales).map((t) => t.type);
  const without = TYPES.filter((t) => !t.has_sales).map((t) => t.type);

  test('the declarations say which types have sales: some do, some do not', () => {
    expect(withSales.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
  });

  test('only types whose spec has sales, enabled first, by description', () => {
    const [a, b] = [withSales[0]!, withSales[withSales.length - 1]!];
    const i = (id: number, type: Integration['type'], description: string, enabled = true) => ({ id, type, description, enabled }) as Integration;
    const list = [i(1, without[0]!, 'A'), i(2, b, 'Zeta'), i(3, a, 'Beta', false), i(4, a, 'alfa')];
    expect(importable(list, new Intl.Collator('pt-BR', { sensitivity: 'base' })).map((x) => x.id)).toEqual([4, 2, 3]);
  });
});
