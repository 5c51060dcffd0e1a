// Início's data, asked for at start beside the app's info (main.tsx), so that the first paint is Início drawn
// from its data: one paint, not the menu with "Carregando…" first and Início a moment later. Taken once:
// coming back to Início later loads it again.
import type { HomeSummary } from './bindings/HomeSummary';

let first: HomeSummary | undefined;

export function setHomeFirst(summary: HomeSummary | undefined): void {
  first = summary;
}

export function takeHomeFirst(): HomeSummary | undefined {
  const summary = first;
  first = undefined;
  return summary;
}
