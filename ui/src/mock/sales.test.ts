// The sales mock must keep the backend's contract (imports.rs, sales.rs), or the browser tests would prove nothing.
import { describe, expect, test } from 'vitest';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { ImportRun } from '../bindings/ImportRun';
import type { Progress } from '../bindings/Progress';
import type { RunSummary } from '../bindings/RunSummary';
import type { SaleDetail } from '../bindings/SaleDetail';
import type { SaleRow } from '../bindings/SaleRow';
import type { SalesFilter } from '../bindings/SalesFilter';
import type { SalesPage } from '../bindings/SalesPage';
import type { MockSalesOptions } from './sales';
import { checkQuery, EXPORT_PATH, locatorNumber, locatorOf } from './sales';
import { DEMO_INTEGRATIONS, DEMO_PEOPLE, MockBackend } from './backend';

const NOW = new Date('2026-11-25T12:00:00Z');
const ATLANTICA = 1; // infotravel, password accepted
const ROTA_SUL = 2; // wooba, wrong password
const PAYTOURIST = 3;
const LITORAL = 4; // disabled

function backend(sales: MockSalesOptions = {}) {
  return new MockBackend({ seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS, now: () => NOW, sales: { pageDelayMs: 0, ...sales } });
}

const filter = (over: Partial<SalesFilter> = {}): SalesFilter => ({
  query: '',
  integration_id: null,
  kind: null,
  status: null,
  flagged_only: false,
  date_from: null,
  date_to: null,
  ...over,
});

async function rejection(p: unknown): Promise<ErrorReply> {
  try {
    await p;
  } catch (e) {
    return e as ErrorReply;
  }
  throw new Error('did not reject');
}

function syncRejection(f: () => unknown): ErrorReply {
  try {
    f();
  } catch (e) {
    return e as ErrorReply;
  }
  throw new Error('did not throw');
}

/** Reads every page of a filter, checking the keyset order on the way. */
function readAll(b: MockBackend, f: SalesFilter, limit = 500): SaleRow[] {
  const out: SaleRow[] = [];
  let cursor: SalesPage['next'] = null;
  for (;;) {
    const page = b.handle('sales_page', { filter: f, cursor, limit }) as SalesPage;
    out.push(...page.rows);
    if (!page.next) return out;
    expect(page.rows).toHaveLength(limit);
    cursor = page.next;
  }
}

const newestFirst = (rows: SaleRow[]) =>
  rows.every((r, i) => {
    const p = rows[i - 1];
    return !p || p.sale_date > r.sale_date || (p.sale_date === r.sale_date && p.id > r.id);
  });

describe('MockSales: the sales table', () => {
  test('a million historic sales, paged newest first with a keyset cursor, deterministic', () => {
    const b = backend({ count: 1_000_000 });
    expect(b.handle('sales_count', { filter: filter() })).toBe(1_000_000);
    const first = b.handle('sales_page', { filter: filter(), cursor: null, limit: 100 }) as SalesPage;
    expect(first.rows).toHaveLength(100);
    expect(first.rows[0]).toMatchObject({ id: 1_000_000, sale_date: '2026-11-23', integration: 'Atlântica Operadora (Infotravel)' });
    expect(newestFirst(first.rows)).toBe(true);
    expect(first.next).toEqual({ sale_date: first.rows[99]?.sale_date, id: first.rows[99]?.id });
    const second = b.handle('sales_page', { filter: filter(), cursor: first.next, limit: 100 }) as SalesPage;
    expect(second.rows[0]?.id).toBe((first.rows[99]?.id ?? 0) - 1);
    // Deep down: a cursor in the middle answers straight away, and the same data comes out each time.
    const deep = { sale_date: '2021-01-01', id: 500_000 };
    const t0 = performance.now();
    const far = b.handle('sales_page', { filter: filter(), cursor: deep, limit: 100 }) as SalesPage;
    expect(performance.now() - t0).toBeLessThan(200);
    expect(far.rows.every((r) => r.sale_date < deep.sale_date || (r.sale_date === deep.sale_date && r.id < deep.id))).toBe(true);
    expect(backend({ count: 1_000_000 }).handle('sales_page', { filter: filter(), cursor: deep, limit: 100 })).toEqual(far);
    // Past the end: an empty page and no cursor.
    expect(b.handle('sales_page', { filter: filter(), cursor: { sale_date: '1900-01-01', id: 1 }, limit: 100 })).toEqual({ rows: [], next: null });
    // The limit is clamped like ponte-core's MAX_PAGE.
    expect((b.handle('sales_page', { filter: filter(), cursor: null, limit: 5000 }) as SalesPage).rows).toHaveLength(500);
  });

  test('filters: each page and the count agree, rows match the filter', () => {
    const b = backend({ count: 200_000 });
    const checks: [Partial<SalesFilter>, (r: SaleRow) => boolean][] = [
      [{ flagged_only: true }, (r) => r.needs_manual_payment],
      [{ kind: 'car_rental' }, (r) => r.kinds.split(',').includes('car_rental')],
      [{ status: 'cancelled', integration_id: ROTA_SUL }, (r) => r.status === 'cancelled' && r.integration_id === ROTA_SUL],
      [{ date_from: '2026-01-01', date_to: '2026-01-31' }, (r) => r.sale_date >= '2026-01-01' && r.sale_date <= '2026-01-31'],
      [{ query: 'giulia rossi' }, (r) => r.customer_name === 'Giulia Rossi'],
    ];
    for (const [over, ok] of checks) {
      const f = filter(over);
      const rows = readAll(b, f);
      expect(rows.length, JSON.stringify(over)).toBeGreaterThan(0);
      expect(rows.length).toBeLessThan(200_000);
      expect(rows.every(ok), JSON.stringify(over)).toBe(true);
      expect(newestFirst(rows)).toBe(true);
      expect(b.handle('sales_count', { filter: f })).toBe(rows.length);
    }
    // A product kind that no sale of the integration has, an impossible date range: nothing.
    expect(b.handle('sales_count', { filter: filter({ date_from: '2030-01-01' }) })).toBe(0);
  });

  test('search by document is exact and case-sensitive; by customer name, case-insensitive', () => {
    const b = backend({ count: 50_000 });
    const row = (b.handle('sales_page', { filter: filter(), cursor: { sale_date: '2026-06-01', id: 40_000 }, limit: 1 }) as SalesPage).rows[0];
    expect(row).toBeDefined();
    if (!row) return;
    const locator = row.locators.split(' ')[0] ?? '';
    expect(locator).toMatch(/^[0-9A-Z]{6}$/);
    for (const q of [row.supplier_sale_id, locator, ` ${locator} `]) {
      const rows = readAll(b, filter({ query: q }));
      expect(rows.map((r) => r.id), q).toContain(row.id);
      expect(rows.every((r) => r.supplier_sale_id === q.trim() || r.locators.split(' ').includes(q.trim()))).toBe(true);
    }
    expect(b.handle('sales_count', { filter: filter({ query: locator.toLowerCase() }) })).toBe(0);
    expect(b.handle('sales_count', { filter: filter({ query: row.supplier_sale_id.slice(0, -1) }) })).toBe(0);
    const name = row.customer_name ?? '';
    const byName = readAll(b, filter({ query: name.toUpperCase() }));
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((r) => r.customer_name === name)).toBe(true);
  });

  test('locators are a bijection of their number', () => {
    for (const n of [0, 1, 4, 123_456, 4_000_003, 1_400_000_000]) {
      expect(locatorNumber(locatorOf(n))).toBe(n);
    }
    expect(locatorNumber('abc123')).toBeNull();
    expect(locatorNumber('ABC12')).toBeNull();
  });

  test('a sale in detail: products with passengers, payments, the supplier JSON; flagged ones lack the agency payment', () => {
    const b = backend({ count: 20_000 });
    const rows = readAll(b, filter({ flagged_only: true }));
    const d = b.handle('sale_detail', { id: rows[0]?.id }) as SaleDetail;
    expect(d.sale).toEqual(rows[0]);
    expect(d.products.length).toBeGreaterThan(0);
    expect(d.products.every((p) => p.passengers.length > 0)).toBe(true);
    const paid = d.payments.reduce((s, p) => s + p.amount_cents, 0);
    expect(paid).toBeLessThan(d.sale.total_cents);
    expect(d.products.reduce((s, p) => s + (p.amount_cents ?? 0), 0)).toBe(d.sale.total_cents);
    const raw = JSON.parse(d.raw) as Record<string, unknown>;
    expect(String(d.sale.integration_id === ROTA_SUL ? raw.SaleId : (raw.reserva as { id: number }).id)).toBe(d.sale.supplier_sale_id);
    const plain = readAll(b, filter({ status: 'confirmed' })).find((r) => !r.needs_manual_payment);
    const e = b.handle('sale_detail', { id: plain?.id }) as SaleDetail;
    expect(e.payments.reduce((s, p) => s + p.amount_cents, 0)).toBe(e.sale.total_cents);
    expect(syncRejection(() => b.handle('sale_detail', { id: 999_999 })).code).toBe('not_found');
  });

  test('CSV export: the filtered rows, a path; a name that is not .csv is refused', () => {
    const b = backend({ count: 10_000 });
    const f = filter({ flagged_only: true });
    expect(b.handle('sales_export_csv', { filter: f, separator: ';', path: null })).toEqual({
      path: EXPORT_PATH,
      rows: b.handle('sales_count', { filter: f }),
    });
    expect(b.sales.lastExport?.separator).toBe(';');
    const e = syncRejection(() => b.handle('sales_export_csv', { filter: f, separator: ',', path: '/tmp/vendas.txt' }));
    expect(e).toMatchObject({ code: 'invalid_input', field: 'path', fields: [{ field: 'path', key: 'error.export.extension' }] });
  });
});

describe('MockSales: imports', () => {
  const dates = (from: string, to: string) => ({ mode: 'dates', from, to });

  test('the query is checked like ImportQuery::check', () => {
    const field = (q: unknown) => {
      const e = syncRejection(() => checkQuery(q));
      return [e.code, e.fields.map((f) => `${f.field}:${f.key}`).join(' ')];
    };
    expect(checkQuery({ mode: 'document', document: '  AbC123 ' })).toEqual({ mode: 'document', document: 'AbC123' });
    expect(field({ mode: 'document', document: '  ' })).toEqual(['invalid_input', 'document:error.field.required']);
    expect(field({ mode: 'document', document: 'ABC 123' })).toEqual(['invalid_input', 'document:error.import.document_format']);
    expect(field({ mode: 'document', document: 'X'.repeat(101) })).toEqual(['invalid_input', 'document:error.import.document_format']);
    expect(field(dates('2026-11-30', '2026-11-01'))).toEqual(['invalid_input', 'to:error.import.date_order']);
    expect(field(dates('01/11/2026', '2026-02-30'))).toEqual(['invalid_input', 'from:error.import.date_format to:error.import.date_format']);
    expect(field(dates('2024-01-01', '2026-01-01'))).toEqual(['invalid_input', 'to:error.import.range_too_long']);
    expect(syncRejection(() => checkQuery(dates('2024-12-31', '2026-01-01'))).fields[0]?.params).toEqual({ days: '366' });
    expect(checkQuery(dates('2025-01-01', '2026-01-01'))).toMatchObject({ mode: 'dates' });
  });

  test('preview reports progress per page and writes nothing; the run imports, then the same query is unchanged or updated', async () => {
    const b = backend({ pageSize: 10 });
    const seen: Progress[] = [];
    const args = { integrationId: ATLANTICA, query: dates('2026-11-20', '2026-11-22'), onProgress: (p: Progress) => seen.push(p) };
    const preview = (await b.handle('import_preview', args)) as RunSummary;
    expect(preview).toMatchObject({ run_id: null, outcome: 'completed', error: null });
    const c = preview.counts;
    expect(c.new).toBeGreaterThan(40);
    expect(c.updated + c.unchanged).toBe(0);
    expect(preview.items).toHaveLength(c.new + c.errors);
    expect(preview.items.filter((i) => i.flagged)).toHaveLength(c.flagged);
    expect(preview.pages).toBe(seen.length);
    expect(seen.map((p) => p.pages_done)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.every((p) => p.pages_total === preview.pages && p.retry_in_s === null && p.eta_ms !== null)).toBe(true);
    expect(seen.at(-1)?.sales_done).toBe(seen.at(-1)?.sales_total);
    expect(b.handle('sales_count', { filter: filter() })).toBe(0);
    expect(b.handle('import_runs', { integrationId: null })).toEqual([]);

    const run = (await b.handle('import_run', { ...args, onProgress: () => {} })) as RunSummary;
    expect(run).toMatchObject({ run_id: 1, outcome: 'completed', items: [] });
    expect(run.counts).toEqual(c);
    expect(b.handle('sales_count', { filter: filter() })).toBe(c.new);
    expect(b.handle('sales_count', { filter: filter({ flagged_only: true }) })).toBe(c.flagged);
    const [h] = b.handle('import_runs', { integrationId: ATLANTICA }) as ImportRun[];
    expect(h).toMatchObject({ id: 1, integration: 'Atlântica Operadora (Infotravel)', mode: 'dates', date_from: '2026-11-20', date_to: '2026-11-22', outcome: 'completed', pages_done: run.pages, counts: c });
    const issues = b.handle('import_issues', { runId: 1 }) as { kind: string }[];
    expect(issues.filter((i) => i.kind === 'malformed')).toHaveLength(c.errors);
    expect(issues.filter((i) => i.kind === 'unmapped')).toHaveLength(c.unmapped);

    // Idempotent: nothing new; the records the supplier changed since come back as updated, never duplicated.
    const again = (await b.handle('import_preview', { ...args, onProgress: null })) as RunSummary;
    expect(again.counts.new).toBe(0);
    expect(again.counts.updated).toBeGreaterThan(0);
    expect(again.counts.updated + again.counts.unchanged).toBe(c.new);
    await b.handle('import_run', { ...args, onProgress: null });
    expect(b.handle('sales_count', { filter: filter() })).toBe(c.new);
  });

  test('by document: exact and case-sensitive', async () => {
    const b = backend();
    const doc = b.sales.documentFor(ATLANTICA, 3);
    const one = (await b.handle('import_preview', { integrationId: ATLANTICA, query: { mode: 'document', document: doc }, onProgress: null })) as RunSummary;
    expect(one.counts.new).toBe(1);
    expect(one.items[0]?.locators.split(' ')).toContain(doc);
    const none = (await b.handle('import_preview', { integrationId: ATLANTICA, query: { mode: 'document', document: doc.toLowerCase() }, onProgress: null })) as RunSummary;
    expect(none).toMatchObject({ outcome: 'completed', counts: { new: 0, errors: 0 }, items: [] });
  });

  test('cancel stops after the page in progress: whole pages only, outcome cancelled', async () => {
    const b = backend({ pageSize: 10, pageDelayMs: 5 });
    const seen: Progress[] = [];
    const running = b.handle('import_run', {
      integrationId: ATLANTICA,
      query: dates('2026-10-01', '2026-10-31'),
      onProgress: (p: Progress) => {
        seen.push(p);
        if (seen.length === 2) expect(b.handle('import_cancel', { integrationId: ATLANTICA })).toBe(true);
      },
    }) as Promise<RunSummary>;
    const s = await running;
    expect(s.outcome).toBe('cancelled');
    expect(s.pages).toBe(2);
    expect(b.handle('sales_count', { filter: filter() })).toBe(s.counts.new);
    expect(s.counts.new + s.counts.errors).toBe(20);
    expect((b.handle('import_runs', { integrationId: null }) as ImportRun[])[0]).toMatchObject({ outcome: 'cancelled', pages_done: 2 });
    expect(b.handle('import_cancel', { integrationId: ATLANTICA })).toBe(false);
  });

  test('refusals: wrong password fails the run with the fix; disabled, PayTourist, already running', async () => {
    const b = backend({ pageDelayMs: 5 });
    const q = dates('2026-11-20', '2026-11-21');
    const failed = (await b.handle('import_run', { integrationId: ROTA_SUL, query: q, onProgress: null })) as RunSummary;
    expect(failed).toMatchObject({ outcome: 'failed', pages: 0, error: { code: 'invalid_credentials', key: 'error.supplier.invalid_credentials' } });
    expect((b.handle('import_runs', { integrationId: ROTA_SUL }) as ImportRun[])[0]).toMatchObject({ outcome: 'failed', error_code: 'invalid_credentials' });
    expect((await rejection(b.handle('import_preview', { integrationId: LITORAL, query: q, onProgress: null }))).key).toBe('error.import.integration_disabled');
    expect((await rejection(b.handle('import_run', { integrationId: PAYTOURIST, query: q, onProgress: null }))).key).toBe('error.import.not_importable');
    expect((await rejection(b.handle('import_run', { integrationId: 99, query: q, onProgress: null }))).code).toBe('not_found');
    const first = b.handle('import_preview', { integrationId: ATLANTICA, query: q, onProgress: null }) as Promise<RunSummary>;
    expect((await rejection(b.handle('import_run', { integrationId: ATLANTICA, query: q, onProgress: null }))).key).toBe('error.import.import_running');
    expect((await first).outcome).toBe('completed');
    const bad = await rejection(b.handle('import_preview', { integrationId: ATLANTICA, query: { mode: 'document', document: 'AB 12' }, onProgress: null }));
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'document', fields: [{ key: 'error.import.document_format' }] });
  });

  test('a supplier that asks to wait: the progress says when it retries', async () => {
    const b = backend({ pageSize: 10, retryOnPage: 1, retrySeconds: 0.01 });
    const seen: Progress[] = [];
    await b.handle('import_preview', { integrationId: ATLANTICA, query: dates('2026-11-20', '2026-11-21'), onProgress: (p: Progress) => seen.push(p) });
    expect(seen.map((p) => p.retry_in_s)).toEqual([null, 0.01, ...Array<null>(seen.length - 2).fill(null)]);
    expect(seen[1]?.pages_done).toBe(1);
  });

  test('the demo history: completed, cancelled and failed runs, with the sales they imported', () => {
    const b = backend({ history: true });
    const runs = b.handle('import_runs', { integrationId: null }) as ImportRun[];
    expect(runs.map((r) => r.outcome)).toEqual(['completed', 'completed', 'failed', 'cancelled', 'completed']);
    expect(runs.map((r) => r.id)).toEqual([5, 4, 3, 2, 1]);
    expect(runs[2]).toMatchObject({ integration_id: ROTA_SUL, error_code: 'invalid_credentials' });
    expect(runs[0]).toMatchObject({ mode: 'document', date_from: null });
    const stored = b.handle('sales_count', { filter: filter() }) as number;
    expect(stored).toBe(runs.reduce((s, r) => s + r.counts.new, 0));
    expect(readAll(b, filter())).toHaveLength(stored);
  });
});
