import '../styles/import-sales.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useDemoStatus } from '../components/DemoStart';
import { TitleBar } from '../components/TitleBar';
import { demoImportTarget, isDemoIntegration } from '../demo';
import { useI18n } from '../i18n';
import type { QueryErrors, QueryField, QueryForm } from '../import-query';
import type { ImportPreset } from '../import-nav';
import { IMPORT_PRESET_EVENT, takePendingImport } from '../import-nav';
import { buildQuery, emptyForm, importable, QUERY_FIELDS, rangeForm } from '../import-query';
import { api } from '../api.gen';
import { openSales } from '../sales-nav';
import { useImportRun } from '../use-import-run';
import { useLoad } from '../use-load';
import { ImportEmpty } from './ImportEmpty';
import { ImportFailure } from './ImportFailure';
import { ImportHistory } from './ImportHistory';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportQueryForm } from './ImportQueryForm';
import { ImportSchedule } from './ImportSchedule';
import { ImportWindow } from './ImportWindow';
import { ImportSummary } from './ImportSummary';

/** Importar vendas: the question (integration, dates or document), its preview, the import, schedule, history. */
export function Import() {
  const { t, locale, collator } = useI18n();
  /** Bumped to read the integrations (and whether the demo is on) again: a retry, or a preset arrived. */
  const [reloads, setReloads] = useState(0);
  const { load } = useLoad(
    () => api.integrationsList({ query: '', type: null, status: null }).then((all) => importable(all, collator)),
    [collator, reloads],
  );
  const [integrationId, setIntegrationId] = useState<number | null>(null);
  /** Opened ready to go (after the demo started): which integration to pick once the list is here. */
  const [initialPreset] = useState(() => takePendingImport());
  const preset = useRef<ImportPreset | null>(initialPreset);
  const [form, setForm] = useState<QueryForm>(() =>
    initialPreset ? rangeForm(initialPreset.from, initialPreset.to, locale) : emptyForm(new Date(), locale),
  );
  const [errors, setErrors] = useState<QueryErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const demo = useDemoStatus(reloads);

  const showErrors = (fields: QueryErrors) => {
    setErrors(fields);
    const first = QUERY_FIELDS.find((f) => fields[f]);
    const el = first ? formRef.current?.elements.namedItem(first) : null;
    if (el instanceof HTMLInputElement) el.focus();
  };
  const run = useImportRun(showErrors);
  const { phase, busy, settle } = run;

  // Each list read: the preset's integration, else the one chosen if it is still there, else the first enabled
  // one. Before paint, so that the list never shows with nothing chosen.
  useLayoutEffect(() => {
    if (load.state !== 'ready') return;
    const list = load.data;
    const p = preset.current;
    preset.current = null;
    const wanted = p ? demoImportTarget(p.integrationIds, list) : null;
    setIntegrationId((id) => wanted ?? (id !== null && list.some((i) => i.id === id) ? id : (list.find((i) => i.enabled)?.id ?? null)));
  }, [load]);

  // A preset left while this screen is already open (the demo started from its empty state).
  useEffect(() => {
    const apply = () => {
      const p = takePendingImport();
      if (!p) return;
      preset.current = p;
      setForm(rangeForm(p.from, p.to, locale));
      setErrors({});
      settle();
      setReloads((n) => n + 1);
    };
    window.addEventListener(IMPORT_PRESET_EVENT, apply);
    return () => window.removeEventListener(IMPORT_PRESET_EVENT, apply);
  }, [locale, settle]);

  const change = (f: QueryField | 'mode', v: string) => {
    setForm((old) => ({ ...old, [f]: v }));
    if (f !== 'mode' && errors[f]) setErrors((old) => ({ ...old, [f]: undefined }));
    run.questionChanged();
  };

  const preview = (e?: Event) => {
    e?.preventDefault();
    if (busy || integrationId === null) return;
    const built = buildQuery(form, locale);
    if (!built.ok) {
      showErrors(built.errors);
      return;
    }
    setErrors({});
    void run.start('preview', { integrationId, query: built.query });
  };

  // The list as last read: a read again (after a preset) keeps it meanwhile; a failed read shows why instead.
  const list = load.state === 'error' ? [] : (load.data ?? []);
  const selected = list.find((i) => i.id === integrationId) ?? null;

  if (load.data !== null && load.state !== 'error' && list.length === 0) return <ImportEmpty />;

  return (
    <>
      <TitleBar title={t('import.title')} />
      <div class="content import">
        <section class="card import-card" aria-labelledby="import-query-title">
          <h2 class="card-title" id="import-query-title">
            {t('import.query_title')}
          </h2>
          {load.state === 'error' ? (
            <div class="inline-error" role="alert">
              <p>{t(load.error.key, load.error.params)}</p>
              <button type="button" class="btn btn-small" onClick={() => setReloads((n) => n + 1)}>
                {t('common.retry')}
              </button>
            </div>
          ) : (
            <ImportQueryForm
              formRef={formRef}
              integrations={list}
              integrationId={integrationId}
              onIntegration={(id) => {
                setIntegrationId(id);
                run.questionChanged();
              }}
              demoNote={selected !== null && isDemoIntegration(demo, selected.id)}
              form={form}
              errors={errors}
              onChange={change}
              locked={busy || load.data === null}
              busy={busy}
              canPreview={selected !== null && selected.enabled}
              onSubmit={preview}
            />
          )}
          {(phase.step === 'previewing' || phase.step === 'running') && (
            <ImportProgress
              label={t(phase.step === 'previewing' ? 'import.previewing' : 'import.importing')}
              progress={phase.progress}
              cancelling={phase.cancelling}
              onCancel={run.cancel}
            />
          )}
        </section>

        {phase.step === 'error' && <ImportFailure error={phase.error} onRetry={run.retry} />}
        {phase.step === 'preview' && (
          <ImportPreview summary={phase.summary} busy={busy} onImport={() => void run.start('run', phase)} onReset={run.reset} />
        )}
        {phase.step === 'done' && (
          <ImportSummary
            summary={phase.summary}
            busy={busy}
            onRetry={run.retry}
            onResume={(runId) => void run.start('run', phase, runId)}
            onReset={run.reset}
            onShowFlagged={() => openSales({ flagged_only: true, integration_id: phase.integrationId })}
          />
        )}
        {selected && <ImportSchedule integration={selected} key={selected.id} />}
        {selected && <ImportWindow integration={selected} key={`w${selected.id}`} />}
        <ImportHistory reload={run.historyReload} onResume={(r) => void run.resume(r)} busy={busy} />
      </div>
    </>
  );
}
