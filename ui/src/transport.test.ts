import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ErrorReply } from './bindings/ErrorReply';
import { api } from './api.gen';
import { isErrorReply, toErrorReply } from './transport';

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
    await api.peopleSearch('ana', null);
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

  test('a command with events gets a Channel named onEvent; others get exactly their arguments', async () => {
    const seen: [string, string[]][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, Object.keys(args as object)]);
      return null;
    });
    await api.importPreview(3, { mode: 'document', document: 'AB12' }, () => {});
    await api.importCancel(3);
    expect(seen).toEqual([
      ['import_preview', ['integrationId', 'query', 'onEvent']],
      ['import_cancel', ['integrationId']],
    ]);
  });
});
