// The message catalogue is shared with the Rust core and CLI: one flat JSON file per language. Each is its own
// file in the build, read when its language is first needed (`loadCatalogue`): a start parses one language, not
// three (docs/STARTUP.md).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from './bindings/Locale';

export type Catalogue = Record<string, string>;
export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['pt-BR', 'it', 'en'];

const LOADERS: Record<Locale, () => Promise<{ default: unknown }>> = {
  'pt-BR': () => import('../../src-tauri/crates/ponte-core/locales/pt-BR.json'),
  it: () => import('../../src-tauri/crates/ponte-core/locales/it.json'),
  en: () => import('../../src-tauri/crates/ponte-core/locales/en.json'),
};

/** The catalogues read so far. */
const loaded: Partial<Record<Locale, Catalogue>> = {};
/** Reads under way, so that a second ask for the same language waits for the first. */
const reading: Partial<Record<Locale, Promise<void>>> = {};

/** Reads `locale`'s catalogue once; translations in that language are available once it resolves. */
export function loadCatalogue(locale: Locale): Promise<void> {
  if (loaded[locale]) return Promise.resolve();
  const pending =
    reading[locale] ??
    LOADERS[locale]().then(
      (m) => {
        loaded[locale] = m.default as Catalogue;
      },
      (e: unknown) => {
        delete reading[locale];
        throw e;
      },
    );
  reading[locale] = pending;
  return pending;
}

/**
 * The language the last start used, kept in the page's own storage. Only a hint for which catalogue to start
 * reading while the core is asked for the user's language (docs/STARTUP.md); the core's answer decides.
 */
const LAST_LOCALE_KEY = 'ponte.last-locale';

export function lastLocaleHint(): Locale | undefined {
  try {
    const hint = localStorage.getItem(LAST_LOCALE_KEY);
    return isLocale(hint) ? hint : undefined;
  } catch {
    return undefined; // storage disabled: no hint, the catalogue is read once the language is known
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LAST_LOCALE_KEY, locale);
  } catch {
    // storage disabled or full: the next start reads its catalogue a moment later, nothing else
  }
}

/** Makes a catalogue available without reading it (the unit tests register all three). */
export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  loaded[locale] = catalogue;
}

/** A catalogue that was read or registered (empty if not yet). */
export function catalogue(locale: Locale): Catalogue {
  return loaded[locale] ?? {};
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Translates `key` like the Rust core does: the locale, then English, then the key itself. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = loaded[locale]?.[key] ?? loaded.en?.[key] ?? key;
  return fill(text, params);
}

/** Maps any BCP 47 / POSIX tag to a supported language (same rule as `Locale::from_tag`). */
export function localeFromTag(tag: string | null | undefined): Locale {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('pt')) return 'pt-BR';
  if (lower.startsWith('it')) return 'it';
  return 'en';
}

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export interface I18n {
  locale: Locale;
  t: (key: string, params?: Params) => string;
  formatNumber: (n: number) => string;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
  collator: Intl.Collator;
}

/** `useGrouping: 'always'` (ES2023; this TypeScript lib only knows booleans). */
const ALWAYS = 'always' as unknown as boolean;

/**
 * Whole numbers as the locale writes them, thousands always grouped: Italian's own rule groups only from five
 * digits (`1234 vendite` next to `12.345 vendite`). An engine without `useGrouping: 'always'` reads it as `true`
 * (the locale's rule): then four-digit numbers get the separator by hand.
 */
export function numberFormat(locale: Locale): (n: number) => string {
  const f = new Intl.NumberFormat(locale, { useGrouping: ALWAYS });
  if (/\D/.test(f.format(1234))) return (n) => f.format(n);
  const group = new Intl.NumberFormat(locale).formatToParts(12345).find((p) => p.type === 'group')?.value ?? '';
  return (n) => {
    const s = f.format(n);
    return group !== '' && Number.isInteger(n) && Math.abs(n) >= 1000 && Math.abs(n) < 10000 ? s.replace(/(\d)(\d{3})$/, `$1${group}$2`) : s;
  };
}

export function makeI18n(locale: Locale): I18n {
  const formatNumber = numberFormat(locale);
  // Four-digit years, as people write dates on forms (25/11/2026; Italian's short style would give 25/11/26).
  const dates = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTimes = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const safe = (f: Intl.DateTimeFormat, iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    formatNumber,
    formatDate: (iso) => safe(dates, iso),
    formatDateTime: (iso) => safe(dateTimes, iso),
    collator: new Intl.Collator(locale, { sensitivity: 'base', numeric: true }),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('pt-BR'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
