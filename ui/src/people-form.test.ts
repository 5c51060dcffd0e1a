import { describe, expect, test } from 'vitest';
import type { ErrorReply } from './bindings/ErrorReply';
import type { Person } from './bindings/Person';
import {
  checkDocumentField,
  emptyValues,
  FIELD_ORDER,
  firstInvalid,
  hasErrors,
  NO_ERRORS,
  splitErrors,
  toInput,
  valuesFromPerson,
  withFieldErrors,
} from './people-form';

const person: Person = {
  id: 3,
  kind: 'company',
  name: 'Hotel Bellavista',
  trade_name: null,
  document: '12ABC34501DE35',
  document_display: '12.ABC.345/01DE-35',
  email: 'a@b.it',
  phone: null,
  created_at: '2026-11-25T10:00:00Z',
  updated_at: '2026-11-25T10:00:00Z',
};

describe('toInput', () => {
  test('trims, sends blanks as null and drops the trade name of a Pessoa Física', () => {
    const v = { name: '  Ana  ', trade_name: 'Fantasia', document: ' ', email: ' a@b.com ', phone: '' };
    expect(toInput('individual', v)).toEqual({
      kind: 'individual',
      name: 'Ana',
      trade_name: null,
      document: null,
      email: 'a@b.com',
      phone: null,
    });
    expect(toInput('company', v).trade_name).toBe('Fantasia');
  });

  test('round-trips a person through the form values, showing the punctuated document', () => {
    const v = valuesFromPerson(person);
    expect(v).toEqual({ name: 'Hotel Bellavista', trade_name: '', document: '12.ABC.345/01DE-35', email: 'a@b.it', phone: '' });
    expect(toInput('company', v)).toMatchObject({ name: 'Hotel Bellavista', document: '12.ABC.345/01DE-35', trade_name: null });
    expect(emptyValues()).toEqual({ name: '', trade_name: '', document: '', email: '', phone: '' });
  });
});

describe('splitErrors', () => {
  const invalid: ErrorReply = {
    code: 'invalid_input',
    key: 'error.invalid_input',
    field: null,
    fields: [
      { field: 'phone', key: 'error.phone.invalid', params: {} },
      { field: 'document', key: 'error.cpf.check_digit', params: {} },
      { field: 'name', key: 'error.field.too_long', params: { max: '200' } },
      { field: 'name', key: 'error.field.control_chars', params: {} },
      { field: 'trade_name', key: 'error.field.too_long', params: { max: '200' } },
    ],
    params: {},
  };

  test('puts field issues next to the fields this form shows, the rest in the summary', () => {
    const e = splitErrors('individual', invalid);
    expect(e.fields.name?.map((m) => m.key)).toEqual(['error.field.too_long', 'error.field.control_chars']);
    expect(e.fields.document?.[0]?.key).toBe('error.cpf.check_digit');
    expect(e.fields.trade_name).toBeUndefined();
    expect(e.summary.map((m) => m.key)).toEqual(['error.invalid_input', 'error.field.too_long']);
    expect(firstInvalid('individual', e)).toBe('name');
  });

  test('focus goes to the first invalid field in screen order', () => {
    const e = splitErrors('company', { ...invalid, fields: invalid.fields.slice(0, 2) });
    expect(firstInvalid('company', e)).toBe('document');
    expect(FIELD_ORDER.company.indexOf('document')).toBeLessThan(FIELD_ORDER.company.indexOf('phone'));
  });

  test('a duplicate document is shown at the field only', () => {
    const dup: ErrorReply = {
      code: 'duplicate_document',
      key: 'error.duplicate_document',
      field: 'document',
      fields: [{ field: 'document', key: 'error.duplicate_document', params: { name: 'Ana' } }],
      params: { name: 'Ana', id: '4' },
    };
    const e = splitErrors('company', dup);
    expect(e.summary).toEqual([]);
    expect(e.fields.document).toEqual([{ key: 'error.duplicate_document', params: { name: 'Ana' } }]);
  });

  test('errors without fields (person_in_use, database, ipc) go to the summary with their params', () => {
    const e = splitErrors('company', { code: 'person_in_use', key: 'error.person_in_use', field: null, fields: [], params: { count: '2' } });
    expect(e.summary).toEqual([{ key: 'error.person_in_use', params: { count: '2' } }]);
    expect(firstInvalid('company', e)).toBeNull();
    expect(hasErrors(e)).toBe(true);
    expect(hasErrors(NO_ERRORS)).toBe(false);
  });

  test('a missing kind (no such field on screen) is summarised', () => {
    const e = splitErrors('company', { ...invalid, fields: [{ field: 'kind', key: 'error.field.required', params: {} }] });
    expect(e.summary.map((m) => m.key)).toEqual(['error.invalid_input', 'error.field.required']);
  });
});

describe('field helpers', () => {
  test('document check on leaving the field', () => {
    expect(checkDocumentField('individual', '111.111.111-11').error?.key).toBe('error.cpf.repeated');
    expect(checkDocumentField('individual', '529.982.247-24').error?.key).toBe('error.cpf.check_digit');
    expect(checkDocumentField('individual', '52998224725')).toEqual({ error: null, display: '529.982.247-25' });
    expect(checkDocumentField('company', '12abc34501de35')).toEqual({ error: null, display: '12.ABC.345/01DE-35' });
    expect(checkDocumentField('company', '  ')).toEqual({ error: null, display: '  ' });
  });

  test('withFieldErrors replaces or clears one field', () => {
    const e = withFieldErrors(NO_ERRORS, 'email', [{ key: 'error.email.invalid', params: {} }]);
    expect(firstInvalid('company', e)).toBe('email');
    expect(withFieldErrors(e, 'email', []).fields).toEqual({});
    expect(NO_ERRORS.fields).toEqual({});
  });
});
