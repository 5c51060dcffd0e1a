import { describe, expect, test } from 'vitest';
import type { ImportRun } from './bindings/ImportRun';
import type { Progress } from './bindings/Progress';
import { catalogue } from './i18n';
import { elapsedMs, formatDuration, formatShortDuration, percent, progressLines, runCountLines, runError } from './import-progress';
import { itemMatches, worthImporting } from './import-preview';

const counts = { new: 0, updated: 0, unchanged: 0, flagged: 0, unmapped: 0, errors: 0 };
const progress = (over: Partial<Progress>): Progress => ({
  run_id: null,
  pages_done: 0,
  pages_total: null,
  sales_done: 0,
  sales_total: null,
  counts,
  elapsed_ms: 0,
  eta_ms: null,
  retry_in_s: null,
  windows_done: 0,
  windows_total: null,
  ...over,
});
const n = (x: number) => new Intl.NumberFormat('pt-BR').format(x);

describe('progress', () => {
  test('percent of pages, else of sales, else unknown', () => {
    expect(percent(null)).toBeNull();
    expect(percent(progress({}))).toBeNull();
    expect(percent(progress({ pages_done: 1, pages_total: 3 }))).toBe(33);
    expect(percent(progress({ pages_done: 3, pages_total: 3 }))).toBe(100);
    expect(percent(progress({ sales_done: 50, sales_total: 200 }))).toBe(25);
    expect(percent(progress({ pages_done: 9, pages_total: 4 }))).toBe(100);
    // A range in periods: by the periods written (a continued run starts where its run stopped).
    expect(percent(progress({ windows_done: 5, windows_total: 20, pages_done: 9 }))).toBe(25);
    expect(percent(progress({ windows_done: 0, windows_total: 1, pages_done: 1, pages_total: 4 }))).toBe(25);
  });

  test('the line of a range in periods names the period being fetched', () => {
    expect(progressLines(progress({ windows_done: 2, windows_total: 13, pages_done: 3, sales_done: 60 }), n)).toEqual([
      { key: 'import.progress.windows', params: { done: '3', total: '13' } },
      { key: 'import.progress.pages_unknown', params: { done: '3' } },
      { key: 'import.progress.sales_unknown', params: { done: '60' } },
    ]);
    expect(progressLines(progress({ windows_done: 13, windows_total: 13, pages_done: 14 }), n)[0]).toEqual({
      key: 'import.progress.windows',
      params: { done: '13', total: '13' },
    });
  });

  test('the line: pages, sales, time left; a retry wait instead of the time left', () => {
    expect(progressLines(null, n)).toEqual([{ key: 'import.progress.waiting', params: {} }]);
    expect(progressLines(progress({ pages_done: 3, pages_total: 12, sales_done: 1500, sales_total: 6000, eta_ms: 61_200 }), n)).toEqual([
      { key: 'import.progress.pages', params: { done: '3', total: '12' } },
      { key: 'import.progress.sales', params: { done: '1.500', total: '6.000' } },
      { key: 'import.progress.eta', params: { time: '1 min 02 s' } },
    ]);
    expect(progressLines(progress({ pages_done: 2, sales_done: 40, retry_in_s: 5, eta_ms: 1000 }), n)).toEqual([
      { key: 'import.progress.pages_unknown', params: { done: '2' } },
      { key: 'import.progress.sales_unknown', params: { done: '40' } },
      { key: 'import.progress.retry', params: { seconds: '5' } },
    ]);
    // The last page: no "0 s left".
    expect(progressLines(progress({ pages_done: 4, pages_total: 4, sales_done: 80, sales_total: 80, eta_ms: 0 }), n)).toHaveLength(2);
  });

  test('durations and ETAs', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(400, 'up')).toBe('1 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 min');
    expect(formatShortDuration(1_400, 'pt-BR')).toBe('1,4 s');
    expect(formatShortDuration(350, 'en')).toBe('0.4 s');
    expect(formatShortDuration(65_000, 'it')).toBe('1 min 05 s');
    expect(elapsedMs('2026-11-25T10:00:00Z', '2026-11-25T10:01:30Z')).toBe(90_000);
    expect(elapsedMs('2026-11-25T10:00:00Z', null)).toBeNull();
  });
});

describe('history errors', () => {
  const run = (code: string | null, detail: string | null): ImportRun => ({
    id: 1,
    integration_id: 1,
    integration: 'X',
    mode: 'dates',
    document: null,
    date_from: '2026-11-01',
    date_to: '2026-11-02',
    started_at: '2026-11-25T10:00:00Z',
    finished_at: '2026-11-25T10:00:05Z',
    outcome: 'failed',
    pages_done: 0,
    pages_total: null,
    counts,
    error_code: code,
    error_detail: detail,
    window_days: 15,
    windows_done: 0,
    windows_total: 1,
    resumes: null,
    resumable: false,
  });
  const has = (k: string) => catalogue('pt-BR')[k];

  test('the fix from the catalogue when it needs no details, else the recorded detail', () => {
    expect(runError(run('invalid_credentials', 'HTTP 401'), has)).toEqual({ key: 'error.supplier.invalid_credentials', detail: null });
    expect(runError(run('integration_disabled', 'disabled'), has)).toEqual({ key: 'error.import.integration_disabled', detail: null });
    // network_dns needs {host}: the detail says more than a text with a hole in it.
    expect(runError(run('network_dns', 'dns error: bwt.example'), has)).toEqual({ key: null, detail: 'dns error: bwt.example' });
    expect(runError(run('something_new', null), has)).toEqual({ key: null, detail: 'something_new' });
    expect(runError(run(null, null), has)).toEqual({ key: null, detail: null });
  });
});

describe('preview list', () => {
  const item = { supplier_sale_id: '1', locators: 'ABC123', sale_date: '2026-11-25', customer_name: 'Ana', total_cents: 100, currency: 'BRL', change: 'new' as const, flagged: true, unmapped: ['CRUZEIRO'], problem: null };
  test('a count tile selects its items', () => {
    expect(itemMatches(item, null)).toBe(true);
    expect(itemMatches(item, 'new')).toBe(true);
    expect(itemMatches(item, 'updated')).toBe(false);
    expect(itemMatches(item, 'flagged')).toBe(true);
    expect(itemMatches(item, 'unmapped')).toBe(true);
    expect(itemMatches({ ...item, change: null }, 'errors')).toBe(true);
    expect(itemMatches(item, 'errors')).toBe(false);
  });
  test('importing is worth it only with new or changed sales', () => {
    expect(worthImporting({ ...counts, unchanged: 5, errors: 2 })).toBe(false);
    expect(worthImporting({ ...counts, updated: 1 })).toBe(true);
  });
});

describe('a run in the history', () => {
  test('its counts in words, one and many, zeros left out', () => {
    expect(runCountLines({ ...counts, new: 1, unchanged: 1200, flagged: 2 }, n)).toEqual({
      main: [
        { key: 'import.history.new_one', params: {} },
        { key: 'import.history.unchanged', params: { count: '1.200' } },
      ],
      extra: [{ key: 'import.history.flagged', params: { count: '2' } }],
    });
    expect(runCountLines(counts, n)).toEqual({ main: [], extra: [] });
  });
});
