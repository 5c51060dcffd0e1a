import { describe, expect, test } from 'vitest';
import type { DocumentProblem } from './documents';
import { documentProblemKey, formatCnpj, formatCpf, normalizeDocument, validateCnpj, validateCpf } from './documents';
import { catalogue } from './i18n';

const fails = (p: DocumentProblem) => ({ ok: false, problem: p });

// The same cases as ponte-core's documents.rs, so both sides agree.
describe('CPF', () => {
  test('valid with and without punctuation', () => {
    expect(validateCpf('529.982.247-25')).toEqual({ ok: true, value: '52998224725' });
    expect(validateCpf('52998224725')).toEqual({ ok: true, value: '52998224725' });
    expect(validateCpf(' 111.444.777-35 ')).toEqual({ ok: true, value: '11144477735' });
  });
  test('refusals', () => {
    expect(validateCpf('529.982.247-24')).toEqual(fails('check_digit'));
    expect(validateCpf('111.111.111-11')).toEqual(fails('repeated'));
    expect(validateCpf('5299822472')).toEqual(fails('wrong_length'));
    expect(validateCpf('529.982.247-2X')).toEqual(fails('invalid_characters'));
    expect(validateCpf('')).toEqual(fails('wrong_length'));
  });
});

describe('CNPJ', () => {
  test('numeric', () => {
    expect(validateCnpj('11.222.333/0001-81')).toEqual({ ok: true, value: '11222333000181' });
    expect(validateCnpj('11.222.333/0001-80')).toEqual(fails('check_digit'));
    expect(validateCnpj('11.222.333/0001-8')).toEqual(fails('wrong_length'));
    expect(validateCnpj('00.000.000/0000-00')).toEqual(fails('repeated'));
  });
  test('alphanumeric: the Receita Federal example', () => {
    expect(validateCnpj('12.ABC.345/01DE-35')).toEqual({ ok: true, value: '12ABC34501DE35' });
    expect(validateCnpj('12abc34501de35')).toEqual({ ok: true, value: '12ABC34501DE35' });
    expect(validateCnpj('12.ABC.345/01DE-36')).toEqual(fails('check_digit'));
    expect(validateCnpj('12.ABC.345/01DE-3A')).toEqual(fails('letters_in_check_digits'));
    expect(validateCnpj('12.ABC.345/01D*-35')).toEqual(fails('invalid_characters'));
  });
  test('a change to any single character is caught (unless it moves the value by a multiple of 11)', () => {
    const base = '12ABC34501DE35';
    const value = (c: string) => c.charCodeAt(0) - 48;
    for (let i = 0; i < 12; i++) {
      const orig = base[i] ?? '';
      const c = ['7', '3', 'K'].find((x) => x !== orig && (value(x) - value(orig)) % 11 !== 0) ?? '';
      expect(validateCnpj(base.slice(0, i) + c + base.slice(i + 1)).ok, `position ${i}`).toBe(false);
    }
    // 'B' (18) → '7' (7) is such a move: the check digits cannot see it, in Rust or here.
    expect(validateCnpj('12A7C34501DE35').ok).toBe(true);
  });
});

test('normalise and format', () => {
  expect(normalizeDocument(' 12.abc.345/01de-35\t')).toBe('12ABC34501DE35');
  expect(formatCpf('52998224725')).toBe('529.982.247-25');
  expect(formatCnpj('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
  expect(formatCnpj('123')).toBe('123');
  expect(formatCpf('ção12345678')).toBe('ção12345678');
});

test('every problem has a message for both kinds', () => {
  const problems: DocumentProblem[] = ['wrong_length', 'invalid_characters', 'check_digit', 'repeated'];
  for (const p of problems) {
    expect(catalogue('en')).toHaveProperty([documentProblemKey('company', p)]);
    expect(catalogue('en')).toHaveProperty([documentProblemKey('individual', p)]);
  }
  expect(catalogue('en')).toHaveProperty([documentProblemKey('company', 'letters_in_check_digits')]);
});
