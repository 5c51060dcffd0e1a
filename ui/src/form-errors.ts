// The one model of a form's errors: a backend ErrorReply split into messages next to the fields the form
// shows and a summary on top; where focus goes after a failed save; clearing a field once it is edited.
// Every form (Pessoas, Integrações, Tokens) uses it with its own list of fields, in screen order.
import type { ErrorReply } from './bindings/ErrorReply';

/** A catalogue key and its parameters: translated where it is shown. */
export interface Message {
  key: string;
  params: Record<string, string>;
}

export interface FormErrors<F extends string = string> {
  /** Messages shown next to each field. */
  fields: Partial<Record<F, Message[]>>;
  /** Messages shown at the top of the form (non-field errors, fields this form does not show). */
  summary: Message[];
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, summary: [] };

/**
 * Splits a backend error. Field issues go next to their field when the form shows it, else to the summary;
 * an input error also says so on top; an error without issues that names a shown field (PayTourist refused
 * the pasted token: `field: "token"`) goes next to that field.
 */
export function splitErrors<F extends string>(reply: ErrorReply, shown: readonly F[]): FormErrors<F> {
  const isShown = (f: string | null): f is F => f !== null && (shown as readonly string[]).includes(f);
  const fields: Partial<Record<F, Message[]>> = {};
  const summary: Message[] = [];
  for (const issue of reply.fields) {
    const m = { key: issue.key, params: issue.params };
    if (isShown(issue.field)) (fields[issue.field] ??= []).push(m);
    else summary.push(m);
  }
  if (reply.fields.length === 0) {
    const m = { key: reply.key, params: reply.params };
    if (isShown(reply.field)) (fields[reply.field] ??= []).push(m);
    else summary.push(m);
  } else if (reply.code === 'invalid_input') summary.unshift({ key: reply.key, params: reply.params });
  return { fields, summary };
}

/** The first field, in screen order, with a message: where focus goes after a failed save. */
export function firstInvalid<F extends string>(errors: FormErrors<F>, order: readonly F[]): F | null {
  return order.find((f) => (errors.fields[f]?.length ?? 0) > 0) ?? null;
}

export function hasErrors(errors: FormErrors<string>): boolean {
  return errors.summary.length > 0 || Object.values<Message[] | undefined>(errors.fields).some((m) => (m?.length ?? 0) > 0);
}

/** Replaces one field's messages (none: the field is clean again, e.g. after it was edited). */
export function withFieldErrors<F extends string>(errors: FormErrors<F>, field: NoInfer<F>, messages: Message[]): FormErrors<F> {
  const current = errors.fields[field];
  if (messages.length === 0 && !current) return errors;
  const fields = { ...errors.fields };
  if (messages.length > 0) fields[field] = messages;
  else delete fields[field];
  return { fields, summary: errors.summary };
}
