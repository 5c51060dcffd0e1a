import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Integration } from '../bindings/Integration';
import type { IntegrationType } from '../bindings/IntegrationType';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DemoStart, useDemoStatus } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import type { Column } from '../components/ListTable';
import { SortableHead, useListShortcuts } from '../components/ListTable';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { isDemoIntegration } from '../demo';
import { useDebounced } from '../hooks';
import { useI18n } from '../i18n';
import type { Origin } from '../integration-form';
import { fieldLabel } from '../integration-form';
import type { IntegrationSort, IntegrationSortKey } from '../integrations-list';
import { nextIntegrationSort, sortIntegrations } from '../integrations-list';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { useLoad } from '../use-load';
import type { Filters } from './IntegrationFilters';
import { IntegrationFilters } from './IntegrationFilters';
import { IntegrationForm } from './IntegrationForm';
import { IntegrationPicker } from './IntegrationPicker';
import { IntegrationRow } from './IntegrationRow';

const COLUMNS: Column<IntegrationSortKey>[] = [
  { key: 'description', label: 'integrations.col.description', class: 'col-description' },
  { key: 'type', label: 'integrations.col.type', class: 'col-type' },
  { key: null, label: 'integrations.col.status', class: 'col-status' },
  { key: 'last_success', label: 'integrations.col.last_success', class: 'col-date' },
  { key: null, label: 'integrations.col.last_import', class: 'col-date col-import' },
  { key: null, label: 'integrations.col.actions', class: 'col-actions', hidden: true },
];

export const SEARCH_DEBOUNCE_MS = 150;

/** Cadastros > Integrações: the list (search, filters, sort) and its actions; Novo opens the picker, then the form. */
export function Integrations() {
  const { t, formatNumber, collator } = useI18n();
  const toast = useToast();
  const [filters, setFilters] = useState<Filters>({ query: '', type: null, status: null });
  const debounced = useDebounced(filters.query.trim(), SEARCH_DEBOUNCE_MS);
  /** Bumped after every change: the list and the demo labels are fetched again. */
  const [changes, setChanges] = useState(0);
  const [sort, setSort] = useState<IntegrationSort>({ key: 'description', dir: 'asc' });
  const [picking, setPicking] = useState(false);
  const [form, setForm] = useState<{ spec: IntegrationTypeSpec; origin: Origin; key: string } | null>(null);
  const [confirming, setConfirming] = useState<Integration | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorReply | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  const formSeq = useRef(0);

  const catalog = useLoad(() => Promise.all([api.integrationTypes(), api.integrationPresets()]).then(([types, presets]) => ({ types, presets })), []);
  const list = useLoad(() => {
    // Whether the list is filtered decides what an empty list says.
    const filtered = debounced !== '' || filters.type !== null || filters.status !== null;
    return api.integrationsList({ query: debounced, type: filters.type, status: filters.status }).then((integrations) => ({ integrations, filtered }));
  }, [debounced, filters.type, filters.status, changes]);
  const demo = useDemoStatus(changes);
  const changed = () => setChanges((n) => n + 1);

  const catalogData = catalog.load.data;
  // While a newer list loads, the previous one stays on screen.
  const listData = list.load.data;
  const types = useMemo(() => catalogData?.types ?? [], [catalogData]);
  const specOf = useCallback((ty: IntegrationType) => types.find((s) => s.type === ty), [types]);
  const typeLabel = useCallback(
    (ty: IntegrationType) => {
      const s = specOf(ty);
      return s ? t(s.name_key) : ty;
    },
    [specOf, t],
  );

  const ready = catalogData !== null;
  const openNew = useCallback(() => {
    if (ready) setPicking(true);
  }, [ready]);

  // Ctrl+N: Novo; Ctrl+F: search.
  useListShortcuts(openNew, searchRef);

  const rows = useMemo(() => (listData ? sortIntegrations(listData.integrations, sort, collator, typeLabel) : []), [listData, sort, collator, typeLabel]);

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
      setActionError(toErrorReply(e));
    }
  };

  const toggle = async (i: Integration) => {
    try {
      const saved = await api.integrationSetEnabled(i.id, !i.enabled);
      setActionError(null);
      toast(t(saved.enabled ? 'integrations.enabled_toast' : 'integrations.disabled_toast', { name: saved.description }));
      changed();
    } catch (e) {
      setActionError(toErrorReply(e));
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
      setActionError(toErrorReply(e));
    } finally {
      setBusy(false);
      setConfirming(null);
      changed();
    }
  };

  const afterSave = (out: SaveOutcome, created: boolean) => {
    const spec = form?.spec;
    setForm(null);
    const i = out.integration;
    toast(t(created ? 'integrations.created' : 'integrations.updated', { name: i.description }));
    for (const n of out.notices)
      toast(t('integrations.notice', { field: spec ? fieldLabel(t, spec, n.field) : n.field, message: t(n.key, n.params) }), 'notice');
    changed();
  };

  const clearFilters = () => {
    setFilters({ query: '', type: null, status: null });
    searchRef.current?.focus();
  };

  const retry = () => {
    if (catalog.load.state === 'error') catalog.reload();
    changed();
  };

  const listShown = list.load.state !== 'error' && listData !== null;
  const count = listData?.integrations.length ?? 0;
  const error = catalog.load.state === 'error' ? catalog.load.error : list.load.state === 'error' ? list.load.error : null;

  return (
    <>
      <TitleBar title={t('integrations.title')}>
        <button type="button" class="btn btn-primary" data-testid="integrations-new" aria-keyshortcuts="Control+N" disabled={!ready} onClick={openNew}>
          <Icon name="plus" />
          {t('common.new')}
        </button>
      </TitleBar>
      <div class="content integrations">
        <div class="toolbar">
          <IntegrationFilters filters={filters} onChange={(c) => setFilters((f) => ({ ...f, ...c }))} types={types} searchRef={searchRef} tbodyRef={tbodyRef} />
          <p class="count" data-testid="integrations-count" aria-live="polite">
            {listShown && (count === 1 ? t('integrations.count_one') : t('integrations.count', { count: formatNumber(count) }))}
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

        {/* What the search controls: the table, or why there is none (empty, no match, loading, an error). */}
        <div class="table-card card" id="integrations-results">
          {error ? (
            <div class="state state-error" role="alert">
              <Icon name="alert" class="state-icon" />
              <p>{t(error.key, error.params)}</p>
              <button type="button" class="btn" onClick={retry}>
                {t('common.retry')}
              </button>
            </div>
          ) : !listData || !catalogData ? (
            <div class="state" aria-busy="true">
              <p>{t('common.loading')}</p>
            </div>
          ) : listData.integrations.length === 0 ? (
            <div class="state" data-testid="integrations-empty">
              <Icon name="plug" class="state-icon" />
              {listData.filtered ? (
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
              <table class="table" aria-labelledby="screen-title">
                <SortableHead columns={COLUMNS} sort={sort} onSort={(key) => setSort((s) => nextIntegrationSort(s, key))} />
                <tbody ref={tbodyRef}>
                  {rows.map((i) => (
                    <IntegrationRow
                      key={i.id}
                      integration={i}
                      typeLabel={typeLabel(i.type)}
                      demo={isDemoIntegration(demo, i.id)}
                      onEdit={() => edit(i)}
                      onDuplicate={() => void duplicate(i)}
                      onToggle={() => void toggle(i)}
                      onDelete={() => setConfirming(i)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <p class="hint">{t('integrations.shortcuts')}</p>
      </div>
      {picking && catalogData && (
        <IntegrationPicker
          types={catalogData.types}
          presets={catalogData.presets}
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
          onTested={changed}
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
