// Money, sale dates and the labels of sales (product kinds, statuses) as the user's locale writes them.
import type { Locale } from './bindings/Locale';
import type { ProductKind } from './bindings/ProductKind';
import type { SaleStatus } from './bindings/SaleStatus';

export const KIND_KEYS: Record<ProductKind, string> = {
  car_rental: 'sales.kind.car_rental',
  hotel: 'sales.kind.hotel',
  tour_package: 'sales.kind.tour_package',
  air_ticket: 'sales.kind.air_ticket',
  travel_insurance: 'sales.kind.travel_insurance',
  services: 'sales.kind.services',
  ground_transport: 'sales.kind.ground_transport',
  unmapped: 'sales.kind.unmapped',
};

/** In the order of the user's list of imported kinds (docs/PROTOCOLS.md#imported-product-kinds), unmapped last. */
export const KINDS = Object.keys(KIND_KEYS) as ProductKind[];

export const STATUS_KEYS: Record<SaleStatus, string> = {
  confirmed: 'sales.status.confirmed',
  reserved: 'sales.status.reserved',
  cancelled: 'sales.status.cancelled',
  other: 'sales.status.other',
};

export const STATUSES = Object.keys(STATUS_KEYS) as SaleStatus[];

export function isKind(s: string): s is ProductKind {
  return Object.prototype.hasOwnProperty.call(KIND_KEYS, s);
}

/** `SaleRow.kinds` ("air_ticket,hotel") as kinds, unknown names as `unmapped`, each once, in list order. */
export function parseKinds(kinds: string): ProductKind[] {
  const seen = new Set<ProductKind>();
  for (const k of kinds.split(',')) {
    const s = k.trim();
    if (s !== '') seen.add(isKind(s) ? s : 'unmapped');
  }
  return KINDS.filter((k) => seen.has(k));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** `useGrouping: 'always'` (ES2023; this TypeScript lib only knows booleans). */
const ALWAYS = 'always' as unknown as boolean;

/**
 * `cents` of `currency` as the locale writes money: `R$ 1.234,56` (pt-BR), `1.234,56 €` (it), `€1,234.56` (en).
 * Thousands are always grouped (Italian would otherwise write `1234,56 €`). An unknown currency code is shown
 * as it is, after the number.
 */
export function formatMoney(locale: Locale, cents: number, currency: string): string {
  const key = `${locale} ${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency, useGrouping: ALWAYS });
    } catch {
      const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: ALWAYS });
      const fallback = { format: (n: number) => `${plain.format(n)} ${currency}` };
      f = fallback as Intl.NumberFormat;
    }
    moneyFormats.set(key, f);
  }
  // Cents are integers: dividing by 100 is exact enough for display (never used for arithmetic).
  return f.format(cents / 100);
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` day as UTC milliseconds, or null when it is not a real calendar day. */
export function parseDay(s: string): number | null {
  const m = DAY_RE.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March: refuse it. Years below 100 would be read as 19xx.
  if (y < 1000 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A `YYYY-MM-DD` day (no time, no zone) as the locale writes it, with a four-digit year: `25/11/2026` in pt-BR
 * and it, `11/25/2026` in en. Formatted in UTC so that no time zone can move it to the day before.
 */
export function formatDay(locale: Locale, day: string): string {
  const ms = parseDay(day);
  if (ms === null) return day;
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  return f.format(ms);
}

/**
 * What the user typed in a date field, as `YYYY-MM-DD`, or null when it is not a real day. Reads the locale's
 * order (`25/11/2026` in pt-BR and it, `11/25/2026` in en; `/`, `.`, `-` or spaces between; two-digit years are
 * 20xx; `25112026` without separators) and ISO `2026-11-25` in any locale.
 */
export function parseDayInput(locale: Locale, text: string): string | null {
  const s = text.trim();
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) {
    const [y, m, d] = s.split('-');
    const iso = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
    return parseDay(iso) === null ? null : iso;
  }
  let parts: string[];
  if (/^\d{8}$/.test(s)) parts = [s.slice(0, 2), s.slice(2, 4), s.slice(4)];
  else parts = s.split(/[/.\-\s]+/);
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  const [a, b, c] = parts as [string, string, string];
  const [day, month] = locale === 'en' ? [b, a] : [a, b];
  if (day.length > 2 || month.length > 2 || (c.length !== 2 && c.length !== 4)) return null;
  const year = c.length === 2 ? `20${c}` : c;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return parseDay(iso) === null ? null : iso;
}

/** `from – to`, or one day when both are the same. */
export function formatDayRange(locale: Locale, from: string, to: string): string {
  return from === to ? formatDay(locale, from) : `${formatDay(locale, from)} – ${formatDay(locale, to)}`;
}

/** A local date as `YYYY-MM-DD` (what `<input type="date">` holds). */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The CSV separator a spreadsheet in this language expects: `;` where the decimal mark is a comma. */
export function defaultSeparator(locale: Locale): ';' | ',' {
  return locale === 'en' ? ',' : ';';
}

/** The supplier's record pretty-printed (2 spaces); the text as it is when it is not JSON. */
export function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
