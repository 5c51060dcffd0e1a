// The mock must keep the backend's contract, or the browser tests would prove nothing.
import { describe, expect, test } from 'vitest';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { PersonInput } from '../bindings/PersonInput';
import { DEMO_PEOPLE, fold, MockBackend } from './backend';

const input = (over: Partial<PersonInput>): PersonInput => ({
  kind: 'company',
  name: 'Empresa',
  trade_name: null,
  document: null,
  email: null,
  phone: null,
  ...over,
});

function rejection(f: () => unknown): ErrorReply {
  try {
    f();
  } catch (e) {
    return e as ErrorReply;
  }
  throw new Error('did not throw');
}

describe('MockBackend', () => {
  test('app_info and set_locale', () => {
    const b = new MockBackend({ locale: 'it' });
    expect(b.handle('app_info', {})).toMatchObject({ locale: 'it', version: '0.1.0', startup_error: null });
    expect(b.handle('set_locale', { locale: 'en' })).toBeNull();
    expect(b.handle('app_info', {})).toMatchObject({ locale: 'en' });
    expect(rejection(() => b.handle('set_locale', { locale: 'de' })).code).toBe('ipc');
  });

  test('create stores the cleaned input with the punctuated document', () => {
    const b = new MockBackend({ now: () => new Date('2026-11-25T12:34:56.789Z') });
    const p = b.handle('person_create', { input: input({ name: '  Hotel  ', document: '12abc34501de35', trade_name: ' ' }) });
    expect(p).toEqual({
      id: 1,
      kind: 'company',
      name: 'Hotel',
      trade_name: null,
      document: '12ABC34501DE35',
      document_display: '12.ABC.345/01DE-35',
      email: null,
      phone: null,
      created_at: '2026-11-25T12:34:56Z',
      updated_at: '2026-11-25T12:34:56Z',
    });
  });

  test('invalid input lists every field issue, with the keys the Rust core uses', () => {
    const b = new MockBackend();
    const e = rejection(() =>
      b.handle('person_create', {
        input: input({ kind: 'individual', name: ' ', document: '111.111.111-11', email: 'x@y', phone: '12' }),
      }),
    );
    expect(e).toEqual({
      code: 'invalid_input',
      key: 'error.invalid_input',
      field: null,
      fields: [
        { field: 'name', key: 'error.field.required', params: {} },
        { field: 'document', key: 'error.cpf.repeated', params: {} },
        { field: 'email', key: 'error.email.invalid', params: {} },
        { field: 'phone', key: 'error.phone.invalid', params: {} },
      ],
      params: {},
    });
    const one = rejection(() => b.handle('person_create', { input: input({ kind: 'individual', name: 'Ana', document: '529.982.247-24' }) }));
    expect(one.field).toBe('document');
    expect(one.fields[0]?.key).toBe('error.cpf.check_digit');
    expect(rejection(() => b.handle('person_create', { input: input({ kind: null }) })).fields[0]).toEqual({
      field: 'kind',
      key: 'error.field.required',
      params: {},
    });
    expect(rejection(() => b.handle('person_create', { input: input({ name: 'x'.repeat(201) }) })).fields[0]?.params).toEqual({ max: '200' });
    expect(b.people).toEqual([]);
  });

  test('duplicate document, update, delete, person_in_use, not_found', () => {
    const b = new MockBackend({ seed: DEMO_PEOPLE, linked: ['Atlântica Operadora de Viagens Ltda'] });
    expect(b.people).toHaveLength(DEMO_PEOPLE.length);
    const dup = rejection(() => b.handle('person_create', { input: input({ document: '12.ABC.345/01DE-35' }) }));
    expect(dup).toMatchObject({
      code: 'duplicate_document',
      field: 'document',
      fields: [{ field: 'document', key: 'error.duplicate_document', params: { name: 'Hotel Bellavista Firenze S.r.l.' } }],
      params: { name: 'Hotel Bellavista Firenze S.r.l.', id: '2' },
    });
    // The same CNPJ on its own record is not a duplicate.
    expect(b.handle('person_update', { id: 2, input: input({ name: 'Bellavista', document: '12ABC34501DE35' }) })).toMatchObject({ name: 'Bellavista' });
    expect(rejection(() => b.handle('person_delete', { id: 1 }))).toMatchObject({ code: 'person_in_use', params: { count: '1' } });
    expect(b.handle('person_delete', { id: 2 })).toBeNull();
    expect(rejection(() => b.handle('person_get', { id: 2 })).code).toBe('not_found');
    expect(rejection(() => b.handle('person_update', { id: 99, input: input({}) })).key).toBe('error.not_found');
  });

  test('search: every word, accents and case ignored, document with or without punctuation, kind filter', () => {
    const b = new MockBackend({ seed: DEMO_PEOPLE });
    const names = (query: string, kind: string | null = null) =>
      (b.handle('people_search', { query, kind }) as { name: string }[]).map((p) => p.name);
    expect(names('')).toHaveLength(DEMO_PEOPLE.length);
    expect(names('')[0]).toBe('Ana Beatriz Conceição');
    expect(names('JOAO alvares')).toEqual(['João Pedro Álvares']);
    expect(names('529.982')).toEqual(['Ana Beatriz Conceição']);
    expect(names('12abc')).toEqual(['Hotel Bellavista Firenze S.r.l.']);
    expect(names('bellavista', 'individual')).toEqual([]);
    expect(names('', 'individual')).toHaveLength(3);
    expect(names('nobody')).toEqual([]);
  });

  test('search is capped at 200', () => {
    const b = new MockBackend({ seed: Array.from({ length: 205 }, (_, i) => input({ name: `Empresa ${i}` })) });
    expect(b.handle('people_search', { query: 'empresa', kind: null })).toHaveLength(200);
  });

  test('a start-up error refuses data commands but app_info reports it', () => {
    const startupError: ErrorReply = { code: 'data_dir', key: 'error.data_dir', field: null, fields: [], params: { path: '/x', detail: 'denied' } };
    const b = new MockBackend({ startupError });
    expect(b.handle('app_info', {})).toMatchObject({ startup_error: startupError });
    expect(rejection(() => b.handle('people_search', { query: '', kind: null }))).toBe(startupError);
  });

  test('unknown commands are refused like Tauri does', () => {
    expect(() => new MockBackend().handle('nope', {})).toThrow();
    expect(fold('  São   PAULO Ação ')).toBe('sao paulo acao');
  });
});
