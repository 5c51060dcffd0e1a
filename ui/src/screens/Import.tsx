import '../styles/import-sales.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { ImportQuery } from '../bindings/ImportQuery';
import type { Integration } from '../bindings/Integration';
import type { Progress } from '../bindings/Progress';
import type { RunSummary } from '../bindings/RunSummary';
import { DemoStart, useDemoStatus } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { demoImportTarget, isDemoIntegration } from '../demo';
import { useI18n } from '../i18n';
import type { ImportMode, QueryErrors, QueryField, QueryForm } from '../import-query';
import type { ImportPreset } from '../import-nav';
import { IMPORT_PRESET_EVENT, takePendingImport } from '../import-nav';
import { buildQuery, emptyForm, importable, MAX_RANGE_DAYS, rangeForm, splitReply } from '../import-query';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { href } from '../router';
import { openSales } from '../sales-nav';
import { ImportHistory } from './ImportHistory';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportSchedule } from './ImportSchedule';
import { ImportSummary } from './ImportSummary';
import { DateInput } from './SalesDateInput';

type Integrations = { status: 'loading' } | { status: 'ok'; list: Integration[] } | { status: 'error'; error: ErrorReply };

interface Asked {
  integrationId: number;
  query: ImportQuery;
}

type Phase =
  | { step: 'idle' }
  | ({ step: 'previewing' | 'running'; progress: Progress | null; cancelling: boolean } & Asked)
  | ({ step: 'preview'; summary: RunSummary } & Asked)
  | ({ step: 'done'; summary: RunSummary } & Asked)
  | ({ step: 'error'; error: ErrorReply; action: 'preview' | 'run' } & Asked);

const MODES: ImportMode[] = ['dates', 'document'];

export function Import() {
  const { t, locale, formatNumber, collator } = useI18n();
  const [integrations, setIntegrations] = useState<Integrations>({ status: 'loading' });
  const [reloadIntegrations, setReloadIntegrations] = useState(0);
  const [integrationId, setIntegrationId] = useState<number | null>(null);
  /** Opened ready to go (after the demo started): which integration to pick once the list is here. */
  const [initialPreset] = useState(() => takePendingImport());
  const preset = useRef<ImportPreset | null>(initialPreset);
  const [form, setForm] = useState<QueryForm>(() =>
    initialPreset ? rangeForm(initialPreset.from, initialPreset.to, locale) : emptyForm(new Date(), locale),
  );
  const [errors, setErrors] = useState<QueryErrors>({});
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [historyReload, setHistoryReload] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  /** Which run the channel messages belong to: a late message of an older run is dropped. */
  const token = useRef(0);

  const demo = useDemoStatus(reloadIntegrations);

  useEffect(() => {
    let stale = false;
    api.integrationsList({ query: '', type: null, status: null }).then(
      (all) => {
        if (stale) return;
        const list = importable(all, collator);
        const p = preset.current;
        preset.current = null;
        const wanted = p ? demoImportTarget(p.integrationIds, list) : null;
        setIntegrations({ status: 'ok', list });
        setIntegrationId(
          (id) => wanted ?? (id !== null && list.some((i) => i.id === id) ? id : (list.find((i) => i.enabled)?.id ?? null)),
        );
      },
      (error: ErrorReply) => !stale && setIntegrations({ status: 'error', error }),
    );
    return () => {
      stale = true;
    };
  }, [collator, reloadIntegrations]);

  // A preset left while this screen is already open (the demo started from its empty state).
  useEffect(() => {
    const apply = () => {
      const p = takePendingImport();
      if (!p) return;
      preset.current = p;
      setForm(rangeForm(p.from, p.to, locale));
      setErrors({});
      setPhase((ph) => (ph.step === 'previewing' || ph.step === 'running' ? ph : { step: 'idle' }));
      setReloadIntegrations((n) => n + 1);
    };
    window.addEventListener(IMPORT_PRESET_EVENT, apply);
    return () => window.removeEventListener(IMPORT_PRESET_EVENT, apply);
  }, [locale]);

  const busy = phase.step === 'previewing' || phase.step === 'running';

  const change = (f: QueryField | 'mode', v: string) => {
    setForm((old) => ({ ...old, [f]: v }));
    if (f !== 'mode' && errors[f]) setErrors((old) => ({ ...old, [f]: undefined }));
    // A preview answers one question: another question needs another preview.
    if (phase.step === 'preview' || phase.step === 'error') setPhase({ step: 'idle' });
  };

  const focusField = (f: QueryField) => {
    const el = formRef.current?.elements.namedItem(f);
    if (el instanceof HTMLInputElement) el.focus();
  };

  const start = async (action: 'preview' | 'run', { integrationId, query }: Asked) => {
    const asked: Asked = { integrationId, query };
    const mine = ++token.current;
    setPhase({ step: action === 'preview' ? 'previewing' : 'running', progress: null, cancelling: false, ...asked });
    const onProgress = (p: Progress) => {
      if (token.current !== mine) return;
      setPhase((ph) => (ph.step === 'previewing' || ph.step === 'running' ? { ...ph, progress: p } : ph));
    };
    try {
      const summary = await (action === 'preview' ? api.importPreview : api.importRun)(asked.integrationId, asked.query, onProgress);
      if (token.current !== mine) return;
      if (action === 'run') {
        setPhase({ step: 'done', summary, ...asked });
        setHistoryReload((n) => n + 1);
      } else if (summary.outcome === 'completed') setPhase({ step: 'preview', summary, ...asked });
      else if (summary.error) setPhase({ step: 'error', error: summary.error, action, ...asked });
      // A cancelled preview wrote nothing and has nothing to show.
      else setPhase({ step: 'idle' });
    } catch (e) {
      if (token.current !== mine) return;
      const reply = toErrorReply(e);
      const { fields, general } = splitReply(reply);
      setErrors(fields);
      const first = (['document', 'from', 'to'] as QueryField[]).find((f) => fields[f]);
      if (first) focusField(first);
      setPhase(general ? { step: 'error', error: general, action, ...asked } : { step: 'idle' });
      setHistoryReload((n) => n + 1);
    }
  };

  const preview = (e?: Event) => {
    e?.preventDefault();
    if (busy || integrationId === null) return;
    const built = buildQuery(form, locale);
    if (!built.ok) {
      setErrors(built.errors);
      const first = (['document', 'from', 'to'] as QueryField[]).find((f) => built.errors[f]);
      if (first) focusField(first);
      return;
    }
    setErrors({});
    void start('preview', { integrationId, query: built.query });
  };

  const cancel = () => {
    if (phase.step !== 'previewing' && phase.step !== 'running') return;
    setPhase({ ...phase, cancelling: true });
    api.importCancel(phase.integrationId).catch(() => {
      // Nothing running any more: the run's own answer says how it ended.
    });
  };

  const retry = () => {
    if (phase.step === 'done') void start('run', phase);
    else if (phase.step === 'error') void start(phase.action, phase);
  };

  const list = useMemo(() => (integrations.status === 'ok' ? integrations.list : []), [integrations]);
  const selected = list.find((i) => i.id === integrationId) ?? null;

  if (integrations.status === 'ok' && list.length === 0)
    return (
      <>
        <TitleBar title={t('import.title')} />
        <div class="content">
          <section class="card state import-empty" data-testid="import-empty">
            <Icon name="plug" class="state-icon" />
            <p>{t('import.empty', { path: `${t('menu.registry')} > ${t('menu.integrations')}` })}</p>
            <div class="state-actions">
              <a class="btn btn-primary" href={href('integrations')}>
                {t('import.open_integrations', { name: t('menu.integrations') })}
              </a>
              <DemoStart help={false} describedBy="demo-start-help" />
            </div>
            <p class="help demo-help" id="demo-start-help">
              {t('demo.start_help')}
            </p>
          </section>
        </div>
      </>
    );

  const fieldError = (f: QueryField) => {
    const m = errors[f];
    return m ? (
      <p class="field-error" id={`import-${f}-error`} data-testid={`error-${f}`}>
        {t(m.key, m.params)}
      </p>
    ) : null;
  };
  const described = (f: QueryField, help: boolean) =>
    [errors[f] ? `import-${f}-error` : '', help ? `import-${f}-help` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <TitleBar title={t('import.title')} />
      <div class="content import">
        <section class="card import-card" aria-labelledby="import-query-title">
          <h2 class="card-title" id="import-query-title">
            {t('import.query_title')}
          </h2>
          {integrations.status === 'error' ? (
            <div class="inline-error" role="alert">
              <p>{t(integrations.error.key, integrations.error.params)}</p>
              <button type="button" class="btn btn-small" onClick={() => setReloadIntegrations((n) => n + 1)}>
                {t('common.retry')}
              </button>
            </div>
          ) : (
            <form ref={formRef} class="import-form" noValidate onSubmit={preview}>
              <fieldset class="import-fields" disabled={busy || integrations.status === 'loading'}>
                <div class="field field-integration">
                  <label class="label" for="import-integration">
                    {t('import.integration')}
                  </label>
                  <select
                    id="import-integration"
                    class="input select"
                    data-testid="import-integration"
                    aria-describedby="import-integration-help"
                    value={integrationId === null ? '' : String(integrationId)}
                    onChange={(e) => {
                      setIntegrationId(Number(e.currentTarget.value));
                      if (phase.step === 'preview' || phase.step === 'error') setPhase({ step: 'idle' });
                    }}
                  >
                    {list.map((i) => (
                      <option key={i.id} value={String(i.id)} disabled={!i.enabled}>
                        {i.enabled ? i.description : t('import.integration_disabled', { name: i.description })}
                      </option>
                    ))}
                  </select>
                  <p class="help" id="import-integration-help">
                    {t('import.integration_help')}
                  </p>
                  {selected && isDemoIntegration(demo, selected.id) && (
                    <p class="demo-note" data-testid="import-demo-note">
                      <span class="badge badge-demo">{t('demo.badge')}</span>
                      {t('demo.import_note')}
                    </p>
                  )}
                </div>

                <div class="field">
                  <span class="label" id="import-mode-label">
                    {t('import.mode')}
                  </span>
                  <div class="segmented" role="radiogroup" aria-labelledby="import-mode-label">
                    {MODES.map((m) => (
                      <label class="seg" key={m}>
                        <input
                          type="radio"
                          class="seg-input"
                          name="mode"
                          value={m}
                          data-testid={`import-mode-${m}`}
                          checked={form.mode === m}
                          onChange={() => change('mode', m)}
                        />
                        <span class="seg-text">
                          <Icon name={m === 'dates' ? 'clock' : 'search'} />
                          {t(m === 'dates' ? 'import.mode_dates' : 'import.mode_document')}
                        </span>
                      </label>
                    ))}
                  </div>
                </div>

                {form.mode === 'document' ? (
                  <div class={errors.document ? 'field field-query field-document invalid' : 'field field-query field-document'}>
                    <label class="label" for="import-document">
                      {t('import.document')}
                    </label>
                    <input
                      id="import-document"
                      name="document"
                      class="input mono"
                      type="text"
                      autoComplete="off"
                      spellcheck={false}
                      autoCapitalize="off"
                      value={form.document}
                      aria-invalid={!!errors.document}
                      aria-describedby={described('document', true)}
                      onInput={(e) => change('document', e.currentTarget.value)}
                    />
                    {fieldError('document')}
                    <p class="help" id="import-document-help">
                      {t('import.document_help')}
                    </p>
                  </div>
                ) : (
                  <div class="field field-query">
                    <div class="date-pair">
                      {(['from', 'to'] as const).map((f) => (
                        <div class={errors[f] ? 'field invalid' : 'field'} key={f}>
                          <label class="label" for={`import-${f}`}>
                            {t(f === 'from' ? 'import.from' : 'import.to')}
                          </label>
                          <DateInput
                            id={`import-${f}`}
                            name={f}
                            value={form[f]}
                            invalid={!!errors[f]}
                            describedBy={described(f, f === 'to')}
                            onValue={(v) => change(f, v)}
                          />
                          {fieldError(f)}
                        </div>
                      ))}
                    </div>
                    <p class="help" id="import-to-help">
                      {t('import.dates_help', { days: formatNumber(MAX_RANGE_DAYS) })}
                    </p>
                  </div>
                )}
              </fieldset>
              <div class="import-actions">
                {!busy && (
                  <button type="submit" class="btn btn-primary" data-testid="import-preview" disabled={selected === null || !selected.enabled}>
                    <Icon name="search" />
                    {t('import.preview')}
                  </button>
                )}
              </div>
            </form>
          )}
          {(phase.step === 'previewing' || phase.step === 'running') && (
            <ImportProgress
              label={t(phase.step === 'previewing' ? 'import.previewing' : 'import.importing')}
              progress={phase.progress}
              cancelling={phase.cancelling}
              onCancel={cancel}
            />
          )}
        </section>

        {phase.step === 'error' && (
          <section class="card import-result import-failure" role="alert" data-testid="import-failure">
            <Icon name="alert" class="failure-icon" />
            <p>{t(phase.error.key, phase.error.params)}</p>
            <button type="button" class="btn" data-testid="import-retry" onClick={retry}>
              {t('common.retry')}
            </button>
          </section>
        )}
        {phase.step === 'preview' && (
          <ImportPreview summary={phase.summary} busy={busy} onImport={() => void start('run', phase)} onReset={() => setPhase({ step: 'idle' })} />
        )}
        {phase.step === 'done' && (
          <ImportSummary
            summary={phase.summary}
            busy={busy}
            onRetry={retry}
            onReset={() => setPhase({ step: 'idle' })}
            onShowFlagged={() => openSales({ flagged_only: true, integration_id: phase.integrationId })}
          />
        )}
        {selected && <ImportSchedule integration={selected} key={selected.id} />}
        <ImportHistory reload={historyReload} />
      </div>
    </>
  );
}
