// "Experimentar com dados de demonstração": which records are the demo's, and where starting it leads
// (Importar vendas with the demo's first integration and the last 30 days). Free of the DOM so it can be
// unit-tested; the button is components/DemoStart.tsx.
import type { DemoStatus } from './bindings/DemoStatus';
import type { Integration } from './bindings/Integration';
import { isoDay } from './sales-format';

/** The range the demo's first import asks for: the last 30 days, as the supplier simulator has sales there. */
export const DEMO_DAYS = 30;

export const NO_DEMO: DemoStatus = { active: false, person_id: null, integration_ids: [], set_wooba_settings: false };

/** Whether the integration `id` is one the demo created. */
export function isDemoIntegration(status: DemoStatus | null, id: number): boolean {
  return status !== null && status.active && status.integration_ids.includes(id);
}

/** `days` days before `now` to `now` (local dates, `YYYY-MM-DD`). */
export function lastDays(now: Date, days: number): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  return { from: isoDay(from), to: isoDay(now) };
}

/**
 * Which of the demo's integrations Importar vendas opens with: the first of `ids` (the order the backend
 * created them in, its preferred one first) that `list` has and that is enabled; null when there is none.
 */
export function demoImportTarget(ids: readonly number[], list: readonly Integration[]): number | null {
  return ids.find((id) => list.some((i) => i.id === id && i.enabled)) ?? null;
}
