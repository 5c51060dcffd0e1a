// The virtualised sales list of Vendas: its count (useLoad), the keyset pages read as the view needs them
// (held in a PageCache, not a "load": pages stream in as the user scrolls), the rows in view, and the keyboard.
// The table that shows it is screens/SalesTable.tsx.
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api } from './api.gen';
import type { ErrorReply } from './bindings/ErrorReply';
import type { SaleRow } from './bindings/SaleRow';
import type { SalesCursor } from './bindings/SalesCursor';
import type { SalesFilter } from './bindings/SalesFilter';
import { PageCache } from './sales-pages';
import type { VisibleWindow } from './sales-virtual';
import { DEFAULT_MAX_HEIGHT, scrollToRow, visibleWindow } from './sales-virtual';
import { toErrorReply } from './transport';
import { useLoad } from './use-load';

/** Rows per sales_page call. */
export const PAGE_SIZE = 100;
/** Every row is this tall (CSS `.sales-table tbody tr` agrees). */
export const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Pages kept in memory on each side of the one in view. */
const KEEP_PAGES = 10;
/** Read the next page when the view is this many rows from the end of what is loaded. */
const READ_AHEAD = 60;

export interface SalesList {
  cache: PageCache<SaleRow, SalesCursor>;
  /** How many sales match (null until known). */
  count: number | null;
  /** The count or a page could not be read (`retry` asks again). */
  error: ErrorReply | null;
  retry: () => void;
  /** Nothing matches: the empty state instead of the table. */
  empty: boolean;
  showTable: boolean;
  /** Nothing known yet (the table is `aria-busy`). */
  loadingFirst: boolean;
  /** The rows to render and the spacers around them. */
  win: VisibleWindow;
  /** The row reached with Tab (the active one, kept within the rendered rows). */
  tabRow: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  headRef: RefObject<HTMLTableSectionElement | null>;
  /** The view scrolled or changed size. */
  measure: () => void;
  setActive: (i: number) => void;
  /** Moves the focus to row `i` (scrolling it into view). */
  moveTo: (i: number) => void;
  onRowsKey: (e: KeyboardEvent) => void;
}

export function useSalesList(filter: SalesFilter, onOpen: (id: number) => void): SalesList {
  const cacheRef = useRef(new PageCache<SaleRow, SalesCursor>(PAGE_SIZE, KEEP_PAGES));
  /** Which filter the pages in flight were asked for: a late page of an older filter is dropped. */
  const generation = useRef(0);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);
  const counted = useLoad(() => api.salesCount(filter), [filter]);
  const count = counted.load.state === 'ready' ? counted.load.data : null;
  const [pageError, setPageError] = useState<ErrorReply | null>(null);
  const error = pageError ?? (counted.load.state === 'error' ? counted.load.error : null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const [active, setActive] = useState(0);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);

  // A new filter: a new list from the top (its count is read by useLoad above).
  useEffect(() => {
    ++generation.current;
    cacheRef.current = new PageCache<SaleRow, SalesCursor>(PAGE_SIZE, KEEP_PAGES);
    setPageError(null);
    setActive(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setView((v) => ({ ...v, top: 0 }));
    bump();
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
  const showTable = !empty || error !== null;

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
          setPageError(toErrorReply(e));
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
        onOpen(row.id);
      }
    }
  };

  const retry = () => {
    setPageError(null);
    cache.retry();
    bump();
    if (counted.load.state !== 'ready') counted.reload();
  };

  return {
    cache,
    count,
    error,
    retry,
    empty,
    showTable,
    loadingFirst: count === null && cache.knownRows === 0 && !error,
    win,
    tabRow: Math.min(Math.max(active, win.start), Math.max(win.start, win.end - 1)),
    scrollRef,
    headRef,
    measure,
    setActive,
    moveTo,
    onRowsKey,
  };
}
