import '../styles/import-sales.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Integration } from '../bindings/Integration';
import type { ProductKind } from '../bindings/ProductKind';
import type { SaleRow } from '../bindings/SaleRow';
import type { SalesCursor } from '../bindings/SalesCursor';
import type { SalesFilter } from '../bindings/SalesFilter';
import type { SaleStatus } from '../bindings/SaleStatus';
import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { useDebounced } from '../hooks';
import { useI18n } from '../i18n';
import { importable } from '../import-query';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { href } from '../router';
import { defaultSeparator, formatDay, formatMoney, KIND_KEYS, KINDS, parseDayInput, STATUS_KEYS, STATUSES } from '../sales-format';
import { takePendingFilter } from '../sales-nav';
import { PageCache } from '../sales-pages';
import { DEFAULT_MAX_HEIGHT, scrollToRow, visibleWindow } from '../sales-virtual';
import { KindBadges, ManualBadge, StatusBadge } from './SalesBadges';
import { DateInput } from './SalesDateInput';
import { SalesDetail } from './SalesDetail';

/** Rows per sales_page call. */
export const PAGE_SIZE = 100;
/** Every row is this tall (CSS `.sales-table tbody tr` agrees). */
export const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Pages kept in memory on each side of the one in view. */
const KEEP_PAGES = 10;
/** Read the next page when the view is this many rows from the end of what is loaded. */
const READ_AHEAD = 60;
const FILTER_DEBOUNCE_MS = 200;
const COLUMNS = 7;

const EMPTY_FILTER: SalesFilter = {
  query: '',
  integration_id: null,
  kind: null,
  status: null,
  flagged_only: false,
  date_from: null,
  date_to: null,
};

const isDefault = (f: SalesFilter) => JSON.stringify(f) === JSON.stringify(EMPTY_FILTER);

export function Sales() {
  const { t, locale, formatNumber, collator } = useI18n();
  const toast = useToast();
  const [initial] = useState(() => ({ ...EMPTY_FILTER, ...takePendingFilter() }));
  const [query, setQuery] = useState(initial.query);
  const [flaggedOnly, setFlaggedOnly] = useState(initial.flagged_only);
  const [dateFrom, setDateFrom] = useState(initial.date_from ? formatDay(locale, initial.date_from) : '');
  const [dateTo, setDateTo] = useState(initial.date_to ? formatDay(locale, initial.date_to) : '');
  const [integrationId, setIntegrationId] = useState<number | null>(initial.integration_id);
  const [kind, setKind] = useState<ProductKind | null>(initial.kind);
  const [status, setStatus] = useState<SaleStatus | null>(initial.status);
  const [integrations, setIntegrations] = useState<Integration[]>([]);
  const [separator, setSeparator] = useState<';' | ','>(() => defaultSeparator(locale));
  const [exporting, setExporting] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);

  // A date that is not (yet) a real day filters nothing and is marked.
  const fromDay = parseDayInput(locale, dateFrom);
  const toDay = parseDayInput(locale, dateTo);
  const typed: SalesFilter = {
    query: query.trim(),
    integration_id: integrationId,
    kind,
    status,
    flagged_only: flaggedOnly,
    date_from: fromDay,
    date_to: toDay,
  };
  // Every filter (the search as much as the selects) settles before the list is read again.
  const settledKey = useDebounced(JSON.stringify(typed), FILTER_DEBOUNCE_MS);
  const filter = useMemo(() => JSON.parse(settledKey) as SalesFilter, [settledKey]);

  const cacheRef = useRef(new PageCache<SaleRow, SalesCursor>(PAGE_SIZE, KEEP_PAGES));
  const generation = useRef(0);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);
  const [count, setCount] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<ErrorReply | null>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const [active, setActive] = useState(0);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let stale = false;
    api.integrationsList({ query: '', type: null, status: null }).then(
      (all) => !stale && setIntegrations(importable(all, collator)),
      () => {
        // The filter then offers "all integrations" only; the list itself reports errors.
      },
    );
    return () => {
      stale = true;
    };
  }, [collator]);

  // A new filter: a new list from the top, and its count.
  useEffect(() => {
    const gen = ++generation.current;
    cacheRef.current = new PageCache<SaleRow, SalesCursor>(PAGE_SIZE, KEEP_PAGES);
    setCount(null);
    setLoadError(null);
    setActive(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
    bump();
    api.salesCount(filter).then(
      (n) => gen === generation.current && setCount(n),
      (e: unknown) => gen === generation.current && setLoadError(toErrorReply(e)),
    );
  }, [filter, bump]);

  const measure = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const head = headRef.current?.offsetHeight ?? 0;
    const top = el.scrollTop;
    const height = Math.max(0, el.clientHeight - head);
    setView((v) => (v.top === top && v.height === height ? v : { top, height }));
  }, []);

  const cache = cacheRef.current;
  const empty = count === 0 || (!cache.hasMore && cache.knownRows === 0);
  const showTable = !empty || loadError !== null;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !showTable) return;
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [showTable, measure]);

  const rowCount = cache.rowCount(count);
  const geometry = { rows: rowCount, rowHeight: ROW_HEIGHT, overscan: OVERSCAN, maxHeight: DEFAULT_MAX_HEIGHT };
  const win = visibleWindow({ scrollTop: view.top, height: view.height }, geometry);

  // Read the pages the view needs (and the next one, ahead of it); drop the far ones.
  useEffect(() => {
    const c = cacheRef.current;
    const gen = generation.current;
    c.evict(c.pageOf(win.first));
    for (const k of c.wanted(win.start, win.end, READ_AHEAD)) {
      c.begin(k);
      api.salesPage(filter, c.cursor(k), PAGE_SIZE).then(
        (page) => {
          if (gen !== generation.current) return;
          c.put(k, page);
          bump();
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          c.fail(k);
          setLoadError(toErrorReply(e));
          bump();
        },
      );
    }
  }, [win.start, win.end, win.first, version, filter, bump]);

  // Keyboard: move the active row; bring it into view; focus it once it is rendered.
  const moveTo = (i: number) => {
    const last = Math.max(0, (cache.hasMore ? cache.knownRows : rowCount) - 1);
    const target = Math.min(Math.max(0, i), last);
    setActive(target);
    const el = scrollRef.current;
    const top = scrollToRow(target, { scrollTop: view.top, height: view.height }, geometry);
    if (el && top !== null) {
      el.scrollTop = top;
      setView((v) => ({ ...v, top: el.scrollTop }));
    }
    setFocusRow(target);
  };
  useEffect(() => {
    if (focusRow === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusRow}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusRow(null);
    }
  }, [focusRow, win.start, win.end, version]);

  const onRowsKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const index = Number(target.closest('tr')?.getAttribute('data-index') ?? active);
    const pageRows = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: Number.MAX_SAFE_INTEGER,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key] ?? 0);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const row = cache.row(index);
      if (row) {
        e.preventDefault();
        setOpenId(row.id);
      }
    }
  };

  // Ctrl+F: search (Cmd on macOS). Not while the detail is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const exportCsv = async () => {
    if (exporting) return;
    setExporting(true);
    try {
      const done = await api.salesExportCsv(filter, separator);
      // null: the save dialog was cancelled, nothing to say.
      if (done) toast(t('sales.exported', { rows: formatNumber(done.rows), path: done.path }));
    } catch (e) {
      const r = toErrorReply(e);
      toast(t(r.fields[0]?.key ?? r.key, r.fields[0]?.params ?? r.params), 'notice');
    } finally {
      setExporting(false);
    }
  };

  const clearFilters = () => {
    setDateFrom('');
    setDateTo('');
    setIntegrationId(null);
    setKind(null);
    setStatus(null);
    setFlaggedOnly(false);
    setQuery('');
  };

  const loadingFirst = count === null && cache.knownRows === 0 && !loadError;
  const filtersSet = dateFrom !== '' || dateTo !== '' || integrationId !== null || kind !== null || status !== null;
  const tabRow = Math.min(Math.max(active, win.start), Math.max(win.start, win.end - 1));

  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    const r = cache.row(i);
    if (!r) {
      rows.push(
        <tr key={`p${i}`} class="row-placeholder" data-testid="sales-row-placeholder" aria-rowindex={i + 2} aria-busy="true">
          <td colSpan={COLUMNS}>
            <span class="skeleton" />
            <span class="sr-only">{t('common.loading')}</span>
          </td>
        </tr>,
      );
      continue;
    }
    rows.push(
      <tr
        key={r.id}
        data-testid="sales-row"
        data-index={i}
        data-id={r.id}
        aria-rowindex={i + 2}
        tabIndex={i === tabRow ? 0 : -1}
        class={r.status === 'cancelled' ? 'row-cancelled' : undefined}
        onClick={() => {
          setActive(i);
          setOpenId(r.id);
        }}
        onFocus={() => setActive(i)}
      >
        <td class="col-s-date">{formatDay(locale, r.sale_date)}</td>
        <td class="col-s-integration" title={r.integration}>
          {r.integration}
        </td>
        <td class="col-s-document mono" title={[r.supplier_sale_id, r.locators].filter(Boolean).join(' · ')}>
          {r.locators !== '' ? r.locators.split(' ')[0] : r.supplier_sale_id}
        </td>
        <td class="col-s-customer" title={r.customer_name ?? undefined}>
          {r.customer_name ?? '—'}
        </td>
        <td class="col-s-kinds">
          <KindBadges kinds={r.kinds} />
        </td>
        <td class="col-s-total num">{formatMoney(locale, r.total_cents, r.currency)}</td>
        <td class="col-s-status">
          <span class="badges">
            <StatusBadge status={r.status} />
            {r.needs_manual_payment && <ManualBadge compact />}
          </span>
        </td>
      </tr>,
    );
  }

  return (
    <>
      <TitleBar title={t('sales.title')}>
        <label class="sr-only" for="sales-separator">
          {t('sales.separator')}
        </label>
        <select
          id="sales-separator"
          class="input select-separator"
          data-testid="sales-separator"
          title={t('sales.separator')}
          value={separator}
          onChange={(e) => setSeparator(e.currentTarget.value === ',' ? ',' : ';')}
        >
          <option value=";">{t('sales.separator.semicolon')}</option>
          <option value=",">{t('sales.separator.comma')}</option>
        </select>
        <button type="button" class="btn btn-primary" data-testid="sales-export" disabled={exporting || empty} aria-busy={exporting} onClick={() => void exportCsv()}>
          <Icon name="download" />
          {exporting ? t('sales.exporting') : t('sales.export')}
        </button>
      </TitleBar>
      <div class="content sales">
        <div class="toolbar">
          <div class="search">
            <Icon name="search" class="search-icon" />
            <label for="sales-search" class="sr-only">
              {t('common.search')}
            </label>
            <input
              id="sales-search"
              ref={searchRef}
              class="input search-input"
              data-testid="sales-search"
              type="search"
              autoComplete="off"
              spellcheck={false}
              aria-keyshortcuts="Control+F"
              aria-controls="sales-table"
              placeholder={t('sales.search_placeholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && query !== '') {
                  e.preventDefault();
                  setQuery('');
                } else if (e.key === 'ArrowDown' && cache.row(0)) {
                  e.preventDefault();
                  moveTo(0);
                }
              }}
            />
          </div>
          <button
            type="button"
            class={flaggedOnly ? 'filter-chip filter-chip-on' : 'filter-chip'}
            data-testid="sales-flagged-only"
            aria-pressed={flaggedOnly}
            onClick={() => setFlaggedOnly((v) => !v)}
          >
            <Icon name={flaggedOnly ? 'check' : 'alert'} />
            {t('sales.flagged_only')}
          </button>
          <p class="count" data-testid="sales-count" aria-live="polite">
            {count === null ? '' : count === 1 ? t('sales.count_one') : t('sales.count', { count: formatNumber(count) })}
          </p>
        </div>
        <div class="sales-filters">
          <div class="filter-dates" role="group" aria-label={t('sales.filter.dates')}>
            <label class="filter-field" for="sales-date-from">
              {t('sales.filter.from')}
            </label>
            <span class={dateFrom !== '' && fromDay === null ? 'field invalid' : 'field'}>
              <DateInput id="sales-date-from" name="date_from" testid="sales-date-from" label={t('sales.filter.date_from')} value={dateFrom} invalid={dateFrom !== '' && fromDay === null} onValue={setDateFrom} />
            </span>
            <label class="filter-field" for="sales-date-to">
              {t('sales.filter.to')}
            </label>
            <span class={dateTo !== '' && toDay === null ? 'field invalid' : 'field'}>
              <DateInput id="sales-date-to" name="date_to" testid="sales-date-to" label={t('sales.filter.date_to')} value={dateTo} invalid={dateTo !== '' && toDay === null} onValue={setDateTo} />
            </span>
          </div>
          <select
            class="input select-filter select-integration"
            aria-label={t('sales.filter.integration')}
            data-testid="sales-filter-integration"
            value={integrationId === null ? '' : String(integrationId)}
            onChange={(e) => setIntegrationId(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          >
            <option value="">{t('sales.filter.integration_all')}</option>
            {integrations.map((i) => (
              <option key={i.id} value={String(i.id)}>
                {i.description}
              </option>
            ))}
          </select>
          <select
            class="input select-filter"
            aria-label={t('sales.filter.kind')}
            data-testid="sales-filter-kind"
            value={kind ?? ''}
            onChange={(e) => setKind(e.currentTarget.value === '' ? null : (e.currentTarget.value as ProductKind))}
          >
            <option value="">{t('sales.filter.kind_all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_KEYS[k])}
              </option>
            ))}
          </select>
          <select
            class="input select-filter"
            aria-label={t('sales.filter.status')}
            data-testid="sales-filter-status"
            value={status ?? ''}
            onChange={(e) => setStatus(e.currentTarget.value === '' ? null : (e.currentTarget.value as SaleStatus))}
          >
            <option value="">{t('sales.filter.status_all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEYS[s])}
              </option>
            ))}
          </select>
          {filtersSet && (
            <button type="button" class="btn btn-small btn-quiet" onClick={clearFilters}>
              <Icon name="close" />
              {t('sales.filter.clear')}
            </button>
          )}
        </div>

        {loadError && (
          <div class="inline-error" role="alert" data-testid="sales-error">
            <Icon name="alert" />
            <p>
              {t('sales.load_failed')} {t(loadError.key, loadError.params)}
            </p>
            <button
              type="button"
              class="btn btn-small"
              onClick={() => {
                setLoadError(null);
                cache.retry();
                bump();
                const gen = generation.current;
                if (count === null)
                  api.salesCount(filter).then(
                    (n) => gen === generation.current && setCount(n),
                    (e: unknown) => gen === generation.current && setLoadError(toErrorReply(e)),
                  );
              }}
            >
              {t('common.retry')}
            </button>
          </div>
        )}

        <div class="table-card card">
          {!showTable ? (
            <div class="state" data-testid="sales-empty">
              <Icon name="receipt" class="state-icon" />
              {isDefault(filter) ? (
                <>
                  <p>{t('sales.empty', { menu: t('menu.import') })}</p>
                  <a class="btn" href={href('import')}>
                    {t('menu.import')}
                  </a>
                </>
              ) : (
                <p>{t('sales.no_results')}</p>
              )}
            </div>
          ) : (
            <div class="table-scroll" ref={scrollRef} onScroll={measure} aria-busy={loadingFirst}>
              <table class="table sales-table" id="sales-table" aria-labelledby="screen-title" aria-rowcount={count === null ? -1 : count + 1}>
                <thead ref={headRef}>
                  <tr aria-rowindex={1}>
                    <th scope="col" class="col-s-date">{t('sales.col.date')}</th>
                    <th scope="col" class="col-s-integration">{t('sales.col.integration')}</th>
                    <th scope="col" class="col-s-document">{t('sales.col.document')}</th>
                    <th scope="col" class="col-s-customer">{t('sales.col.customer')}</th>
                    <th scope="col" class="col-s-kinds">{t('sales.col.products')}</th>
                    <th scope="col" class="col-s-total num">{t('sales.col.total')}</th>
                    <th scope="col" class="col-s-status">{t('sales.col.status')}</th>
                  </tr>
                </thead>
                <tbody onKeyDown={onRowsKey}>
                  {win.top > 0 && (
                    <tr class="spacer" aria-hidden="true">
                      <td colSpan={COLUMNS} style={{ height: `${win.top}px` }} />
                    </tr>
                  )}
                  {rows}
                  {win.bottom > 0 && (
                    <tr class="spacer" aria-hidden="true">
                      <td colSpan={COLUMNS} style={{ height: `${win.bottom}px` }} />
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <p class="hint">{t('sales.shortcuts')}</p>
      </div>
      {openId !== null && <SalesDetail key={openId} id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
