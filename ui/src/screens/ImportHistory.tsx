import { api } from '../api.gen';
import { useEffect, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { ImportIssue } from '../bindings/ImportIssue';
import type { ImportRun } from '../bindings/ImportRun';
import type { Outcome } from '../bindings/Outcome';
import { Icon } from '../components/Icon';
import { CATALOGUES, useI18n } from '../i18n';
import { elapsedMs, formatShortDuration, runError } from '../import-progress';
import { formatDayRange } from '../sales-format';

export const OUTCOME_KEYS: Record<Outcome, string> = {
  running: 'import.outcome.running',
  completed: 'import.outcome.completed',
  cancelled: 'import.outcome.cancelled',
  failed: 'import.outcome.failed',
  interrupted: 'import.outcome.interrupted',
};

const ISSUE_KEYS: Record<string, string> = {
  malformed: 'import.issue.malformed',
  unmapped: 'import.issue.unmapped',
};

/** "{count} novas" and "1 nova", for each count a run shows. */
const COUNT_KEYS = {
  new: ['import.history.new', 'import.history.new_one'],
  updated: ['import.history.updated', 'import.history.updated_one'],
  unchanged: ['import.history.unchanged', 'import.history.unchanged_one'],
  flagged: ['import.history.flagged', 'import.history.flagged_one'],
  unmapped: ['import.history.unmapped', 'import.history.unmapped_one'],
  errors: ['import.history.errors', 'import.history.errors_one'],
} as const;

/** While a run is going on (here or from the CLI), the history is read again this often. */
const POLL_MS = 2000;
const CANCEL_RECHECK_MS = 400;

type State = { status: 'loading' } | { status: 'ok'; runs: ImportRun[] } | { status: 'error'; error: ErrorReply };
type Issues = { status: 'loading' } | { status: 'ok'; issues: ImportIssue[] } | { status: 'error'; error: ErrorReply };

function RunIssues({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const [state, setState] = useState<Issues>({ status: 'loading' });
  useEffect(() => {
    let stale = false;
    api.importIssues(run.id).then(
      (issues) => !stale && setState({ status: 'ok', issues }),
      (error: ErrorReply) => !stale && setState({ status: 'error', error }),
    );
    return () => {
      stale = true;
    };
  }, [run.id]);
  if (state.status === 'loading') return <p class="result-note">{t('common.loading')}</p>;
  if (state.status === 'error') return <p class="field-error">{t(state.error.key, state.error.params)}</p>;
  if (state.issues.length === 0) return <p class="result-note">{t('import.history.no_issues')}</p>;
  return (
    <div class="run-issues" data-testid="import-issues">
      <h3 class="run-issues-title">{t('import.history.issues_title')}</h3>
      <ul>
        {state.issues.map((i, n) => (
          <li key={n} data-testid="import-issue">
            <span class={`badge badge-issue-${i.kind}`}>{t(ISSUE_KEYS[i.kind] ?? i.kind)}</span>
            {i.supplier_sale_id !== null && <span class="mono">{i.supplier_sale_id}</span>}
            <span class="issue-detail">{i.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The record of every import: what was asked, how it ended, what it did; a click shows a run's problems. */
export function ImportHistory({ reload }: { reload: number }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [open, setOpen] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  const catalogue = CATALOGUES[locale];

  useEffect(() => {
    let stale = false;
    api.importRuns(null).then(
      (runs) => !stale && setState({ status: 'ok', runs }),
      (error: ErrorReply) => !stale && setState({ status: 'error', error }),
    );
    return () => {
      stale = true;
    };
  }, [reload, tick]);

  const running = state.status === 'ok' && state.runs.some((r) => r.outcome === 'running');
  useEffect(() => {
    if (!running) return;
    const id = window.setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => window.clearTimeout(id);
  }, [running, state]);

  const toggle = (id: number) => setOpen((o) => (o === id ? null : id));

  return (
    <section class="card import-history" aria-labelledby="import-history-title">
      <h2 class="card-title" id="import-history-title">
        {t('import.history.title')}
      </h2>
      {state.status === 'loading' ? (
        <p class="result-note" aria-busy="true">
          {t('common.loading')}
        </p>
      ) : state.status === 'error' ? (
        <div class="inline-error" role="alert">
          <p>{t(state.error.key, state.error.params)}</p>
          <button type="button" class="btn btn-small" onClick={() => setTick((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      ) : state.runs.length === 0 ? (
        <p class="result-note" data-testid="import-history-empty">
          {t('import.history.empty')}
        </p>
      ) : (
        <div class="history-wrap">
          <table class="table history-table" aria-labelledby="import-history-title">
            <thead>
              <tr>
                <th scope="col" class="col-h-integration">{t('import.history.col.integration')}</th>
                <th scope="col" class="col-h-query">{t('import.history.col.query')}</th>
                <th scope="col" class="col-h-started">{t('import.history.col.started')}</th>
                <th scope="col" class="col-h-result">{t('import.history.col.result')}</th>
                <th scope="col" class="col-h-outcome">{t('import.history.col.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {state.runs.map((r) => {
                const ms = elapsedMs(r.started_at, r.finished_at);
                const err = runError(r, (k) => catalogue[k]);
                const c = r.counts;
                const say = (keys: readonly (keyof typeof COUNT_KEYS)[]) =>
                  keys.filter((k) => c[k] > 0).map((k) => (c[k] === 1 ? t(COUNT_KEYS[k][1]) : t(COUNT_KEYS[k][0], { count: formatNumber(c[k]) })));
                const main = say(['new', 'updated', 'unchanged']);
                const extra = say(['flagged', 'unmapped', 'errors']);
                const expanded = open === r.id;
                const failedText = r.outcome === 'failed' && (err.key !== null || err.detail !== null) ? (err.key !== null ? t(err.key) : err.detail) : null;
                return [
                  <tr
                    key={r.id}
                    tabIndex={0}
                    class={expanded ? 'history-row expanded' : 'history-row'}
                    data-testid="import-history-row"
                    data-id={r.id}
                    data-outcome={r.outcome}
                    aria-expanded={expanded}
                    title={t('import.history.show_issues')}
                    onClick={() => toggle(r.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        toggle(r.id);
                      }
                    }}
                  >
                    <td class="col-h-integration">
                      <span class="history-chevron">
                        <Icon name="chevron" class="chevron-icon" />
                      </span>
                      <span class="cell-main" title={r.integration}>
                        {r.integration}
                      </span>
                    </td>
                    <td class="col-h-query">
                      <span class={r.mode === 'document' ? 'cell-main mono' : 'cell-main'}>
                        {r.mode === 'document' ? r.document : formatDayRange(locale, r.date_from ?? '', r.date_to ?? '')}
                      </span>
                      <span class="cell-sub">{t(r.mode === 'document' ? 'import.mode_document' : 'import.mode_dates')}</span>
                    </td>
                    <td class="col-h-started">
                      <span class="cell-main">{formatDateTime(r.started_at)}</span>
                      {ms !== null && <span class="cell-sub">{t('import.history.took', { duration: formatShortDuration(ms, locale) })}</span>}
                    </td>
                    <td class="col-h-result">
                      <span class="cell-main result-counts">{main.length > 0 ? main.join(' · ') : t('import.history.nothing')}</span>
                      {extra.length > 0 && <span class="cell-sub">{extra.join(' · ')}</span>}
                    </td>
                    <td class="col-h-outcome">
                      <span class={`badge badge-outcome-${r.outcome}`}>{t(OUTCOME_KEYS[r.outcome])}</span>
                      {r.outcome === 'running' && (
                        // A run started elsewhere (another visit to this screen, the CLI) can be stopped from here.
                        <button
                          type="button"
                          class="btn btn-small history-cancel"
                          data-testid="import-history-cancel"
                          onClick={(e) => {
                            e.stopPropagation();
                            // The run stops after the page it is on: look again shortly.
                            const again = () => window.setTimeout(() => setTick((n) => n + 1), CANCEL_RECHECK_MS);
                            api.importCancel(r.integration_id).then(again, again);
                          }}
                        >
                          {t('common.cancel')}
                        </button>
                      )}
                    </td>
                  </tr>,
                  failedText !== null && (
                    <tr key={`${r.id}-error`} class="history-sub-row history-error-row">
                      <td colSpan={5}>
                        <Icon name="alert" />
                        <span data-testid="import-history-error">{failedText}</span>
                      </td>
                    </tr>
                  ),
                  expanded && (
                    <tr key={`${r.id}-issues`} class="history-sub-row history-issues-row">
                      <td colSpan={5}>
                        <RunIssues run={r} />
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
