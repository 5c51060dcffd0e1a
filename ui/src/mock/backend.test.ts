// The mock must keep the backend's contract, or the browser tests would prove nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { IntegrationInput } from '../bindings/IntegrationInput';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { PersonInput } from '../bindings/PersonInput';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import { checkUrl, DEMO_INTEGRATIONS, DEMO_PEOPLE, DEMO_WOOBA, fold, MockBackend } from './backend';
import { MOCK_TYPES } from './integration-types';

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

// ---- integrations ----

const CORE = fileURLToPath(new URL('../../../src-tauri/crates/ponte-core/', import.meta.url));

/** The declarations in ponte-core's integration_types/*.rs, read from the Rust source. */
function rustTypes() {
  const dir = join(CORE, 'src/integration_types');
  const modRs = readFileSync(join(dir, 'mod.rs'), 'utf8');
  const all = /pub const ALL: \[IntegrationType; \d+\] = \[([^\]]+)\]/.exec(modRs)?.[1] ?? '';
  const order = [...all.matchAll(/Self::(\w+)/g)].map((m) => (m[1] ?? '').toLowerCase());
  const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  const specs = readdirSync(dir)
    .filter((f) => f !== 'mod.rs' && f.endsWith('.rs'))
    .map((f) => {
      const src = readFileSync(join(dir, f), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      const type = (/const T: IntegrationType = IntegrationType::(\w+);/.exec(src)?.[1] ?? '').toLowerCase();
      const body = src.slice(src.indexOf('vec!['), src.indexOf('],', src.indexOf('vec![')));
      const fields = body
        .split('FieldSpec::')
        .slice(1)
        .map((chunk) => {
          const head = /^(text|url|secret)\(T, "(\w+)", Section::(\w+)\)/.exec(chunk);
          if (!head) throw new Error(`${f}: cannot read ${chunk}`);
          const [, kind = '', key = '', section = ''] = head;
          const rest = chunk.slice(head[0].length);
          const known = new Set(['rule', 'max', 'placeholder', 'optional']);
          for (const m of rest.matchAll(/\.(\w+)\(/g)) if (!known.has(m[1] ?? '')) throw new Error(`${f}: mock does not know .${m[1]}()`);
          return {
            key,
            kind,
            section: snake(section),
            required: !rest.includes('.optional()'),
            rule: snake(/\.rule\(Rule::(\w+)\)/.exec(rest)?.[1] ?? 'None'),
            max_len: Number(/\.max\((\d+)\)/.exec(rest)?.[1] ?? (kind === 'secret' ? 4096 : kind === 'url' ? 500 : 200)),
            placeholder: /\.placeholder\("([^"]*)"\)/.exec(rest)?.[1] ?? null,
          };
        });
      return { type, fields, tokens_elsewhere: /spec\.tokens_elsewhere = true/.test(src) };
    });
  return order.map((ty) => specs.find((s) => s.type === ty));
}

const infotravelInput = (over: Partial<IntegrationInput> = {}): IntegrationInput => ({
  type: 'infotravel',
  description: 'BWT Operadora (Infotravel)',
  person_id: 1,
  values: { url: 'https://bwt.infotravel.com.br', supplier_id: 'BWT', agency_code: '0123', username: 'agencia' },
  secrets: { password: 'certa' },
  ...over,
});

const withPerson = () => new MockBackend({ seed: [input({ name: 'BWT Operadora Ltda' }), input({ name: 'Outra' })] });
const save = (b: MockBackend, i: IntegrationInput) => b.handle('integration_create', { input: i }) as SaveOutcome;

describe('MockBackend: integrations', () => {
  test('integration_types is the Rust declaration (read from ponte-core), presets are presets.json', () => {
    const b = new MockBackend();
    const types = b.handle('integration_types', {}) as IntegrationTypeSpec[];
    expect(types).toEqual(MOCK_TYPES);
    const rust = rustTypes();
    expect(rust.map((s) => s?.type)).toEqual(types.map((s) => s.type));
    for (const [i, s] of types.entries()) {
      expect(s.tokens_elsewhere, s.type).toBe(rust[i]?.tokens_elsewhere);
      expect(
        s.fields.map(({ key, kind, section, required, rule, max_len, placeholder }) => ({ key, kind, section, required, rule, max_len, placeholder })),
        s.type,
      ).toEqual(rust[i]?.fields);
      for (const f of s.fields) {
        expect(f.label_key).toBe(`integration.${s.type}.${f.key}.label`);
        expect(f.default).toBeNull();
      }
    }
    const presets = JSON.parse(readFileSync(join(CORE, 'presets.json'), 'utf8')) as unknown;
    expect(b.handle('integration_presets', {})).toEqual(presets);
  });

  test('addresses follow ponte-core url_rules (its own test cases, read from the Rust source)', () => {
    const rust = readFileSync(join(CORE, 'src/url_rules.rs'), 'utf8');
    const ok = [...rust.matchAll(/assert!\(check\("([^"]*)"\)\.is_ok\(\)\)/g)].map((m) => m[1] ?? '');
    const bad = [...rust.matchAll(/assert_eq!\(check\("([^"]*)"\), Err\("([^"]+)"\)\)/g)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']);
    expect(ok.length).toBeGreaterThan(3);
    expect(bad.length).toBeGreaterThan(5);
    for (const u of ok) expect(checkUrl(u), u).toMatchObject({ ok: true });
    for (const [u, key] of bad) expect(checkUrl(u), u).toEqual({ ok: false, key });
    expect(checkUrl(' https://bwt.infotravel.com.br ')).toEqual({ ok: true, value: 'https://bwt.infotravel.com.br' });
  });

  test('create: the secret goes to the keyring; the reply says only which secrets are set', () => {
    const b = withPerson();
    const out = save(b, infotravelInput({ description: '  BWT Operadora (Infotravel) ', values: { url: ' https://bwt.infotravel.com.br ', supplier_id: 'BWT', agency_code: '0123', username: ' agencia ' } }));
    expect(out.notices).toEqual([]);
    expect(out.integration).toMatchObject({
      id: 1,
      type: 'infotravel',
      description: 'BWT Operadora (Infotravel)',
      person_id: 1,
      person_name: 'BWT Operadora Ltda',
      values: { url: 'https://bwt.infotravel.com.br', supplier_id: 'BWT', agency_code: '0123', username: 'agencia' },
      secrets_set: ['password'],
      enabled: true,
      last_test: null,
    });
    expect(JSON.stringify(out)).not.toContain('certa');
    expect(JSON.stringify(b.handle('integrations_list', { filter: { query: '', type: null, status: null } }))).not.toContain('certa');
    expect([...b.keyring]).toEqual([['integration/1/password', 'certa']]);
    // Spaces around a pasted secret are removed, and the reply says so.
    const trimmed = save(b, infotravelInput({ description: 'Outra', secrets: { password: ' certa\n' } }));
    expect(trimmed.notices).toEqual([{ field: 'password', key: 'notice.secret_trimmed', params: {} }]);
    expect(b.keyring.get('integration/2/password')).toBe('certa');
  });

  test('create: every field problem at once, with the keys the Rust core uses; nothing is saved', () => {
    const b = withPerson();
    const e = rejection(() =>
      save(b, {
        type: 'infotravel',
        description: 'x'.repeat(201),
        person_id: null,
        values: { url: 'http://bwt.infotravel.com.br', supplier_id: 'BWT 1', agency_code: '12a', username: '', password: 'no' },
        secrets: { password: '   ', token: 'x' },
      }),
    );
    expect(e).toEqual({
      code: 'invalid_input',
      key: 'error.invalid_input',
      field: null,
      fields: [
        { field: 'description', key: 'error.field.too_long', params: { max: '200' } },
        { field: 'person', key: 'error.field.required', params: {} },
        { field: 'password', key: 'error.field.secret_as_value', params: {} },
        { field: 'url', key: 'error.url.https_required', params: {} },
        { field: 'supplier_id', key: 'error.field.identifier', params: {} },
        { field: 'agency_code', key: 'error.field.digits_only', params: {} },
        { field: 'username', key: 'error.field.required', params: {} },
        { field: 'token', key: 'error.field.unknown', params: {} },
        { field: 'password', key: 'error.field.required', params: {} },
      ],
      params: {},
    });
    expect(rejection(() => save(b, infotravelInput({ person_id: 99 }))).fields).toEqual([
      { field: 'person', key: 'error.integration.person_missing', params: {} },
    ]);
    expect(rejection(() => save(b, infotravelInput({ values: { url: 'https://x.com', supplier_id: 'B', agency_code: '1', username: 'u', comune: 'x' } }))).field).toBe('comune');
    expect(rejection(() => save(b, infotravelInput({ type: 'nope' as 'wooba' }))).code).toBe('ipc');
    expect(b.integrations).toEqual([]);
    expect(b.keyring.size).toBe(0);
  });

  test('a description is unique per type, ignoring case', () => {
    const b = withPerson();
    save(b, infotravelInput());
    const dup = rejection(() => save(b, infotravelInput({ description: 'bwt operadora (INFOTRAVEL)' })));
    expect(dup.fields).toEqual([{ field: 'description', key: 'error.integration.duplicate_description', params: {} }]);
    expect(dup.field).toBe('description');
    const wooba = { type: 'wooba' as const, description: 'BWT Operadora (Infotravel)', person_id: 1, values: { username: 'u', url: 'https://bwtoperadora.travellink.com.br/' }, secrets: { password: 'p' } };
    expect(save(b, wooba).integration.id).toBe(2);
    // Saving an integration under its own description is fine.
    expect((b.handle('integration_update', { id: 1, input: infotravelInput({ secrets: {} }) }) as SaveOutcome).integration.description).toBe('BWT Operadora (Infotravel)');
  });

  test('update keeps a stored secret unless a new one is typed; the type cannot change', () => {
    const b = withPerson();
    save(b, infotravelInput());
    const kept = b.handle('integration_update', { id: 1, input: infotravelInput({ person_id: 2, secrets: {} }) }) as SaveOutcome;
    expect(kept.integration).toMatchObject({ person_name: 'Outra', secrets_set: ['password'] });
    expect(b.keyring.get('integration/1/password')).toBe('certa');
    b.handle('integration_update', { id: 1, input: infotravelInput({ secrets: { password: 'nova' } }) });
    expect(b.keyring.get('integration/1/password')).toBe('nova');
    const type = rejection(() => b.handle('integration_update', { id: 1, input: { ...infotravelInput(), type: 'wooba' } }));
    expect(type.fields).toEqual([{ field: 'type', key: 'error.integration.type_change', params: {} }]);
    expect(rejection(() => b.handle('integration_update', { id: 9, input: infotravelInput() })).code).toBe('not_found');
  });

  test('duplicate is a draft without secrets; enable/disable; delete removes the keyring entries; person_in_use', () => {
    const b = withPerson();
    save(b, infotravelInput());
    b.locale = 'it';
    expect(b.handle('integration_duplicate', { id: 1 })).toEqual({
      ...infotravelInput(),
      description: 'BWT Operadora (Infotravel) (copia)',
      secrets: {},
    });
    expect(b.handle('integration_set_enabled', { id: 1, enabled: false })).toMatchObject({ enabled: false });
    expect(rejection(() => b.handle('person_delete', { id: 1 }))).toMatchObject({ code: 'person_in_use', params: { count: '1' } });
    expect(b.handle('integration_delete', { id: 1 })).toBeNull();
    expect(b.keyring.size).toBe(0);
    expect(rejection(() => b.handle('integration_get', { id: 1 })).code).toBe('not_found');
    expect(b.handle('person_delete', { id: 1 })).toBeNull();
  });

  test('list: search every word (accents, case), by type and status', () => {
    const b = new MockBackend({ seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS });
    const names = (filter: Record<string, unknown>) =>
      (b.handle('integrations_list', { filter: { query: '', type: null, status: null, ...filter } }) as { description: string }[]).map((i) => i.description);
    expect(names({})).toEqual(['Atlântica Operadora (Infotravel)', 'Hotel Bellavista (PayTourist Firenze)', 'Litoral Receptivo (Infotravel)', 'Rota Sul (Wooba)']);
    expect(names({ query: 'ATLANTICA infotravel' })).toEqual(['Atlântica Operadora (Infotravel)']);
    expect(names({ query: 'turismo' })).toEqual(['Rota Sul (Wooba)']);
    expect(names({ type: 'infotravel' })).toHaveLength(2);
    expect(names({ status: 'enabled' })).toHaveLength(3);
    expect(names({ status: 'disabled' })).toEqual(['Litoral Receptivo (Infotravel)']);
    expect(names({ status: 'failing' })).toEqual(['Rota Sul (Wooba)']);
    expect(names({ status: 'untested' })).toEqual(['Hotel Bellavista (PayTourist Firenze)']);
    expect(names({ type: 'wooba', status: 'untested' })).toEqual([]);
  });

  test('Testar conexão: "certa" passes, anything else is Credencial inválida; a saved one records the outcome', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const b = new MockBackend({ seed: [input({ name: 'BWT' })], now: () => now });
    const draft = infotravelInput({ secrets: { password: 'errada' } });
    expect(rejection(() => b.handle('integration_test', { id: null, input: draft }))).toEqual({
      code: 'invalid_credentials',
      key: 'error.supplier.invalid_credentials',
      field: null,
      fields: [],
      params: {},
    });
    expect(b.handle('integration_test', { id: null, input: infotravelInput() })).toEqual({ key: 'test.ok.infotravel', params: { minutes: '60' } });
    expect(rejection(() => b.handle('integration_test', { id: null, input: infotravelInput({ secrets: {} }) }))).toMatchObject({
      code: 'missing_secret',
      field: 'password',
      params: { field: 'password' },
    });
    // The form's values are checked first, like a save.
    const bad = rejection(() => b.handle('integration_test', { id: null, input: infotravelInput({ values: { url: 'x' } }) }));
    expect(bad.code).toBe('invalid_input');
    expect(bad.fields.map((f) => f.field)).toEqual(['url', 'supplier_id', 'agency_code', 'username']);

    save(b, infotravelInput());
    // The stored password is used; a typed one wins.
    expect(b.handle('integration_test', { id: 1, input: null })).toMatchObject({ key: 'test.ok.infotravel' });
    expect(b.integrations[0]).toMatchObject({ last_test: { at: '2026-11-25T12:00:00Z', ok: true, code: null }, last_success_at: '2026-11-25T12:00:00Z' });
    expect(rejection(() => b.handle('integration_test', { id: 1, input: draft })).code).toBe('invalid_credentials');
    expect(b.integrations[0]).toMatchObject({ last_test: { ok: false, code: 'invalid_credentials' }, last_success_at: '2026-11-25T12:00:00Z' });
    expect(rejection(() => b.handle('integration_test', { id: 5, input: null })).code).toBe('not_found');
  });

  test('Wooba needs the vendor settings; PayTourist a token from Tokens de API', () => {
    const b = new MockBackend({ seed: [input({ name: 'BWT' })] });
    const wooba = { type: 'wooba' as const, description: 'W', person_id: 1, values: { username: 'u', url: 'https://w.travellink.com.br/' }, secrets: { password: 'certa' } };
    expect(rejection(() => b.handle('integration_test', { id: null, input: wooba }))).toMatchObject({
      key: 'error.supplier.developer_settings_missing',
      params: { what: 'Developer-Token' },
    });
    expect(b.handle('wooba_settings_get', {})).toEqual({ developer_token_set: false, public_key_pem: null });
    expect(rejection(() => b.handle('wooba_settings_set', { input: { developer_token: 'tok-4711', public_key_pem: 'nope' } })).fields).toEqual([
      { field: 'public_key_pem', key: 'error.settings.pem', params: {} },
    ]);
    expect(b.keyring.size).toBe(0);
    expect(b.handle('wooba_settings_set', { input: { developer_token: ' tok-4711 ', public_key_pem: null } })).toEqual({ developer_token_set: true, public_key_pem: null });
    expect(b.keyring.get('settings/0/wooba_developer_token')).toBe('tok-4711');
    expect(rejection(() => b.handle('integration_test', { id: null, input: wooba })).params).toEqual({ what: 'public key' });
    const pem = DEMO_WOOBA.publicKeyPem;
    const settings = b.handle('wooba_settings_set', { input: { developer_token: null, public_key_pem: pem } });
    expect(JSON.stringify(settings)).not.toContain('tok-4711');
    expect(b.handle('integration_test', { id: null, input: wooba })).toEqual({ key: 'test.ok.wooba', params: { pages: '1' } });

    const pt = { type: 'paytourist' as const, description: 'P', person_id: 1, values: { comune: 'firenze', structure_id: '1', software_id: '2' }, secrets: {} };
    expect(rejection(() => b.handle('integration_test', { id: null, input: pt }))).toMatchObject({ code: 'missing_secret', params: { field: 'token' } });
    expect(rejection(() => b.handle('integration_test', { id: null, input: { ...pt, values: { ...pt.values, comune: 'Firenze' } } })).fields).toEqual([
      { field: 'comune', key: 'error.field.subdomain', params: {} },
    ]);
  });

  test('the demo data is valid and links every demo integration to a demo person', () => {
    const b = new MockBackend({ seed: DEMO_PEOPLE, integrations: DEMO_INTEGRATIONS, wooba: DEMO_WOOBA });
    expect(b.integrations).toHaveLength(DEMO_INTEGRATIONS.length);
    expect(b.integrations.every((i) => i.person_name !== '')).toBe(true);
    expect(JSON.stringify(b.integrations)).not.toContain('senha-antiga');
  });
});
