// Opening Vendas already filtered (e.g. "see these sales" after an import flagged some for manual payment).
import type { SalesFilter } from './bindings/SalesFilter';

let pending: Partial<SalesFilter> | null = null;

/** Goes to Vendas with `filter` applied. */
export function openSales(filter: Partial<SalesFilter>): void {
  pending = filter;
  window.location.hash = '#/sales';
}

/** The filter Vendas was opened with, once. */
export function takePendingFilter(): Partial<SalesFilter> | null {
  const p = pending;
  pending = null;
  return p;
}
