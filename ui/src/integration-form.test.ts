import { describe, expect, test } from 'vitest';
import type { ErrorReply } from './bindings/ErrorReply';
import type { FieldSpec } from './bindings/FieldSpec';
import type { Integration } from './bindings/Integration';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import type { Preset } from './bindings/Preset';
import { translate } from './i18n';
import type { Draft } from './integration-form';
import {
  advancedOpen,
  errorText,
  fieldGroups,
  fieldLabel,
  firstInvalid,
  firstToFill,
  formOrder,
  inAdvanced,
  initialDraft,
  labelledSummary,
  NO_ERRORS,
  presetFills,
  secretMode,
  splitErrors,
  toInput,
  withFieldErrors,
} from './integration-form';
import TYPES_JSON from './integration-types.gen.json';

const TYPES = TYPES_JSON as IntegrationTypeSpec[];

const spec = (type: string): IntegrationTypeSpec => {
  const s = TYPES.find((x) => x.type === type);
  if (!s) throw new Error(type);
  return s;
};
const infotravel = spec('infotravel');
const paytourist = spec('paytourist');

const f = (key: string, over: Partial<FieldSpec> = {}): FieldSpec => ({
  key,
  kind: 'text',
  section: 'main',
  required: true,
  rule: 'none',
  max_len: 200,
  default: null,
  placeholder: null,
  label_key: `integration.acme.${key}.label`,
  help_key: null,
  ...over,
});

/** A type the UI has never heard of, as a new Rust module would declare it. */
const acme = {
  type: 'acme',
  name_key: 'integration.acme.name',
  summary_key: 'integration.acme.summary',
  before_key: 'integration.acme.before',
  fields: [
    f('region', { section: 'advanced', required: false, default: 'eu' }),
    f('api_key', { kind: 'secret', section: 'api_access' }),
    f('account'),
    f('client_secret', { kind: 'secret', section: 'api_access', required: false }),
    f('endpoint', { kind: 'url', section: 'main' }),
  ],
  tokens_elsewhere: false,
} as unknown as IntegrationTypeSpec;

const saved: Integration = {
  id: 7,
  type: 'infotravel',
  description: 'BWT Operadora (Infotravel)',
  person_id: 3,
  person_name: 'BWT Operadora Ltda',
  values: { url: 'https://bwt.infotravel.com.br', supplier_id: 'BWT', agency_code: '123', username: 'u' },
  secrets_set: ['password', 'retired_secret'],
  enabled: true,
  last_test: null,
  last_success_at: null,
  last_import_at: null,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
};

const preset: Preset = {
  id: 'bwt-infotravel',
  type: 'infotravel',
  label: 'BWT Operadora (Infotravel)',
  description: 'BWT Operadora (Infotravel)',
  person_hint: 'BWT Operadora',
  values: { url: 'https://bwt.infotravel.com.br', supplier_id: 'BWT', not_declared: 'x' },
};

const t = (key: string, params?: Record<string, string | number>) => translate('pt-BR', key, params);

describe('the form is the declaration', () => {
  test('fields are grouped by section in the declared order: main, API access, advanced', () => {
    expect(fieldGroups(infotravel).map((g) => [g.section, g.heading, g.fields.map((x) => x.key)])).toEqual([
      ['main', null, ['url', 'supplier_id', 'agency_code']],
      ['api_access', 'integrations.section.api_access', ['username', 'password']],
    ]);
    expect(fieldGroups(paytourist).map((g) => g.section)).toEqual(['main', 'advanced']);
    expect(fieldGroups(spec('wooba')).map((g) => g.fields.map((x) => x.key))).toEqual([['username', 'password', 'url']]);
  });

  test('a type added in Rust needs no UI code: any fields, sections, secrets and defaults', () => {
    expect(fieldGroups(acme).map((g) => [g.section, g.fields.map((x) => x.key)])).toEqual([
      ['main', ['account', 'endpoint']],
      ['api_access', ['api_key', 'client_secret']],
      ['advanced', ['region']],
    ]);
    expect(formOrder(acme)).toEqual(['description', 'person', 'account', 'endpoint', 'api_key', 'client_secret', 'region']);
    const d = initialDraft(acme, { mode: 'new', type: acme.type });
    expect(d.values).toEqual({ region: 'eu', account: '', endpoint: '' });
    expect(secretMode(d, 'api_key')).toBe('input');
    d.secrets = { api_key: 'k', client_secret: '   ' };
    expect(toInput(acme, d)).toEqual({
      type: 'acme',
      description: '',
      person_id: null,
      values: { region: 'eu', account: '', endpoint: '' },
      secrets: { api_key: 'k' },
    });
    // The default is not "something filled in": Avançado stays closed.
    expect(advancedOpen(acme, d, NO_ERRORS)).toBe(false);
    expect(advancedOpen(acme, { ...d, values: { ...d.values, region: 'us' } }, NO_ERRORS)).toBe(true);
    expect(advancedOpen(acme, d, { fields: { region: [{ key: 'error.field.invalid', params: {} }] }, summary: [] })).toBe(true);
    expect(inAdvanced(acme, 'region')).toBe(true);
    expect(inAdvanced(acme, 'description')).toBe(false);
    expect(inAdvanced(acme, null)).toBe(false);
  });

  test('a preset pre-fills description, the declared values and the person search', () => {
    const d = initialDraft(infotravel, { mode: 'new', type: 'infotravel', preset });
    expect(d).toEqual({
      description: 'BWT Operadora (Infotravel)',
      person: null,
      personQuery: 'BWT Operadora',
      values: { url: 'https://bwt.infotravel.com.br', supplier_id: 'BWT', agency_code: '', username: '' },
      secrets: {},
      secretsSet: [],
      replacing: [],
    });
    expect(firstToFill(infotravel, d)).toBe('person');
    expect(firstToFill(infotravel, { ...d, person: { id: 1, name: 'BWT' } })).toBe('agency_code');
    expect(firstToFill(infotravel, initialDraft(infotravel, { mode: 'new', type: 'infotravel' }))).toBe('description');
  });

  test('editing: values and the linked person; stored secrets are "definida" and never sent unless replaced', () => {
    const d = initialDraft(infotravel, { mode: 'edit', integration: saved });
    expect(d.person).toEqual({ id: 3, name: 'BWT Operadora Ltda' });
    expect(d.personQuery).toBe('BWT Operadora Ltda');
    expect(d.values.agency_code).toBe('123');
    // Only declared secrets count.
    expect(d.secretsSet).toEqual(['password']);
    expect(secretMode(d, 'password')).toBe('set');
    expect(firstToFill(infotravel, d)).toBe('description');
    expect(toInput(infotravel, { ...d, secrets: { password: 'typed but not replacing' } }).secrets).toEqual({});

    const replacing: Draft = { ...d, replacing: ['password'] };
    expect(secretMode(replacing, 'password')).toBe('input');
    expect(toInput(infotravel, replacing).secrets).toEqual({});
    // Sent as typed: the backend trims it and says so.
    expect(toInput(infotravel, { ...replacing, secrets: { password: ' nova ' } })).toEqual({
      type: 'infotravel',
      description: 'BWT Operadora (Infotravel)',
      person_id: 3,
      values: saved.values,
      secrets: { password: ' nova ' },
    });
  });

  test('a duplicate is a new integration with the same values and person, and no secrets', () => {
    const draft = { type: 'infotravel' as const, description: 'BWT (cópia)', person_id: 3, values: saved.values, secrets: {} };
    const d = initialDraft(infotravel, { mode: 'duplicate', draft, source: saved });
    expect(d.person).toEqual({ id: 3, name: 'BWT Operadora Ltda' });
    expect(d.secretsSet).toEqual([]);
    expect(secretMode(d, 'password')).toBe('input');
    expect(firstToFill(infotravel, d)).toBe('password');
    expect(toInput(infotravel, d).secrets).toEqual({});
  });
});

describe('errors', () => {
  const invalid: ErrorReply = {
    code: 'invalid_input',
    key: 'error.invalid_input',
    field: null,
    fields: [
      { field: 'password', key: 'error.field.required', params: {} },
      { field: 'url', key: 'error.url.no_scheme', params: {} },
      { field: 'person', key: 'error.field.required', params: {} },
      { field: 'description', key: 'error.field.too_long', params: { max: '200' } },
      { field: 'type', key: 'error.integration.type_change', params: {} },
      { field: 'bogus', key: 'error.field.unknown', params: {} },
    ],
    params: {},
  };

  test('field issues go next to the fields the form shows; the rest to the summary', () => {
    const e = splitErrors(infotravel, invalid);
    expect(Object.keys(e.fields).sort()).toEqual(['description', 'password', 'person', 'url']);
    expect(e.fields.description).toEqual([{ key: 'error.field.too_long', params: { max: '200' } }]);
    expect(e.summary.map((m) => m.key)).toEqual(['error.invalid_input', 'error.integration.type_change', 'error.field.unknown']);
    expect(firstInvalid(infotravel, e)).toBe('description');
    const fewer = withFieldErrors(withFieldErrors(e, 'description', []), 'person', []);
    expect(firstInvalid(infotravel, fewer)).toBe('url');
    expect(firstInvalid(infotravel, NO_ERRORS)).toBeNull();
  });

  test('an error without fields is a summary; a supplier error names the field by its label', () => {
    const keyring: ErrorReply = { code: 'keyring_locked', key: 'error.keyring_locked', field: null, fields: [], params: {} };
    expect(splitErrors(infotravel, keyring)).toEqual({ fields: {}, summary: [{ key: 'error.keyring_locked', params: {} }] });
    const missing = { key: 'error.supplier.missing_secret', params: { field: 'password' } };
    expect(errorText(t, infotravel, missing)).toBe(
      t('error.supplier.missing_secret', { field: t('integration.infotravel.password.label') }),
    );
    expect(errorText(t, infotravel, missing)).toContain('“Senha da API”');
    // A field the form does not know keeps its name; other parameters are left alone.
    expect(errorText(t, paytourist, { key: 'error.supplier.missing_secret', params: { field: 'token' } })).toContain('“token”');
    expect(errorText(t, infotravel, { key: 'error.supplier.timeout', params: { host: 'h', seconds: '30' } })).toBe(
      t('error.supplier.timeout', { host: 'h', seconds: '30' }),
    );
    // The summary, translated by FormDialog as is, carries the labels already; field messages are left alone.
    const errors = { fields: { url: [missing] }, summary: [missing, { key: 'error.supplier.timeout', params: { host: 'h', seconds: '30' } }] };
    const labelled = labelledSummary(t, infotravel, errors);
    expect(labelled.summary.map((m) => t(m.key, m.params))).toEqual([errorText(t, infotravel, missing), t('error.supplier.timeout', { host: 'h', seconds: '30' })]);
    expect(labelled.fields).toBe(errors.fields);
    expect(missing.params.field).toBe('password');
    const plain = { fields: {}, summary: [{ key: 'error.supplier.timeout', params: { host: 'h', seconds: '30' } }] };
    expect(labelledSummary(t, infotravel, plain)).toBe(plain);
    expect(fieldLabel(t, infotravel, 'person')).toBe('Pessoa que será vinculada…');
    expect(fieldLabel(t, infotravel, 'description')).toBe('Descrição');
  });
});

test('the picker names what a preset fills in', () => {
  const join = (xs: string[]) => xs.join(' + ');
  expect(presetFills(t, infotravel, preset, join)).toBe('Descrição + URL Webservice + Identificador do Fornecedor');
});
