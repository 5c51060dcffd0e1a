// Form logic for Cadastros > Pessoas, kept free of the DOM so it can be unit-tested.
import type { ErrorReply } from './bindings/ErrorReply';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonKind } from './bindings/PersonKind';
import { documentProblemKey, formatDocument, validateDocument } from './documents';

export type FieldName = 'name' | 'trade_name' | 'document' | 'email' | 'phone';

/** The fields each kind shows, in screen (and Tab) order. */
export const FIELD_ORDER: Record<PersonKind, readonly FieldName[]> = {
  company: ['name', 'trade_name', 'document', 'email', 'phone'],
  individual: ['name', 'document', 'email', 'phone'],
};

export const REQUIRED: ReadonlySet<FieldName> = new Set<FieldName>(['name']);

export type FormValues = Record<FieldName, string>;

export interface Message {
  key: string;
  params: Record<string, string>;
}

export interface FormErrors {
  /** Messages shown next to each field. */
  fields: Partial<Record<FieldName, Message[]>>;
  /** Messages shown at the top of the form (non-field errors, fields this form does not show). */
  summary: Message[];
}

export const NO_ERRORS: FormErrors = { fields: {}, summary: [] };

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

function isField(kind: PersonKind, f: string | null): f is FieldName {
  return f !== null && (FIELD_ORDER[kind] as readonly string[]).includes(f);
}

/** Splits a backend error into messages next to fields and a summary at the top of the form. */
export function splitErrors(kind: PersonKind, reply: ErrorReply): FormErrors {
  const fields: Partial<Record<FieldName, Message[]>> = {};
  const summary: Message[] = [];
  for (const issue of reply.fields) {
    const m = { key: issue.key, params: issue.params };
    if (isField(kind, issue.field)) (fields[issue.field] ??= []).push(m);
    else summary.push(m);
  }
  if (reply.code === 'invalid_input') summary.unshift({ key: reply.key, params: reply.params });
  else if (reply.fields.length === 0) summary.push({ key: reply.key, params: reply.params });
  return { fields, summary };
}

/** The first field (in screen order) that has an error: where focus goes after a failed save. */
export function firstInvalid(kind: PersonKind, errors: FormErrors): FieldName | null {
  return FIELD_ORDER[kind].find((f) => (errors.fields[f]?.length ?? 0) > 0) ?? null;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.summary.length > 0 || Object.values(errors.fields).some((m) => (m?.length ?? 0) > 0);
}

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

/** Replaces one field's messages (e.g. after the field was edited or re-checked). */
export function withFieldErrors(errors: FormErrors, field: FieldName, messages: Message[]): FormErrors {
  const fields = { ...errors.fields };
  if (messages.length > 0) fields[field] = messages;
  else delete fields[field];
  return { fields, summary: errors.summary };
}
