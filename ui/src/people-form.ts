// Form logic for Cadastros > Pessoas, kept free of the DOM so it can be unit-tested.
import type { ErrorReply } from './bindings/ErrorReply';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonKind } from './bindings/PersonKind';
import { documentProblemKey, formatDocument, validateDocument } from './documents';
import type { FormErrors as FE, Message } from './form-errors';
import { firstInvalid as firstInvalidOf, NO_ERRORS as NO_FE, splitErrors as splitReply } from './form-errors';

export type FieldName = 'name' | 'trade_name' | 'document' | 'email' | 'phone';

/** The fields each kind shows, in screen (and Tab) order. */
export const FIELD_ORDER: Record<PersonKind, readonly FieldName[]> = {
  company: ['name', 'trade_name', 'document', 'email', 'phone'],
  individual: ['name', 'document', 'email', 'phone'],
};

export const REQUIRED: ReadonlySet<FieldName> = new Set<FieldName>(['name']);

export type FormValues = Record<FieldName, string>;

export type { Message } from './form-errors';
export type FormErrors = FE<FieldName>;

export const NO_ERRORS: FormErrors = NO_FE;

export function emptyValues(): FormValues {
  return { name: '', trade_name: '', document: '', email: '', phone: '' };
}

export function valuesFromPerson(p: Person): FormValues {
  return {
    name: p.name,
    trade_name: p.trade_name ?? '',
    document: p.document_display ?? p.document ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
  };
}

const blankToNull = (s: string): string | null => {
  const v = s.trim();
  return v === '' ? null : v;
};

/** What the form submits: trimmed, blanks as null, no trade name for a Pessoa Física. */
export function toInput(kind: PersonKind, v: FormValues): PersonInput {
  return {
    kind,
    name: v.name.trim(),
    trade_name: kind === 'company' ? blankToNull(v.trade_name) : null,
    document: blankToNull(v.document),
    email: blankToNull(v.email),
    phone: blankToNull(v.phone),
  };
}

/** Splits a backend error into messages next to this kind's fields and a summary on top. */
export function splitErrors(kind: PersonKind, reply: ErrorReply): FormErrors {
  return splitReply(reply, FIELD_ORDER[kind]);
}

/** The first field (in screen order) that has an error: where focus goes after a failed save. */
export function firstInvalid(kind: PersonKind, errors: FormErrors): FieldName | null {
  return firstInvalidOf(errors, FIELD_ORDER[kind]);
}

export { hasErrors, withFieldErrors } from './form-errors';

/**
 * Instant feedback when leaving the document field: the problem the backend would report, or, when the
 * document is valid, its punctuated form to show instead of what was typed.
 */
export function checkDocumentField(kind: PersonKind, raw: string): { error: Message | null; display: string } {
  if (raw.trim() === '') return { error: null, display: raw };
  const r = validateDocument(kind, raw);
  if (r.ok) return { error: null, display: formatDocument(kind, r.value) };
  return { error: { key: documentProblemKey(kind, r.problem), params: {} }, display: raw };
}
