import '../styles/import-sales.css';
import { useMemo, useState } from 'preact/hooks';
import type { SalesFilter } from '../bindings/SalesFilter';
import { TitleBar } from '../components/TitleBar';
import { useDebounced } from '../hooks';
import { useI18n } from '../i18n';
import { importable } from '../import-query';
import { api } from '../api.gen';
import type { SalesFilterForm } from '../sales-filter';
import { CLEARED, filterFromForm, formFromFilter, isDefaultFilter } from '../sales-filter';
import { takePendingFilter } from '../sales-nav';
import { useLoad } from '../use-load';
import { useSalesList } from '../use-sales-list';
import { SalesDetail } from './SalesDetail';
import { SalesExport } from './SalesExport';
import { SalesFilters } from './SalesFilters';
import { SalesSearch } from './SalesSearch';
import { SalesTable } from './SalesTable';

const FILTER_DEBOUNCE_MS = 200;

/** Vendas: every imported sale, filtered and searched, in a virtualised list; a row opens its detail. */
export function Sales() {
  const { t, locale, collator } = useI18n();
  const [form, setForm] = useState<SalesFilterForm>(() => formFromFilter(takePendingFilter(), locale));
  const change = (patch: Partial<SalesFilterForm>) => setForm((old) => ({ ...old, ...patch }));
  const [openId, setOpenId] = useState<number | null>(null);

  // Every filter (the search as much as the selects) settles before the list is read again.
  const settledKey = useDebounced(JSON.stringify(filterFromForm(form, locale)), FILTER_DEBOUNCE_MS);
  const filter = useMemo(() => JSON.parse(settledKey) as SalesFilter, [settledKey]);
  const list = useSalesList(filter, setOpenId);

  // When they cannot be read, the filter offers "all integrations" only; the list itself reports errors.
  const { load: integrations } = useLoad(
    () => api.integrationsList({ query: '', type: null, status: null }).then((all) => importable(all, collator)),
    [collator],
  );

  return (
    <>
      <TitleBar title={t('sales.title')}>
        <SalesExport filter={filter} empty={list.empty} />
      </TitleBar>
      <div class="content sales">
        <SalesSearch
          query={form.query}
          onQuery={(query) => change({ query })}
          flaggedOnly={form.flaggedOnly}
          onToggleFlagged={() => setForm((old) => ({ ...old, flaggedOnly: !old.flaggedOnly }))}
          count={list.count}
          onToFirstRow={() => {
            if (!list.cache.row(0)) return false;
            list.moveTo(0);
            return true;
          }}
        />
        <SalesFilters form={form} onChange={change} onClear={() => setForm(CLEARED)} integrations={integrations.data ?? []} />
        <SalesTable list={list} unfiltered={isDefaultFilter(filter)} onOpen={setOpenId} />
        <p class="hint">{t('sales.shortcuts')}</p>
      </div>
      {openId !== null && <SalesDetail key={openId} id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
