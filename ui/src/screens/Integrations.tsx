import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Integration } from '../bindings/Integration';
import type { IntegrationType } from '../bindings/IntegrationType';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { Preset } from '../bindings/Preset';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import type { StatusFilter } from '../bindings/StatusFilter';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DemoStart, useDemoStatus } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import type { Column } from '../components/ListTable';
import { rowKeyDown, searchKeyDown, SortableHead, useListShortcuts } from '../components/ListTable';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { isDemoIntegration } from '../demo';
import { useDebounced } from '../hooks';
import { useI18n } from '../i18n';
import type { Origin } from '../integration-form';
import { fieldLabel } from '../integration-form';
import type { IntegrationSort, IntegrationSortKey } from '../integrations-list';
import { lastTestTitle, nextIntegrationSort, sortIntegrations, statusBadges } from '../integrations-list';
import { api } from '../api.gen';
import { IntegrationForm } from './IntegrationForm';
import { IntegrationPicker } from './IntegrationPicker';

type Catalog = { status: 'loading' } | { status: 'ok'; types: IntegrationTypeSpec[]; presets: Preset[] } | { status: 'error'; error: ErrorReply };

type ListState =
  | { status: 'loading' }
  | { status: 'ok'; integrations: Integration[]; filtered: boolean }
  | { status: 'error'; error: ErrorReply };

const STATUSES: readonly StatusFilter[] = ['enabled', 'disabled', 'failing', 'untested'];

const COLUMNS: Column<IntegrationSortKey>[] = [
  { key: 'description', label: 'integrations.col.description', class: 'col-description' },
  { key: 'type', label: 'integrations.col.type', class: 'col-type' },
  { key: null, label: 'integrations.col.status', class: 'col-status' },
  { key: 'last_success', label: 'integrations.col.last_success', class: 'col-date' },
  { key: null, label: 'integrations.col.last_import', class: 'col-date col-import' },
  { key: null, label: 'integrations.col.actions', class: 'col-actions', hidden: true },
];

export const SEARCH_DEBOUNCE_MS = 150;

/** An empty cell: a dash to the eye, words to a screen reader. */
function Dash({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="sr-only">{label}</span>
    </>
  );
}

export function Integrations() {
  const { t, formatNumber, formatDate, formatDateTime, collator } = useI18n();
  const toast = useToast();
  const [catalog, setCatalog] = useState<Catalog>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), SEARCH_DEBOUNCE_MS);
  const [typeFilter, setTypeFilter] = useState<IntegrationType | null>(null);
  const [statusFilter, setStatusFilter] = useState<StatusFilter | null>(null);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [sort, setSort] = useState<IntegrationSort>({ key: 'description', dir: 'asc' });
  const [picking, setPicking] = useState(false);
  const [form, setForm] = useState<{ spec: IntegrationTypeSpec; origin: Origin; key: string } | null>(null);
  const [confirming, setConfirming] = useState<Integration | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorReply | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const formSeq = useRef(0);

  useEffect(() => {
    let stale = false;
    Promise.all([api.integrationTypes(), api.integrationPresets()]).then(
      ([types, presets]) => !stale && setCatalog({ status: 'ok', types, presets }),
      (error: ErrorReply) => !stale && setCatalog({ status: 'error', error }),
    );
    return () => {
      stale = true;
    };
  }, []);

  useEffect(() => {
    let stale = false;
    const filtered = debounced !== '' || typeFilter !== null || statusFilter !== null;
    api.integrationsList({ query: debounced, type: typeFilter, status: statusFilter }).then(
      (integrations) => !stale && setList({ status: 'ok', integrations, filtered }),
      (error: ErrorReply) => !stale && setList({ status: 'error', error }),
    );
    return () => {
      stale = true;
    };
  }, [debounced, typeFilter, statusFilter, reload]);

  const demo = useDemoStatus(reload);
  const types = useMemo(() => (catalog.status === 'ok' ? catalog.types : []), [catalog]);
  const specOf = useCallback((ty: IntegrationType) => types.find((s) => s.type === ty), [types]);
  const typeLabel = useCallback((ty: IntegrationType) => {
    const s = specOf(ty);
    return s ? t(s.name_key) : ty;
  }, [specOf, t]);

  const openNew = useCallback(() => {
    if (catalog.status === 'ok') setPicking(true);
  }, [catalog.status]);

  // Ctrl+N: Novo; Ctrl+F: search.
  useListShortcuts(openNew, searchRef);

  const rows = useMemo(
    () => (list.status === 'ok' ? sortIntegrations(list.integrations, sort, collator, typeLabel) : []),
    [list, sort, collator, typeLabel],
  );

  const openForm = (spec: IntegrationTypeSpec, origin: Origin) => {
    setActionError(null);
    setForm({ spec, origin, key: `form-${++formSeq.current}` });
  };

  const edit = (i: Integration) => {
    const spec = specOf(i.type);
    if (spec) openForm(spec, { mode: 'edit', integration: i });
  };

  const duplicate = async (i: Integration) => {
    const spec = specOf(i.type);
    if (!spec) return;
    try {
      const draft = await api.integrationDuplicate(i.id);
      openForm(spec, { mode: 'duplicate', draft, source: i });
    } catch (e) {
      setActionError(e as ErrorReply);
    }
  };

  const toggle = async (i: Integration) => {
    try {
      const saved = await api.integrationSetEnabled(i.id, !i.enabled);
      setActionError(null);
      toast(t(saved.enabled ? 'integrations.enabled_toast' : 'integrations.disabled_toast', { name: saved.description }));
      setReload((n) => n + 1);
    } catch (e) {
      setActionError(e as ErrorReply);
    }
  };

  const remove = async () => {
    if (!confirming) return;
    const i = confirming;
    setBusy(true);
    try {
      await api.integrationDelete(i.id);
      setActionError(null);
      toast(t('integrations.deleted', { name: i.description }));
    } catch (e) {
      setActionError(e as ErrorReply);
    } finally {
      setBusy(false);
      setConfirming(null);
      setReload((n) => n + 1);
    }
  };

  const afterSave = (out: SaveOutcome, created: boolean) => {
    const spec = form?.spec;
    setForm(null);
    const i = out.integration;
    toast(t(created ? 'integrations.created' : 'integrations.updated', { name: i.description }));
    for (const n of out.notices)
      toast(t('integrations.notice', { field: spec ? fieldLabel(t, spec, n.field) : n.field, message: t(n.key, n.params) }), 'notice');
    setReload((x) => x + 1);
  };

  const clearFilters = () => {
    setQuery('');
    setTypeFilter(null);
    setStatusFilter(null);
    searchRef.current?.focus();
  };

  const count = list.status === 'ok' ? list.integrations.length : 0;
  const error = catalog.status === 'error' ? catalog.error : list.status === 'error' ? list.error : null;

  const action = (label: string, i: Integration) => t('integrations.action.on', { action: label, name: i.description });

  return (
    <>
      <TitleBar title={t('integrations.title')}>
        <button
          type="button"
          class="btn btn-primary"
          data-testid="integrations-new"
          aria-keyshortcuts="Control+N"
          disabled={catalog.status !== 'ok'}
          onClick={openNew}
        >
          <Icon name="plus" />
          {t('common.new')}
        </button>
      </TitleBar>
      <div class="content integrations">
        <div class="toolbar">
          <div class="filters">
            <div class="search">
              <Icon name="search" class="search-icon" />
              <label for="integrations-search" class="sr-only">
                {t('common.search')}
              </label>
              <input
                id="integrations-search"
                ref={searchRef}
                class="input search-input"
                type="search"
                autoComplete="off"
                spellcheck={false}
                aria-keyshortcuts="Control+F"
                aria-controls="integrations-table"
                placeholder={t('integrations.search_placeholder')}
                value={query}
                onInput={(e) => setQuery(e.currentTarget.value)}
                onKeyDown={(e) => searchKeyDown(e, query, () => setQuery(''), tbodyRef)}
              />
            </div>
            <label for="integrations-type" class="sr-only">
              {t('integrations.filter.type')}
            </label>
            <select
              id="integrations-type"
              class="input select select-filter"
              data-testid="filter-type"
              value={typeFilter ?? ''}
              onChange={(e) => setTypeFilter((e.currentTarget.value || null) as IntegrationType | null)}
            >
              <option value="">{t('integrations.filter.all_types')}</option>
              {types.map((s) => (
                <option value={s.type} key={s.type}>
                  {t(s.name_key)}
                </option>
              ))}
            </select>
            <label for="integrations-status" class="sr-only">
              {t('integrations.filter.status')}
            </label>
            <select
              id="integrations-status"
              class="input select select-filter"
              data-testid="filter-status"
              value={statusFilter ?? ''}
              onChange={(e) => setStatusFilter((e.currentTarget.value || null) as StatusFilter | null)}
            >
              <option value="">{t('integrations.filter.all_statuses')}</option>
              {STATUSES.map((s) => (
                <option value={s} key={s}>
                  {t(`integrations.filter.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <p class="count" data-testid="integrations-count" aria-live="polite">
            {list.status === 'ok' &&
              (count === 1 ? t('integrations.count_one') : t('integrations.count', { count: formatNumber(count) }))}
          </p>
        </div>

        {actionError && (
          <div class="form-summary action-error" role="alert" data-testid="action-error">
            <Icon name="alert" />
            <p>{t(actionError.key, actionError.params)}</p>
            <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={() => setActionError(null)}>
              <Icon name="close" />
            </button>
          </div>
        )}

        <div class="table-card card">
          {error ? (
            <div class="state state-error" role="alert">
              <Icon name="alert" class="state-icon" />
              <p>{t(error.key, error.params)}</p>
              <button type="button" class="btn" onClick={() => setReload((n) => n + 1)}>
                {t('common.retry')}
              </button>
            </div>
          ) : list.status !== 'ok' || catalog.status !== 'ok' ? (
            <div class="state" aria-busy="true">
              <p>{t('common.loading')}</p>
            </div>
          ) : list.integrations.length === 0 ? (
            <div class="state" data-testid="integrations-empty">
              <Icon name="plug" class="state-icon" />
              {list.filtered ? (
                <>
                  <p>{t('integrations.no_results')}</p>
                  <button type="button" class="btn" data-testid="clear-filters" onClick={clearFilters}>
                    {t('integrations.clear_filters')}
                  </button>
                </>
              ) : (
                <>
                  <p>{t('integrations.empty')}</p>
                  <div class="state-actions">
                    <button type="button" class="btn btn-primary" data-testid="integrations-empty-new" onClick={openNew}>
                      <Icon name="plus" />
                      {t('common.new')}
                    </button>
                    <DemoStart help={false} describedBy="demo-start-help" />
                  </div>
                  <p class="help demo-help" id="demo-start-help">
                    {t('demo.start_help')}
                  </p>
                </>
              )}
            </div>
          ) : (
            <div class="table-scroll">
              <table class="table" id="integrations-table" aria-labelledby="screen-title">
                <SortableHead columns={COLUMNS} sort={sort} onSort={(key) => setSort((s) => nextIntegrationSort(s, key))} />
                <tbody ref={tbodyRef}>
                  {rows.map((i) => {
                    const badges = statusBadges(i);
                    const testTitle = lastTestTitle(t, formatDateTime, i);
                    return (
                      <tr
                        key={i.id}
                        tabIndex={0}
                        class={i.enabled ? undefined : 'row-disabled'}
                        data-testid="integration-row"
                        data-id={i.id}
                        onClick={() => edit(i)}
                        onKeyDown={(e) => rowKeyDown(e, () => edit(i))}
                      >
                        <td class="col-description" title={`${i.description} · ${i.person_name}`}>
                          <span class="cell-main">
                            {isDemoIntegration(demo, i.id) && (
                              <span class="badge badge-demo" data-testid="integration-demo">
                                {t('demo.badge')}
                              </span>
                            )}
                            {i.description}
                          </span>
                          <span class="cell-sub" data-testid="integration-person">
                            <span class="sr-only">{t('integrations.col.person')}: </span>
                            {i.person_name}
                          </span>
                        </td>
                        <td class="col-type">{typeLabel(i.type)}</td>
                        <td class="col-status">
                          <span class="badges">
                            <span class={`badge ${badges.enabled.cls}`} data-testid="status-enabled">
                              {t(badges.enabled.key)}
                            </span>
                            <span class={`badge ${badges.test.cls}`} title={testTitle} data-testid="status-test">
                              {t(badges.test.key)}
                              <span class="sr-only">. {testTitle}</span>
                            </span>
                          </span>
                        </td>
                        <td class="col-date" data-testid="last-success" title={i.last_success_at ? formatDateTime(i.last_success_at) : t('integrations.never_succeeded')}>
                          {i.last_success_at ? formatDate(i.last_success_at) : <Dash label={t('integrations.never_succeeded')} />}
                        </td>
                        <td class="col-date col-import" data-testid="last-import" title={i.last_import_at ? formatDateTime(i.last_import_at) : t('integrations.never_imported')}>
                          {i.last_import_at ? formatDate(i.last_import_at) : <Dash label={t('integrations.never_imported')} />}
                        </td>
                        <td class="col-actions">
                          <span class="row-actions" onClick={(e) => e.stopPropagation()}>
                            <button type="button" class="btn-icon" data-testid="integration-edit" title={t('common.edit')} aria-label={action(t('common.edit'), i)} onClick={() => edit(i)}>
                              <Icon name="edit" />
                            </button>
                            <button
                              type="button"
                              class="btn-icon"
                              data-testid="integration-duplicate"
                              title={t('integrations.action.duplicate')}
                              aria-label={action(t('integrations.action.duplicate'), i)}
                              onClick={() => void duplicate(i)}
                            >
                              <Icon name="copy" />
                            </button>
                            <button
                              type="button"
                              class="btn-icon"
                              data-testid="integration-toggle"
                              title={t(i.enabled ? 'integrations.action.disable' : 'integrations.action.enable')}
                              aria-label={action(t(i.enabled ? 'integrations.action.disable' : 'integrations.action.enable'), i)}
                              aria-pressed={!i.enabled}
                              onClick={() => void toggle(i)}
                            >
                              <Icon name="power" />
                            </button>
                            <button
                              type="button"
                              class="btn-icon btn-icon-danger"
                              data-testid="integration-delete"
                              title={t('common.delete')}
                              aria-label={action(t('common.delete'), i)}
                              onClick={() => setConfirming(i)}
                            >
                              <Icon name="trash" />
                            </button>
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <p class="hint">{t('integrations.shortcuts')}</p>
      </div>
      {picking && catalog.status === 'ok' && (
        <IntegrationPicker
          types={catalog.types}
          presets={catalog.presets}
          onClose={() => setPicking(false)}
          onPick={(spec, preset) => {
            setPicking(false);
            openForm(spec, { mode: 'new', type: spec.type, preset });
          }}
        />
      )}
      {form && (
        <IntegrationForm
          key={form.key}
          spec={form.spec}
          origin={form.origin}
          onClose={() => setForm(null)}
          onSaved={afterSave}
          onTested={() => setReload((n) => n + 1)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          message={t('integrations.confirm_delete', { name: confirming.description })}
          confirmLabel={t('common.delete')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
