// The mock of the demo, the scheduled imports and start-with-the-system (demo.rs, imports.rs, app.rs): the
// browser tests of those screens are only as good as it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { DemoStatus } from '../bindings/DemoStatus';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { ImportRun } from '../bindings/ImportRun';
import type { Integration } from '../bindings/Integration';
import type { RunSummary } from '../bindings/RunSummary';
import { lastDays } from '../demo';
import { DEMO_INTEGRATIONS, DEMO_PEOPLE, DEMO_SIM_URL, DEMO_WOOBA, GOOD_PASSWORD, MockBackend } from './backend';

const NOW = new Date(2026, 10, 25, 10, 0, 0);
const COMMANDS_DIR = fileURLToPath(new URL('../../../src-tauri/src/commands/', import.meta.url));

function rejection(f: () => unknown): ErrorReply {
  try {
    f();
  } catch (e) {
    return e as ErrorReply;
  }
  throw new Error('did not throw');
}

const backend = (over: ConstructorParameters<typeof MockBackend>[0] = {}) =>
  new MockBackend({ now: () => NOW, sales: { pageDelayMs: 0 }, ...over });
const list = (b: MockBackend) => b.handle('integrations_list', { filter: { query: '', type: null, status: null } }) as Integration[];
const runMonth = (b: MockBackend, id: number) =>
  b.handle('import_run', { integrationId: id, query: { mode: 'dates', ...lastDays(NOW, 30) }, onProgress: () => {} }) as Promise<RunSummary>;

describe('mock: the demo', () => {
  test('a labelled company with Infotravel and Wooba integrations on the simulator, which import a month of sales', async () => {
    const b = backend({ locale: 'pt-BR' });
    expect(b.handle('demo_status', {})).toEqual({ active: false, person_id: null, integration_ids: [], set_wooba_settings: false });
    const st = b.handle('demo_start', {}) as DemoStatus;
    expect(st).toMatchObject({ active: true, person_id: 1, set_wooba_settings: true });
    expect(st.integration_ids).toHaveLength(2);
    expect(b.people.map((p) => p.name)).toEqual(['BWT Operadora (demonstração)']);
    const [infotravel, wooba] = st.integration_ids.map((id) => list(b).find((i) => i.id === id));
    expect(infotravel).toMatchObject({ type: 'infotravel', description: 'BWT Operadora (Infotravel) (demonstração)', person_id: 1, enabled: true });
    expect(wooba).toMatchObject({ type: 'wooba', description: 'BWT Operadora (Wooba) (demonstração)' });
    expect(infotravel?.values.url?.startsWith(DEMO_SIM_URL)).toBe(true);
    expect(JSON.stringify(list(b))).not.toContain(GOOD_PASSWORD);
    // The simulator accepts the demo's credentials, and Wooba has its vendor settings.
    for (const id of st.integration_ids) expect(b.handle('integration_test', { id, input: null })).toHaveProperty('key');
    expect(b.woobaSettings().developer_token_set).toBe(true);
    // Started again (another screen, a restart): the same demo.
    expect(b.handle('demo_start', {})).toEqual(st);
    expect(list(b)).toHaveLength(2);
    for (const id of st.integration_ids) {
      const s = await runMonth(b, id);
      expect(s.outcome).toBe('completed');
      expect(s.counts.new).toBeGreaterThan(100);
      expect(s.counts.flagged).toBeGreaterThan(0);
    }
    expect(b.sales.salesCount({})).toBeGreaterThan(200);
  });

  test('removed whole: its integrations with their sales, runs, secrets and schedules, its company, the Wooba settings', async () => {
    const b = backend({ locale: 'it' });
    const st = b.handle('demo_start', {}) as DemoStatus;
    expect(b.people[0]?.name).toBe('BWT Operadora (demo)');
    const [id] = st.integration_ids as [number];
    await runMonth(b, id);
    b.handle('import_schedule_set', { integrationId: id, time: '07:00' });
    expect(b.keyring.size).toBe(3);
    expect(b.handle('demo_remove', {})).toEqual({ active: false, person_id: null, integration_ids: [], set_wooba_settings: false });
    expect(b.handle('demo_status', {})).toMatchObject({ active: false });
    expect(list(b)).toEqual([]);
    expect(b.people).toEqual([]);
    expect(b.sales.salesCount({})).toBe(0);
    expect(b.handle('import_runs', { integrationId: null })).toEqual([]);
    expect(b.handle('import_schedule_get', { integrationId: id })).toBeNull();
    expect(b.keyring.size).toBe(0);
    expect(b.woobaSettings()).toEqual({ developer_token_set: false, public_key_pem: null });
    // Removing twice is harmless.
    expect(b.handle('demo_remove', {})).toMatchObject({ active: false });
  });

  test("the user's own records stay: their Wooba settings (no demo Wooba then), sales, and a company they linked", async () => {
    const b = backend({ seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS, wooba: DEMO_WOOBA, sales: { pageDelayMs: 0, history: true } });
    const runsBefore = (b.handle('import_runs', { integrationId: null }) as ImportRun[]).length;
    const salesBefore = b.sales.salesCount({});
    const st = b.handle('demo_start', {}) as DemoStatus;
    expect(st.set_wooba_settings).toBe(false);
    expect(st.integration_ids.map((id) => list(b).find((i) => i.id === id)?.type)).toEqual(['infotravel']);
    await runMonth(b, st.integration_ids[0] ?? 0);
    // The user linked one of their integrations to the demo company: it stays, with the company.
    const mine = DEMO_INTEGRATIONS[0];
    b.handle('integration_create', {
      input: { type: 'infotravel', description: 'Minha BWT', person_id: st.person_id, values: mine?.values, secrets: { password: 'x' } },
    });
    b.handle('demo_remove', {});
    expect(list(b).map((i) => i.description)).toEqual([...DEMO_INTEGRATIONS.map((i) => i.description), 'Minha BWT'].sort((x, y) => x.localeCompare(y, 'en')));
    expect(b.people.some((p) => p.id === st.person_id)).toBe(true);
    expect(b.woobaSettings().developer_token_set).toBe(true);
    expect(b.sales.salesCount({})).toBe(salesBefore);
    expect((b.handle('import_runs', { integrationId: null }) as ImportRun[]).length).toBe(runsBefore);
  });

  test('refused with the start-up error, like every data command', () => {
    const b = backend({ startupError: { code: 'data_dir', key: 'error.data_dir', field: null, fields: [], params: {} } });
    expect(rejection(() => b.handle('demo_start', {})).code).toBe('data_dir');
  });
});

describe('mock: scheduled imports and start with the system', () => {
  test('a daily time per integration, null or blank clears it, a bad time is refused next to the field', () => {
    const b = backend({ seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS });
    expect(b.handle('import_schedule_get', { integrationId: 1 })).toBeNull();
    expect(b.handle('import_schedule_set', { integrationId: 1, time: ' 07:30 ' })).toBeNull();
    expect(b.handle('import_schedule_get', { integrationId: 1 })).toBe('07:30');
    expect(b.handle('import_schedule_get', { integrationId: 2 })).toBeNull();
    for (const time of ['7:30', '24:00', '12:60', 'x'])
      expect(rejection(() => b.handle('import_schedule_set', { integrationId: 1, time }))).toMatchObject({
        code: 'invalid_input',
        fields: [{ field: 'time', key: 'error.reminders.time', params: {} }],
      });
    expect(b.handle('import_schedule_get', { integrationId: 1 })).toBe('07:30');
    b.handle('import_schedule_set', { integrationId: 1, time: null });
    expect(b.handle('import_schedule_get', { integrationId: 1 })).toBeNull();
    b.handle('import_schedule_set', { integrationId: 1, time: '06:00' });
    b.handle('import_schedule_set', { integrationId: 1, time: '  ' });
    expect(b.handle('import_schedule_get', { integrationId: 1 })).toBeNull();
    b.handle('import_schedule_set', { integrationId: 2, time: '23:59' });
    b.handle('integration_delete', { id: 2 });
    expect(b.handle('import_schedule_get', { integrationId: 2 })).toBeNull();
  });

  test('autostart answers what it is now; the argument is required', () => {
    const b = backend();
    expect(b.handle('autostart_get', {})).toBe(false);
    expect(b.handle('autostart_set', { enabled: true })).toBe(true);
    expect(b.handle('autostart_get', {})).toBe(true);
    expect(b.handle('autostart_set', { enabled: false })).toBe(false);
    expect(() => b.handle('autostart_set', {})).toThrow();
    expect(backend({ autostart: true }).handle('autostart_get', {})).toBe(true);
  });
});

describe('mock: the contract', () => {
  test('answers every #[tauri::command] of src-tauri/src/commands', async () => {
    const names = readdirSync(COMMANDS_DIR)
      .filter((f) => f.endsWith('.rs'))
      .flatMap((f) => [...readFileSync(join(COMMANDS_DIR, f), 'utf8').matchAll(/#\[tauri::command\]\s*pub (?:async )?fn (\w+)/g)].map((m) => m[1] ?? ''));
    expect(names).toContain('demo_start');
    expect(names).toContain('autostart_set');
    const b = backend({ seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS });
    const unknown: string[] = [];
    for (const cmd of names) {
      let outcome: unknown;
      try {
        outcome = await b.handle(cmd, {});
      } catch (e) {
        outcome = e;
      }
      if (typeof outcome === 'string' && outcome === `command ${cmd} not found`) unknown.push(cmd);
    }
    expect(unknown).toEqual([]);
    expect(rejection(() => b.handle('no_such_command', {}))).toBe('command no_such_command not found');
  });
});
