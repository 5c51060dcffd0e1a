import { afterEach, describe, expect, test } from 'vitest';
import type { DemoStatus } from './bindings/DemoStatus';
import type { Integration } from './bindings/Integration';
import { demoImportTarget, isDemoIntegration, lastDays, NO_DEMO } from './demo';
import { IMPORT_PRESET_EVENT, openImport, takePendingImport } from './import-nav';

const integration = (id: number, type: Integration['type'], enabled = true): Integration => ({
  id,
  type,
  description: `#${id}`,
  person_id: 1,
  person_name: 'BWT',
  values: {},
  secrets_set: [],
  enabled,
  last_test: null,
  last_success_at: null,
  last_import_at: null,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
});

describe('demo', () => {
  test('only an active demo labels its own integrations', () => {
    const st: DemoStatus = { active: true, person_id: 3, integration_ids: [7, 8], set_wooba_settings: true };
    expect(isDemoIntegration(st, 7)).toBe(true);
    expect(isDemoIntegration(st, 9)).toBe(false);
    expect(isDemoIntegration({ ...st, active: false }, 7)).toBe(false);
    expect(isDemoIntegration(null, 7)).toBe(false);
    expect(isDemoIntegration(NO_DEMO, 7)).toBe(false);
  });

  test('the last 30 days, in local dates, across a month and a year', () => {
    expect(lastDays(new Date(2026, 10, 25, 23, 59), 30)).toEqual({ from: '2026-10-26', to: '2026-11-25' });
    expect(lastDays(new Date(2027, 0, 10, 0, 1), 30)).toEqual({ from: '2026-12-11', to: '2027-01-10' });
  });

  test("Importar vendas opens with the demo's first enabled integration, in the order the backend created them", () => {
    const all = [integration(1, 'infotravel'), integration(7, 'infotravel'), integration(8, 'wooba')];
    expect(demoImportTarget([7, 8], all)).toBe(7);
    expect(demoImportTarget([8, 7], all)).toBe(8);
    expect(demoImportTarget([7, 8], [integration(7, 'infotravel', false), integration(8, 'wooba')])).toBe(8);
    expect(demoImportTarget([9, 8], all)).toBe(8);
    expect(demoImportTarget([9], all)).toBeNull();
    expect(demoImportTarget([], all)).toBeNull();
  });
});

describe('import-nav', () => {
  const g = globalThis as { window?: unknown };
  const had = 'window' in g;
  const before = g.window;
  afterEach(() => {
    if (had) g.window = before;
    else delete g.window;
  });

  function fakeWindow(hash: string) {
    const events: string[] = [];
    g.window = { location: { hash }, dispatchEvent: (e: Event) => events.push(e.type) };
    return { events, location: (g.window as { location: { hash: string } }).location };
  }

  test('goes to Importar vendas with the preset, which is taken once', () => {
    const w = fakeWindow('#/integrations');
    openImport({ integrationIds: [7], from: '2026-10-26', to: '2026-11-25' });
    expect(w.location.hash).toBe('#/import');
    expect(w.events).toEqual([]);
    expect(takePendingImport()).toEqual({ integrationIds: [7], from: '2026-10-26', to: '2026-11-25' });
    expect(takePendingImport()).toBeNull();
  });

  test('already there (the demo started from its empty state): an event says a preset is waiting', () => {
    const w = fakeWindow('#/import');
    openImport({ integrationIds: [1], from: '2026-10-26', to: '2026-11-25' });
    expect(w.events).toEqual([IMPORT_PRESET_EVENT]);
    expect(takePendingImport()?.integrationIds).toEqual([1]);
  });
});
