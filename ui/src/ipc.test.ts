import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ErrorReply } from './bindings/ErrorReply';
import { api, isErrorReply, toErrorReply } from './ipc';

const invalid: ErrorReply = {
  code: 'invalid_input',
  key: 'error.invalid_input',
  field: 'document',
  fields: [{ field: 'document', key: 'error.cpf.check_digit', params: {} }],
  params: {},
};

describe('toErrorReply', () => {
  test('keeps a backend ErrorReply as it is', () => {
    expect(toErrorReply(invalid)).toBe(invalid);
    expect(isErrorReply(invalid)).toBe(true);
  });

  test('turns anything else into an ipc error with the detail', () => {
    const ipc = (detail: string) => ({ code: 'ipc', key: 'error.ipc', field: null, fields: [], params: { detail } });
    expect(toErrorReply('command people_search not found')).toEqual(ipc('command people_search not found'));
    expect(toErrorReply(new TypeError('window.__TAURI_INTERNALS__ is undefined'))).toEqual(
      ipc('window.__TAURI_INTERNALS__ is undefined'),
    );
    expect(toErrorReply(undefined)).toEqual(ipc('undefined'));
    expect(toErrorReply({ message: 'x' })).toEqual(ipc('{"message":"x"}'));
  });

  test('refuses look-alikes whose fields or params have the wrong shape', () => {
    expect(isErrorReply({ ...invalid, fields: [{ field: 'x' }] })).toBe(false);
    expect(isErrorReply({ ...invalid, params: { n: 1 } })).toBe(false);
    expect(isErrorReply({ ...invalid, field: 3 })).toBe(false);
    expect(isErrorReply(null)).toBe(false);
    expect(toErrorReply({ ...invalid, fields: 'no' }).code).toBe('ipc');
  });
});

describe('api', () => {
  const calls: [string, unknown][] = [];
  beforeEach(() => {
    // mockIPC installs window.__TAURI_INTERNALS__; give it a window in this Node test.
    (globalThis as { window?: unknown }).window ??= globalThis;
    calls.length = 0;
  });
  afterEach(() => clearMocks());

  test('sends the commands and argument names of the contract', async () => {
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === 'people_search' ? [] : null;
    });
    await api.peopleSearch('ana');
    await api.peopleSearch('', 'company');
    await api.setLocale('it');
    await api.personDelete(7);
    const input = { kind: 'individual' as const, name: 'Ana', trade_name: null, document: null, email: null, phone: null };
    await api.personCreate(input);
    await api.personUpdate(7, input);
    await api.personGet(7);
    expect(calls).toEqual([
      ['people_search', { query: 'ana', kind: null }],
      ['people_search', { query: '', kind: 'company' }],
      ['set_locale', { locale: 'it' }],
      ['person_delete', { id: 7 }],
      ['person_create', { input }],
      ['person_update', { id: 7, input }],
      ['person_get', { id: 7 }],
    ]);
  });

  test('a rejected invoke rejects with an ErrorReply', async () => {
    mockIPC((cmd) => {
      if (cmd === 'person_create') throw invalid;
      throw 'boom';
    });
    await expect(api.personCreate({ kind: 'company', name: '', trade_name: null, document: null, email: null, phone: null })).rejects.toBe(invalid);
    await expect(api.appInfo()).rejects.toEqual({ code: 'ipc', key: 'error.ipc', field: null, fields: [], params: { detail: 'boom' } });
  });
});

/** Every `#[tauri::command]` in src-tauri/src/commands and the argument names the window must send. */
function rustCommands(): Map<string, string[]> {
  const dir = fileURLToPath(new URL('../../src-tauri/src/commands/', import.meta.url));
  const out = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.rs'))) {
    const src = readFileSync(join(dir, file), 'utf8');
    for (const m of src.matchAll(/#\[tauri::command\]\s*pub (?:async )?fn (\w+)(?:<[^>]*>)?\(([^)]*)\)/g)) {
      // Split the parameters at top-level commas (State<'_, AppState> has one inside).
      const params: string[] = [];
      let depth = 0;
      let cur = '';
      for (const ch of m[2] ?? '') {
        if (ch === '<') depth++;
        if (ch === '>') depth--;
        if (ch === ',' && depth === 0) {
          params.push(cur);
          cur = '';
        } else cur += ch;
      }
      params.push(cur);
      const names = params
        .map((p) => p.trim())
        .filter((p) => p !== '' && !/:\s*(?:tauri::)?(?:State|AppHandle|Window|WebviewWindow)\b/.test(p))
        // Tauri's default: snake_case Rust arguments are camelCase in JavaScript.
        .map((p) => (p.split(':')[0] ?? '').trim().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));
      out.set(m[1] ?? '', names);
    }
  }
  return out;
}

describe('contract with the Rust commands', () => {
  beforeEach(() => {
    (globalThis as { window?: unknown }).window ??= globalThis;
  });
  afterEach(() => clearMocks());

  test('every api method calls a registered command with exactly its argument names', async () => {
    const rust = rustCommands();
    expect(rust.get('integration_test')).toEqual(['id', 'input']);
    expect(rust.get('people_search')).toEqual(['query', 'kind']);
    const seen: [string, string[]][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, Object.keys((args ?? {}) as object).sort()]);
      return null;
    });
    const input = { type: 'infotravel' as const, description: 'd', person_id: 1, values: {}, secrets: {} };
    const person = { kind: 'company' as const, name: 'n', trade_name: null, document: null, email: null, phone: null };
    const calls: Record<keyof typeof api, () => Promise<unknown>> = {
      appInfo: () => api.appInfo(),
      setLocale: () => api.setLocale('it'),
      peopleSearch: () => api.peopleSearch('a'),
      personGet: () => api.personGet(1),
      personCreate: () => api.personCreate(person),
      personUpdate: () => api.personUpdate(1, person),
      personDelete: () => api.personDelete(1),
      integrationTypes: () => api.integrationTypes(),
      integrationPresets: () => api.integrationPresets(),
      integrationsList: () => api.integrationsList({ query: '', type: null, status: null }),
      integrationGet: () => api.integrationGet(1),
      integrationCreate: () => api.integrationCreate(input),
      integrationUpdate: () => api.integrationUpdate(1, input),
      integrationDuplicate: () => api.integrationDuplicate(1),
      integrationSetEnabled: () => api.integrationSetEnabled(1, false),
      integrationDelete: () => api.integrationDelete(1),
      integrationTest: () => api.integrationTest(null, input),
      woobaSettingsGet: () => api.woobaSettingsGet(),
      woobaSettingsSet: () => api.woobaSettingsSet({ developer_token: null, public_key_pem: null }),
      bookingSoftware: () => api.bookingSoftware(),
      bookingUsers: () => api.bookingUsers(),
      bookingUserCreate: () => api.bookingUserCreate({ integration_id: 1, name: 'n', email: 'e@x.it', software: null }),
      tokenAdd: () => api.tokenAdd(1, 'n', 't', { created_on: null, expires_on: null }, null),
      tokenVerify: () => api.tokenVerify(1),
      tokenCopy: () => api.tokenCopy(1),
      tokenSetExpiry: () => api.tokenSetExpiry(1, { created_on: null, expires_on: '2029-01-01' }),
      tokenActivate: () => api.tokenActivate(1),
      tokenRotationStep: () => api.tokenRotationStep(1, 'pasted'),
      tokenDelete: () => api.tokenDelete(1),
      expiriesList: () => api.expiriesList(),
      reminderSettingsGet: () => api.reminderSettingsGet(),
      reminderSettingsSet: () => api.reminderSettingsSet({ thresholds: [60, 30], quiet_hours: { start: '22:00', end: '08:00' } }),
      secretExpirySet: () => api.secretExpirySet(1, 'password', null),
      importScheduleGet: () => api.importScheduleGet(1),
      importScheduleSet: () => api.importScheduleSet(1, '07:00'),
      autostartGet: () => api.autostartGet(),
      autostartSet: () => api.autostartSet(true),
      demoStatus: () => api.demoStatus(),
      demoStart: () => api.demoStart(),
      demoRemove: () => api.demoRemove(),
    };
    for (const f of Object.values(calls)) await f();
    expect(seen).toHaveLength(Object.keys(api).length);
    for (const [cmd, args] of seen) {
      expect(rust.has(cmd), `${cmd} is not a #[tauri::command]`).toBe(true);
      expect(args, cmd).toEqual([...(rust.get(cmd) ?? [])].sort());
    }
  });
});
