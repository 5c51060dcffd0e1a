import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Progress } from './bindings/Progress';
import { importApi } from './import-api';
import { salesApi } from './sales-api';

describe('import and sales commands', () => {
  const calls: [string, Record<string, unknown>][] = [];
  beforeEach(() => {
    (globalThis as { window?: unknown }).window ??= globalThis;
    calls.length = 0;
  });
  afterEach(() => clearMocks());

  test('camelCase argument names (Tauri renames the Rust ones) and a Channel for the progress', async () => {
    mockIPC((cmd, args) => {
      calls.push([cmd, args as Record<string, unknown>]);
      return null;
    });
    const q = { mode: 'document' as const, document: 'AB12' };
    await importApi.preview(3, q, () => {});
    await importApi.run(3, q, () => {});
    await importApi.cancel(3);
    await importApi.runs(null);
    await importApi.issues(9);
    const f = { query: '', integration_id: null, kind: null, status: null, flagged_only: true, date_from: null, date_to: null };
    await salesApi.page(f, { sale_date: '2026-11-25', id: 7 }, 100);
    await salesApi.count(f);
    await salesApi.detail(7);
    await salesApi.exportCsv(f, ';');
    expect(calls.map(([c, a]) => `${c}(${Object.keys(a).join(',')})`)).toEqual([
      'import_preview(integrationId,query,onProgress)',
      'import_run(integrationId,query,onProgress)',
      'import_cancel(integrationId)',
      'import_runs(integrationId)',
      'import_issues(runId)',
      'sales_page(filter,cursor,limit)',
      'sales_count(filter)',
      'sale_detail(id)',
      'sales_export_csv(filter,separator,path)',
    ]);
    expect(calls[0]?.[1].query).toEqual(q);
    expect(calls[3]?.[1].integrationId).toBeNull();
    expect(calls[8]?.[1]).toMatchObject({ separator: ';', path: null });
    // The channel goes over IPC as `__CHANNEL__:<id>`, like the real Channel.
    expect(JSON.stringify(calls[0]?.[1].onProgress)).toMatch(/^"__CHANNEL__:\d+"$/);
  });

  test('progress messages sent on the channel reach the callback in order', async () => {
    mockIPC((_cmd, args) => {
      const ch = (args as { onProgress: { id: number } }).onProgress;
      const run = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, d: unknown) => void } }).__TAURI_INTERNALS__.runCallback;
      // Out of order on the wire: the Channel puts them back in order.
      run(ch.id, { index: 1, message: { pages_done: 2 } });
      run(ch.id, { index: 0, message: { pages_done: 1 } });
      return { outcome: 'completed' };
    });
    const seen: number[] = [];
    await importApi.preview(1, { mode: 'dates', from: '2026-11-24', to: '2026-11-25' }, (p: Progress) => seen.push(p.pages_done));
    expect(seen).toEqual([1, 2]);
  });
});
