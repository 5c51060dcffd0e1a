import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Person } from '../bindings/Person';
import type { PersonKind } from '../bindings/PersonKind';
import { Icon } from '../components/Icon';
import type { Column } from '../components/ListTable';
import { rowKeyDown, searchKeyDown, SortableHead, useListShortcuts } from '../components/ListTable';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { useDebounced } from '../hooks';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import type { Sort, SortKey } from '../people-list';
import { KIND_KEYS, MAX_RESULTS, nextSort, sortPeople } from '../people-list';
import { useLoad } from '../use-load';
import type { Editing } from './PersonForm';
import { PersonForm } from './PersonForm';

const COLUMNS: Column<SortKey>[] = [
  { key: 'name', label: 'people.col.name', class: 'col-name' },
  { key: 'kind', label: 'people.col.kind', class: 'col-kind' },
  { key: 'document', label: 'people.col.document', class: 'col-document' },
  { key: null, label: 'people.col.email', class: 'col-email' },
  { key: null, label: 'people.col.phone', class: 'col-phone' },
];

export const SEARCH_DEBOUNCE_MS = 150;

export function People() {
  const { t, formatNumber, collator } = useI18n();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  // The people found and what was searched for; while the next search runs, the last answer stays.
  const { load, reload } = useLoad(() => api.peopleSearch(debounced, null).then((people) => ({ people, query: debounced })), [debounced]);
  const list = load.state === 'error' ? null : load.data;
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const [editing, setEditing] = useState<Editing | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);

  const openNew = useCallback((kind: PersonKind) => setEditing({ mode: 'new', kind }), []);
  const newCompany = useCallback(() => openNew('company'), [openNew]);

  // Ctrl+N: new company; Ctrl+F: search.
  useListShortcuts(newCompany, searchRef);

  const kindLabel = useCallback((k: PersonKind) => t(KIND_KEYS[k]), [t]);
  const rows = useMemo(
    () => (list ? sortPeople(list.people, sort, collator, kindLabel) : []),
    [list, sort, collator, kindLabel],
  );

  const afterSave = (p: Person, created: boolean) => {
    setEditing(null);
    toast(t(created ? 'people.created' : 'people.updated', { name: p.name }));
    reload();
  };
  const afterDelete = (p: Person) => {
    setEditing(null);
    toast(t('people.deleted', { name: p.name }));
    reload();
  };

  const count = list ? list.people.length : 0;

  return (
    <>
      <TitleBar title={t('people.title')}>
        <button type="button" class="btn" data-testid="people-new-individual" onClick={() => openNew('individual')}>
          <Icon name="plus" />
          {t('people.new_individual')}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          data-testid="people-new-company"
          aria-keyshortcuts="Control+N"
          onClick={() => openNew('company')}
        >
          <Icon name="plus" />
          {t('people.new_company')}
        </button>
      </TitleBar>
      <div class="content people">
        <div class="toolbar">
          <div class="search">
            <Icon name="search" class="search-icon" />
            <label for="people-search" class="sr-only">
              {t('common.search')}
            </label>
            <input
              id="people-search"
              ref={searchRef}
              class="input search-input"
              type="search"
              autoComplete="off"
              spellcheck={false}
              aria-keyshortcuts="Control+F"
              aria-controls="people-results"
              placeholder={t('people.search_placeholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => searchKeyDown(e, query, () => setQuery(''), tbodyRef)}
            />
          </div>
          <p class="count" data-testid="people-count" aria-live="polite">
            {list &&
              (count === 1 ? t('people.count_one') : t('people.count', { count: formatNumber(count) }))}
            {list && count >= MAX_RESULTS && (
              <span class="too-many"> · {t('people.too_many', { count: formatNumber(MAX_RESULTS) })}</span>
            )}
          </p>
        </div>

        {/* What the search controls: the table, or why there is none (empty, no match, loading, an error). */}
        <div class="table-card card" id="people-results">
          {load.state === 'error' ? (
            <div class="state state-error" role="alert">
              <Icon name="alert" class="state-icon" />
              <p>{t(load.error.key, load.error.params)}</p>
              <button type="button" class="btn" onClick={reload}>
                {t('common.retry')}
              </button>
            </div>
          ) : list === null ? (
            <div class="state" aria-busy="true">
              <p>{t('common.loading')}</p>
            </div>
          ) : list.people.length === 0 ? (
            <div class="state" data-testid="people-empty">
              <Icon name="people" class="state-icon" />
              <p>{list.query === '' ? t('people.empty') : t('people.no_results', { query: list.query })}</p>
            </div>
          ) : (
            <div class="table-scroll">
              <table class="table" aria-labelledby="screen-title">
                <SortableHead columns={COLUMNS} sort={sort} onSort={(key) => setSort((s) => nextSort(s, key))} />
                <tbody ref={tbodyRef}>
                  {rows.map((p) => (
                    <tr
                      key={p.id}
                      tabIndex={0}
                      data-testid="person-row"
                      data-id={p.id}
                      onClick={() => setEditing({ mode: 'edit', person: p })}
                      onKeyDown={(e) => rowKeyDown(e, () => setEditing({ mode: 'edit', person: p }))}
                    >
                      <td class="col-name" title={p.trade_name ? `${p.name} · ${p.trade_name}` : p.name}>
                        <span class="cell-main">{p.name}</span>
                        {p.trade_name && <span class="cell-sub">{p.trade_name}</span>}
                      </td>
                      <td class="col-kind">
                        <span class={`badge badge-${p.kind}`}>{kindLabel(p.kind)}</span>
                      </td>
                      <td class="col-document mono">{p.document_display ?? p.document ?? ''}</td>
                      <td class="col-email" title={p.email ?? undefined}>
                        {p.email ?? ''}
                      </td>
                      <td class="col-phone">{p.phone ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <p class="hint">{t('people.shortcuts')}</p>
      </div>
      {editing && (
        <PersonForm
          key={editing.mode === 'edit' ? `edit-${editing.person.id}` : `new-${editing.kind}`}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={afterSave}
          onDeleted={afterDelete}
        />
      )}
    </>
  );
}
