// How far an import has got, in words and numbers: the bar's value, "page 3 of 12", the time left, durations,
// and the fix to show for a run that failed.
import type { Counts } from './bindings/Counts';
import type { ImportRun } from './bindings/ImportRun';
import type { Progress } from './bindings/Progress';
import type { Params } from './i18n';

/** The bar's value in percent (0–100, whole), or null while the total is not known yet. */
export function percent(p: Progress | null): number | null {
  if (!p) return null;
  // A range in periods: how many periods are written (each period's pages are not known ahead).
  if (p.windows_total !== null && p.windows_total > 1) return clampPercent((p.windows_done / p.windows_total) * 100);
  if (p.pages_total !== null && p.pages_total > 0) return clampPercent((p.pages_done / p.pages_total) * 100);
  if (p.sales_total !== null && p.sales_total > 0) return clampPercent((p.sales_done / p.sales_total) * 100);
  return null;
}

const clampPercent = (x: number) => Math.max(0, Math.min(100, Math.floor(x)));

/**
 * A duration the way a progress line says it: `0 s`, `42 s`, `3 min 05 s`, `1 h 02 min`. Seconds are rounded
 * up while counting down (`ceil`), so an ETA never shows 0 s before the end.
 */
export function formatDuration(ms: number, round: 'up' | 'nearest' = 'nearest'): string {
  const totalS = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.round(ms / 1000));
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(s)} s`;
  return `${s} s`;
}

/** A short duration with a decimal below 10 s (`1,4 s` in pt-BR/it): runs of a few seconds are common. */
export function formatShortDuration(ms: number, locale: string): string {
  if (ms >= 10_000) return formatDuration(ms);
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: ms < 1000 ? 1 : 0 }).format(Math.max(0, ms) / 1000);
  return `${n} s`;
}

/** Milliseconds between two ISO times, or null when either is missing or unreadable. */
export function elapsedMs(from: string, to: string | null): number | null {
  if (to === null) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.max(0, b - a);
}

export interface Line {
  key: string;
  params: Params;
}

/** The parts of the progress line, in order: pages, sales, then the time left (or the wait before a retry). */
export function progressLines(p: Progress | null, n: (x: number) => string): Line[] {
  if (!p || (p.pages_done === 0 && p.pages_total === null && p.retry_in_s === null)) return [{ key: 'import.progress.waiting', params: {} }];
  const out: Line[] = [];
  // The period being fetched (1-based), of how many, when the range is fetched in periods.
  if (p.windows_total !== null && p.windows_total > 1) {
    out.push({ key: 'import.progress.windows', params: { done: n(Math.min(p.windows_done + 1, p.windows_total)), total: n(p.windows_total) } });
  }
  out.push(
    p.pages_total !== null
      ? { key: 'import.progress.pages', params: { done: n(p.pages_done), total: n(p.pages_total) } }
      : { key: 'import.progress.pages_unknown', params: { done: n(p.pages_done) } },
  );
  out.push(
    p.sales_total !== null
      ? { key: 'import.progress.sales', params: { done: n(p.sales_done), total: n(p.sales_total) } }
      : { key: 'import.progress.sales_unknown', params: { done: n(p.sales_done) } },
  );
  if (p.retry_in_s !== null) out.push({ key: 'import.progress.retry', params: { seconds: n(p.retry_in_s) } });
  else if (p.eta_ms !== null && p.pages_total !== null && p.pages_done < p.pages_total)
    out.push({ key: 'import.progress.eta', params: { time: formatDuration(p.eta_ms, 'up') } });
  return out;
}

/**
 * The message for a run's recorded error: the catalogue's text naming the fix when there is one that needs no
 * details (`error.supplier.*`, `error.import.*`, `error.*`), else the recorded detail as it is.
 */
export function runError(run: ImportRun, has: (key: string) => string | undefined): { key: string | null; detail: string | null } {
  if (run.error_code === null) return { key: null, detail: run.error_detail };
  for (const key of [`error.supplier.${run.error_code}`, `error.import.${run.error_code}`, `error.${run.error_code}`]) {
    const text = has(key);
    if (text !== undefined && !/\{[A-Za-z0-9_]+\}/.test(text)) return { key, detail: null };
  }
  return { key: null, detail: run.error_detail ?? run.error_code };
}

/** "{count} novas" and "1 nova", for each count a run shows. */
const COUNT_KEYS = {
  new: ['import.history.new', 'import.history.new_one'],
  updated: ['import.history.updated', 'import.history.updated_one'],
  unchanged: ['import.history.unchanged', 'import.history.unchanged_one'],
  flagged: ['import.history.flagged', 'import.history.flagged_one'],
  unmapped: ['import.history.unmapped', 'import.history.unmapped_one'],
  errors: ['import.history.errors', 'import.history.errors_one'],
} as const;

/**
 * A run's counts in words, zeros left out: `main`, what it did to the stored sales (new, updated, unchanged),
 * and `extra`, what needs a look (flagged, unmapped, errors).
 */
export function runCountLines(c: Counts, n: (x: number) => string): { main: Line[]; extra: Line[] } {
  const say = (keys: readonly (keyof typeof COUNT_KEYS)[]): Line[] =>
    keys.filter((k) => c[k] > 0).map((k): Line => (c[k] === 1 ? { key: COUNT_KEYS[k][1], params: {} } : { key: COUNT_KEYS[k][0], params: { count: n(c[k]) } }));
  return { main: say(['new', 'updated', 'unchanged']), extra: say(['flagged', 'unmapped', 'errors']) };
}
