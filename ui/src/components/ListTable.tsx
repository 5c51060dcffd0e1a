// What the list screens (Pessoas, Integrações, Lembretes) share: the sortable header row, the keys on a row and
// in the search field, and the Ctrl+N / Ctrl+F shortcuts.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { SortDir } from '../people-list';
import { Icon } from './Icon';

export interface Column<K extends string> {
  /** The sort key of a sortable column; null for one that is not. */
  key: K | null;
  /** Catalogue key of the header. */
  label: string;
  class: string;
  /** A header for screen readers only (the actions column). */
  hidden?: boolean;
}

export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/** A list table's header row: sortable columns are buttons and say how they sort (`aria-sort`). */
export function SortableHead<K extends string>(props: { columns: readonly Column<K>[]; sort: SortState<K>; onSort: (key: K) => void }) {
  const { t } = useI18n();
  const { sort } = props;
  return (
    <thead>
      <tr>
        {props.columns.map((c) => {
          const label = t(c.label);
          const key = c.key;
          if (key === null)
            return (
              <th scope="col" class={c.class} key={c.label}>
                {c.hidden ? <span class="sr-only">{label}</span> : label}
              </th>
            );
          const active = sort.key === key;
          return (
            <th scope="col" class={c.class} key={c.label} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button
                type="button"
                class={active ? 'th-sort active' : 'th-sort'}
                title={t('common.sort_by', { column: label })}
                data-testid={`sort-${key}`}
                onClick={() => props.onSort(key)}
              >
                <span class="th-label">{label}</span>
                <Icon name={active ? (sort.dir === 'asc' ? 'sort-asc' : 'sort-desc') : 'sort'} class="sort-icon" />
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** Keys on a focused row (not on a button inside it): Enter or Space opens it, ↑ ↓ move to the next row. */
export function rowKeyDown(e: KeyboardEvent, open: () => void): void {
  if (e.target !== e.currentTarget) return;
  const row = e.currentTarget as HTMLElement;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
    if (next instanceof HTMLElement) next.focus();
  }
}

/** Keys in a list's search field: Esc empties it, ↓ goes to the first row. */
export function searchKeyDown(e: KeyboardEvent, query: string, clear: () => void, tbody: RefObject<HTMLTableSectionElement | null>): void {
  if (e.key === 'Escape' && query !== '') {
    e.preventDefault();
    clear();
  } else if (e.key === 'ArrowDown') {
    const first = tbody.current?.querySelector('tr');
    if (first) {
      e.preventDefault();
      first.focus();
    }
  }
}

/** Ctrl+N: `onNew`; Ctrl+F: the search field (Cmd on macOS). Not while a dialog is open. */
export function useListShortcuts(onNew: () => void, search: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      const k = e.key.toLowerCase();
      if (k === 'n') {
        e.preventDefault();
        onNew();
      } else if (k === 'f') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onNew, search]);
}
