// Início's pure logic: urgency of an expiry, the text of a failure, the first-run state.
import type { Expiry } from './bindings/Expiry';
import type { Failing } from './bindings/Failing';
import type { HomeSummary } from './bindings/HomeSummary';

export type Urgency = 'expired' | 'critical' | 'soon' | 'later';

/** Colour band of an expiry on the timeline: expired, within a week, within 30 days, later. */
export function urgency(e: Expiry): Urgency {
  if (e.days_left < 0) return 'expired';
  if (e.days_left <= 7) return 'critical';
  if (e.days_left <= 30) return 'soon';
  return 'later';
}

/** Where an expiry is dealt with: its token's rotation, or the integration's form. */
export function expiryHref(e: Expiry): string {
  return e.token_id !== null ? `#/tokens/${e.token_id}` : '#/integrations';
}

type Has = (key: string) => string | undefined;

/**
 * The catalogue key that says what went wrong and how to fix it: the supplier error of the last test, else
 * of the last import (`error.supplier.*`, `error.import.*`, `error.*`), else a generic one. Texts that need
 * details Ponte did not keep are skipped.
 */
export function failureKey(f: Failing, has: Has): string {
  const code = f.test_code ?? f.import_code;
  if (code !== null) {
    for (const key of [`error.supplier.${code}`, `error.import.${code}`, `error.${code}`]) {
      const text = has(key);
      if (text !== undefined && !/\{[A-Za-z0-9_]+\}/.test(text)) return key;
    }
  }
  return f.test_code !== null ? 'home.failing.test_failed' : 'home.failing.import_failed';
}

/** Nothing registered yet: Início leads to the first step instead of empty cards. */
export function isFirstRun(s: HomeSummary): boolean {
  return s.people === 0 && s.integrations === 0;
}

/** The chart's series: x as Unix seconds at noon UTC (no day shifts), y as counts. */
export function chartData(s: HomeSummary): [number[], number[]] {
  return [s.sales_per_day.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000), s.sales_per_day.map((d) => d.sales)];
}
