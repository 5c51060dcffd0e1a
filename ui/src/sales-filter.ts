// The filters of Vendas as the toolbar holds them (dates as typed, the locale's way) and the SalesFilter they
// ask the backend for. Free of the DOM so it can be unit-tested; the toolbar is screens/SalesFilters.tsx.
import type { Locale } from './bindings/Locale';
import type { ProductKind } from './bindings/ProductKind';
import type { SalesFilter } from './bindings/SalesFilter';
import type { SaleStatus } from './bindings/SaleStatus';
import { formatDay, parseDayInput } from './sales-format';

export interface SalesFilterForm {
  query: string;
  flaggedOnly: boolean;
  /** As typed: `25/11/2026` in pt-BR, possibly not (yet) a day. */
  dateFrom: string;
  dateTo: string;
  integrationId: number | null;
  kind: ProductKind | null;
  status: SaleStatus | null;
}

export const EMPTY_FILTER: SalesFilter = {
  query: '',
  integration_id: null,
  kind: null,
  status: null,
  flagged_only: false,
  date_from: null,
  date_to: null,
};

/** No filter at all: the list is empty because nothing was imported (not because nothing matches). */
export const isDefaultFilter = (f: SalesFilter): boolean => JSON.stringify(f) === JSON.stringify(EMPTY_FILTER);

/** The toolbar showing `f` (Vendas opened already filtered, see sales-nav.ts). */
export function formFromFilter(f: Partial<SalesFilter> | null, locale: Locale): SalesFilterForm {
  const full = { ...EMPTY_FILTER, ...f };
  return {
    query: full.query,
    flaggedOnly: full.flagged_only,
    dateFrom: full.date_from ? formatDay(locale, full.date_from) : '',
    dateTo: full.date_to ? formatDay(locale, full.date_to) : '',
    integrationId: full.integration_id,
    kind: full.kind,
    status: full.status,
  };
}

/** What the toolbar asks for. A date that is not (yet) a real day filters nothing (and is marked, see `badDate`). */
export function filterFromForm(form: SalesFilterForm, locale: Locale): SalesFilter {
  return {
    query: form.query.trim(),
    integration_id: form.integrationId,
    kind: form.kind,
    status: form.status,
    flagged_only: form.flaggedOnly,
    date_from: parseDayInput(locale, form.dateFrom),
    date_to: parseDayInput(locale, form.dateTo),
  };
}

/** Something was typed in a date field that is no day. */
export function badDate(locale: Locale, text: string): boolean {
  return text !== '' && parseDayInput(locale, text) === null;
}

/** Whether one of the filters "Limpar filtros" clears is set (the search and the chip have their own way out). */
export function filtersSet(form: SalesFilterForm): boolean {
  return form.dateFrom !== '' || form.dateTo !== '' || form.integrationId !== null || form.kind !== null || form.status !== null;
}

/** "Limpar filtros": everything back to the start, the search and the chip too. */
export const CLEARED: SalesFilterForm = formFromFilter(null, 'en');
