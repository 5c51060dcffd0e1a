// CPF / CNPJ check digits, mirroring ponte-core's documents.rs, for instant feedback in the form
// (the backend stays the authority). Includes the alphanumeric CNPJ issued since July 2026.
import type { PersonKind } from './bindings/PersonKind';

export type DocumentProblem = 'wrong_length' | 'invalid_characters' | 'check_digit' | 'repeated' | 'letters_in_check_digits';

export type Checked = { ok: true; value: string } | { ok: false; problem: DocumentProblem };

/** Upper-cases and drops the punctuation people type (`.`, `/`, `-`, spaces, tabs); keeps anything else. */
export function normalizeDocument(input: string): string {
  return input.replace(/[./\- \t]/g, '').toUpperCase();
}

function checkDigit(values: number[], weights: number[]): number {
  const sum = values.reduce((acc, v, i) => acc + v * (weights[i] ?? 0), 0);
  const r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

export function validateCpf(input: string): Checked {
  const n = normalizeDocument(input);
  if (!/^[0-9]*$/.test(n)) return { ok: false, problem: 'invalid_characters' };
  if (n.length !== 11) return { ok: false, problem: 'wrong_length' };
  const d = [...n].map(Number);
  if (d.every((x) => x === d[0])) return { ok: false, problem: 'repeated' };
  const dv1 = checkDigit(d.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const dv2 = checkDigit(d.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  if (d[9] !== dv1 || d[10] !== dv2) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: n };
}

/** Each of the first 12 characters is worth its ASCII code minus 48 ('0'→0, 'A'→17); check digits mod 11. */
export function validateCnpj(input: string): Checked {
  const n = normalizeDocument(input);
  if (!/^[0-9A-Z]*$/.test(n)) return { ok: false, problem: 'invalid_characters' };
  if (n.length !== 14) return { ok: false, problem: 'wrong_length' };
  if (!/^[0-9]{2}$/.test(n.slice(12))) return { ok: false, problem: 'letters_in_check_digits' };
  const v = [...n].map((c) => c.charCodeAt(0) - 48);
  if (v.every((x) => x === v[0])) return { ok: false, problem: 'repeated' };
  const dv1 = checkDigit(v.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const dv2 = checkDigit(v.slice(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  if (v[12] !== dv1 || v[13] !== dv2) return { ok: false, problem: 'check_digit' };
  return { ok: true, value: n };
}

export function validateDocument(kind: PersonKind, input: string): Checked {
  return kind === 'company' ? validateCnpj(input) : validateCpf(input);
}

/** The catalogue key the backend uses for this problem (`error.cnpj.check_digit`…). */
export function documentProblemKey(kind: PersonKind, problem: DocumentProblem): string {
  return `error.${kind === 'company' ? 'cnpj' : 'cpf'}.${problem}`;
}

export function formatCpf(n: string): string {
  if (!/^[\x20-\x7e]{11}$/.test(n)) return n;
  return `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6, 9)}-${n.slice(9)}`;
}

export function formatCnpj(n: string): string {
  if (!/^[\x20-\x7e]{14}$/.test(n)) return n;
  return `${n.slice(0, 2)}.${n.slice(2, 5)}.${n.slice(5, 8)}/${n.slice(8, 12)}-${n.slice(12)}`;
}

export function formatDocument(kind: PersonKind, n: string): string {
  return kind === 'company' ? formatCnpj(n) : formatCpf(n);
}
