// The Vendas commands (src-tauri/src/commands/sales.rs), through ipc.ts's `call`.
import type { CsvExport } from './bindings/CsvExport';
import type { SaleDetail } from './bindings/SaleDetail';
import type { SalesCursor } from './bindings/SalesCursor';
import type { SalesFilter } from './bindings/SalesFilter';
import type { SalesPage } from './bindings/SalesPage';
import { call } from './ipc';

export const salesApi = {
  /** Newest first; pass the previous page's `next` as `cursor` (keyset pagination). */
  page: (filter: SalesFilter, cursor: SalesCursor | null, limit: number) => call<SalesPage>('sales_page', { filter, cursor, limit }),
  count: (filter: SalesFilter) => call<number>('sales_count', { filter }),
  detail: (id: number) => call<SaleDetail>('sale_detail', { id }),
  /** Asks where to save with the system's dialog (`path` null); null back when the user cancels it. */
  exportCsv: (filter: SalesFilter, separator: ';' | ',', path: string | null = null) =>
    call<CsvExport | null>('sales_export_csv', { filter, separator, path }),
};
