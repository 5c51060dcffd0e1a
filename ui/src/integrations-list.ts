// Status badges, the last test's message and sorting of the integrations table.
import type { Integration } from './bindings/Integration';
import type { IntegrationType } from './bindings/IntegrationType';
import type { Params } from './i18n';
import type { SortDir } from './people-list';
import { nextSort } from './people-list';

type T = (key: string, params?: Params) => string;

export type IntegrationSortKey = 'description' | 'type' | 'last_success';
export interface IntegrationSort {
  key: IntegrationSortKey;
  dir: SortDir;
}

/** Clicking the current column flips the direction; another column starts ascending (as in Pessoas). */
export const nextIntegrationSort: (current: IntegrationSort, key: IntegrationSortKey) => IntegrationSort = nextSort;

/** Sorts a copy; integrations never tested successfully come last; ties by description, then id. */
export function sortIntegrations(
  list: readonly Integration[],
  sort: IntegrationSort,
  collator: Intl.Collator,
  typeLabel: (t: IntegrationType) => string,
): Integration[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byDescription = (a: Integration, b: Integration) => collator.compare(a.description, b.description) || a.id - b.id;
  return [...list].sort((a, b) => {
    switch (sort.key) {
      case 'description':
        return sign * byDescription(a, b);
      case 'type':
        return sign * collator.compare(typeLabel(a.type), typeLabel(b.type)) || byDescription(a, b);
      case 'last_success': {
        const x = a.last_success_at;
        const y = b.last_success_at;
        if (x === null || y === null) return x === y ? byDescription(a, b) : x === null ? 1 : -1;
        return sign * (x < y ? -1 : x > y ? 1 : 0) || byDescription(a, b);
      }
    }
  });
}

export interface Badge {
  key: string;
  cls: string;
}

/** Two badges: enabled/disabled, and how the last connection test went. */
export function statusBadges(i: Integration): { enabled: Badge; test: Badge } {
  const enabled = i.enabled
    ? { key: 'integrations.status.enabled', cls: 'badge-on' }
    : { key: 'integrations.status.disabled', cls: 'badge-off' };
  const test =
    i.last_test === null
      ? { key: 'integrations.status.untested', cls: 'badge-untested' }
      : i.last_test.ok
        ? { key: 'integrations.status.ok', cls: 'badge-ok' }
        : { key: 'integrations.status.failing', cls: 'badge-failing' };
  return { enabled, test };
}

/** The host of the integration's first web address, to name it in a network error. */
export function integrationHost(i: Integration): string | null {
  for (const v of Object.values(i.values)) {
    if (!v.includes('://')) continue;
    try {
      const host = new URL(v).host;
      if (host) return host;
    } catch {
      // not an address
    }
  }
  return null;
}

/**
 * The stored failure (only its code is kept) as the supplier error's text: the host filled in from the
 * integration's address, any other detail that was not kept shown as "…".
 */
export function failureText(t: T, i: Integration): string {
  const code = i.last_test?.code ?? 'unexpected_reply';
  const host = integrationHost(i);
  return t(`error.supplier.${code}`, host ? { host } : {}).replace(/\{[A-Za-z0-9_]+\}/g, '…');
}

/** The status badge's tooltip: when the last test ran and, if it failed, why and what to do. */
export function lastTestTitle(t: T, formatDateTime: (iso: string) => string, i: Integration): string {
  const lt = i.last_test;
  if (lt === null) return t('integrations.status.never_tested');
  const date = formatDateTime(lt.at);
  return lt.ok ? t('integrations.status.ok_at', { date }) : t('integrations.status.failed_at', { date, message: failureText(t, i) });
}
