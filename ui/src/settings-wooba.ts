// Configurações > Integrações (Wooba's Developer-Token and public key): where the backend's refusal is shown,
// in the one form-errors shape (form-errors.ts).
import type { ErrorReply } from './bindings/ErrorReply';
import type { FormErrors } from './form-errors';

export type WoobaField = 'developer_token' | 'public_key_pem';
export const WOOBA_FIELDS: readonly WoobaField[] = ['developer_token', 'public_key_pem'];

/**
 * Field issues next to the two fields, other issues on top; a refusal without issues on top too. Unlike
 * splitErrors, no "check the fields" line above issues that are all next to their field: the card is short
 * and the messages (e.g. "not a PEM public key") say what to do.
 */
export function woobaErrors(reply: ErrorReply): FormErrors<WoobaField> {
  const shown = (f: string): f is WoobaField => (WOOBA_FIELDS as readonly string[]).includes(f);
  const fields: FormErrors<WoobaField>['fields'] = {};
  for (const issue of reply.fields) if (shown(issue.field)) (fields[issue.field] ??= []).push({ key: issue.key, params: issue.params });
  const summary =
    reply.fields.length === 0 ? [{ key: reply.key, params: reply.params }] : reply.fields.filter((f) => !shown(f.field)).map((f) => ({ key: f.key, params: f.params }));
  return { fields, summary };
}
