// "Expira em" of an integration's secrets (edit form): the stored dates come from Lembretes' list
// (`secret:<integration>:<field>`), and only the dates that changed are sent (secret_expiry_set).
import type { Expiry } from './bindings/Expiry';
import type { Locale } from './bindings/Locale';
import type { Message } from './form-errors';
import { parseDayInput } from './sales-format';

/** The stored expiry (`YYYY-MM-DD`) of each secret of integration `id`, by field. */
export function secretExpiries(list: readonly Expiry[], id: number): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `secret:${id}:`;
  for (const e of list) if (e.token_id === null && e.key.startsWith(prefix)) out[e.key.slice(prefix.length)] = e.expires_on;
  return out;
}

export interface ExpiryChange {
  field: string;
  /** `YYYY-MM-DD`, or null to remove the date. */
  expiresOn: string | null;
}

export type ExpiryChanges = { ok: true; changes: ExpiryChange[] } | { ok: false; errors: Record<string, Message> };

/**
 * The dates to send for `fields`: what is typed (the locale's way, or ISO; empty removes the date) where it differs
 * from what is stored. A date that cannot be read is refused next to its field, with the backend's message.
 */
export function expiryChanges(locale: Locale, fields: readonly string[], typed: Record<string, string>, stored: Record<string, string>): ExpiryChanges {
  const changes: ExpiryChange[] = [];
  const errors: Record<string, Message> = {};
  for (const field of fields) {
    const text = (typed[field] ?? '').trim();
    const iso = text === '' ? null : parseDayInput(locale, text);
    if (text !== '' && iso === null) {
      errors[field] = { key: 'error.import.date_format', params: {} };
      continue;
    }
    if ((iso ?? '') !== (stored[field] ?? '')) changes.push({ field, expiresOn: iso });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, changes };
}

/**
 * The stored dates (`YYYY-MM-DD`) shown the locale's way once Lembretes' list arrives; a date typed meanwhile
 * wins over the stored one.
 */
export function withStoredExpiries(typed: Record<string, string>, stored: Record<string, string>, format: (iso: string) => string): Record<string, string> {
  const next = { ...typed };
  for (const [k, v] of Object.entries(stored)) if ((next[k] ?? '') === '') next[k] = format(v);
  return next;
}
