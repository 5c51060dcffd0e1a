// What Importar vendas asks the backend: the form's values turned into an ImportQuery, checked first the way
// ponte-import's ImportQuery::check does (so mistakes show next to the field at once), and the backend's own
// field errors put back next to the fields.
import type { ErrorReply } from './bindings/ErrorReply';
import type { ImportQuery } from './bindings/ImportQuery';
import type { Integration } from './bindings/Integration';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import type { Locale } from './bindings/Locale';
import type { Params } from './i18n';
import TYPES_JSON from './integration-types.gen.json';
import { formatDay, isoDay, parseDay, parseDayInput } from './sales-format';

export type ImportMode = ImportQuery['mode'];
export type QueryField = 'document' | 'from' | 'to';
export const QUERY_FIELDS: readonly QueryField[] = ['document', 'from', 'to'];

/** ponte-import's MAX_RANGE_DAYS. */
export const MAX_RANGE_DAYS = 366;
export const MAX_DOCUMENT_CHARS = 100;

/** What the form holds: the dates as typed (the locale's way, e.g. `25/11/2026`). */
export interface QueryForm {
  mode: ImportMode;
  document: string;
  from: string;
  to: string;
}

export interface FieldMessage {
  key: string;
  params: Params;
}

export type QueryErrors = Partial<Record<QueryField, FieldMessage>>;

export type Built = { ok: true; query: ImportQuery } | { ok: false; errors: QueryErrors };

const DAY_MS = 86_400_000;

/** The default range: yesterday to today (local dates, `YYYY-MM-DD`). */
export function defaultRange(now: Date): { from: string; to: string } {
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  return { from: isoDay(yesterday), to: isoDay(now) };
}

/** By sale date, yesterday to today, written the locale's way. */
export function emptyForm(now: Date, locale: Locale): QueryForm {
  const r = defaultRange(now);
  return rangeForm(r.from, r.to, locale);
}

/** By sale date, `from` to `to` (`YYYY-MM-DD`), written the locale's way. */
export function rangeForm(from: string, to: string, locale: Locale): QueryForm {
  return { mode: 'dates', document: '', from: formatDay(locale, from), to: formatDay(locale, to) };
}

const msg = (key: string, params: Params = {}): FieldMessage => ({ key, params });

/** The document exactly as typed, but for the spaces a copy-paste adds around it; case is kept. */
export function cleanDocument(s: string): string {
  return s.trim();
}

export function buildQuery(form: QueryForm, locale: Locale): Built {
  const errors: QueryErrors = {};
  if (form.mode === 'document') {
    const document = cleanDocument(form.document);
    if (document === '') errors.document = msg('error.field.required');
    else if (/\s/.test(document) || [...document].length > MAX_DOCUMENT_CHARS) errors.document = msg('error.import.document_format');
    return errors.document ? { ok: false, errors } : { ok: true, query: { mode: 'document', document } };
  }
  const from = parseDayInput(locale, form.from);
  const to = parseDayInput(locale, form.to);
  const f = from === null ? null : parseDay(from);
  const t = to === null ? null : parseDay(to);
  if (f === null) errors.from = msg('error.import.date_format');
  if (t === null) errors.to = msg('error.import.date_format');
  if (f !== null && t !== null) {
    if (t < f) errors.to = msg('error.import.date_order');
    else if ((t - f) / DAY_MS >= MAX_RANGE_DAYS) errors.to = msg('error.import.range_too_long', { days: MAX_RANGE_DAYS });
  }
  return Object.keys(errors).length > 0 || from === null || to === null ? { ok: false, errors } : { ok: true, query: { mode: 'dates', from, to } };
}

/** The field problems of a backend reply (for the fields this form has); the rest stays for the general message. */
export function splitReply(e: ErrorReply): { fields: QueryErrors; general: ErrorReply | null } {
  const fields: QueryErrors = {};
  for (const f of e.fields) {
    const name = f.field as QueryField;
    if (QUERY_FIELDS.includes(name) && !fields[name]) fields[name] = msg(f.key, f.params);
  }
  const rest = e.fields.filter((f) => !QUERY_FIELDS.includes(f.field as QueryField));
  const general = Object.keys(fields).length > 0 && rest.length === 0 ? null : e;
  return { fields, general };
}

/**
 * The types whose supplier has sales to import: their spec says `has_sales`. The specs are the ones
 * `integration_types` answers, generated with this build into integration-types.gen.json (as the message
 * catalogue is bundled from ponte-core/locales), so the filter below stays synchronous and pure.
 */
const SALES_TYPES: ReadonlySet<string> = new Set((TYPES_JSON as IntegrationTypeSpec[]).filter((t) => t.has_sales).map((t) => t.type));

/** Integrations whose type has sales to import, enabled ones first, by description. */
export function importable(list: readonly Integration[], collator: Intl.Collator): Integration[] {
  return list
    .filter((i) => SALES_TYPES.has(i.type))
    .sort((a, b) => Number(b.enabled) - Number(a.enabled) || collator.compare(a.description, b.description) || a.id - b.id);
}
