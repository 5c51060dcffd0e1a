import type { ImportRun } from '../bindings/ImportRun';
import type { Outcome } from '../bindings/Outcome';
import { api } from '../api.gen';
import { Icon } from '../components/Icon';
import { catalogue, useI18n } from '../i18n';
import { elapsedMs, formatShortDuration, runCountLines, runError } from '../import-progress';
import { formatDayRange } from '../sales-format';
import { ImportRunIssues } from './ImportRunIssues';

export const OUTCOME_KEYS: Record<Outcome, string> = {
  running: 'import.outcome.running',
  completed: 'import.outcome.completed',
  cancelled: 'import.outcome.cancelled',
  failed: 'import.outcome.failed',
  interrupted: 'import.outcome.interrupted',
};

/** After Cancelar on a run, the history is read again this soon: the run stops after the page it is on. */
const CANCEL_RECHECK_MS = 400;

/**
 * One run of the history: what was asked, when, what it did, how it ended (a run going on can be cancelled);
 * under it, the fix when it failed and, once opened (a click on the row, or its first cell's button), its problems.
 */
export function ImportHistoryRow(props: { run: ImportRun; expanded: boolean; onToggle: () => void; onRecheck: () => void; onResume: (run: ImportRun) => void; busy: boolean }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const { run: r, expanded } = props;
  const ms = elapsedMs(r.started_at, r.finished_at);
  const err = runError(r, (k) => catalogue(locale)[k]);
  const { main, extra } = runCountLines(r.counts, formatNumber);
  const say = (lines: typeof main) => lines.map((l) => t(l.key, l.params)).join(' · ');
  const issuesId = `import-run-issues-${r.id}`;
  const failedText = r.outcome === 'failed' && (err.key !== null || err.detail !== null) ? (err.key !== null ? t(err.key) : err.detail) : null;
  return (
    <>
      {/* A click anywhere on the row opens it; for the keyboard and screen readers the disclosure is the button
          in its first cell (a table row cannot carry aria-expanded): its clicks reach the row's handler. */}
      <tr
        class={expanded ? 'history-row expanded' : 'history-row'}
        data-testid="import-history-row"
        data-id={r.id}
        data-outcome={r.outcome}
        title={t('import.history.show_issues')}
        onClick={props.onToggle}
      >
        <td class="col-h-integration">
          <button
            type="button"
            class="history-toggle"
            data-testid="import-history-toggle"
            aria-expanded={expanded}
            aria-controls={expanded ? issuesId : undefined}
          >
            <span class="history-chevron">
              <Icon name="chevron" class="chevron-icon" />
            </span>
            <span class="cell-main" title={r.integration}>
              {r.integration}
            </span>
          </button>
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
          <span class="cell-main result-counts">{main.length > 0 ? say(main) : t('import.history.nothing')}</span>
          {extra.length > 0 && <span class="cell-sub">{say(extra)}</span>}
        </td>
        <td class="col-h-outcome">
          <span class={`badge badge-outcome-${r.outcome}`}>{t(OUTCOME_KEYS[r.outcome])}</span>
          {r.windows_total !== null && r.windows_total > 1 && r.outcome !== 'completed' && (
            <span class="cell-sub" data-testid="import-history-windows">
              {t('import.history.windows', { done: formatNumber(r.windows_done), total: formatNumber(r.windows_total) })}
            </span>
          )}
          {r.resumes !== null && <span class="cell-sub">{t('import.history.continues', { id: String(r.resumes) })}</span>}
          {r.resumable && r.windows_total !== null && (
            // Continuar: the periods already written are not fetched again (the backend decides what can be).
            <button
              type="button"
              class="btn btn-small history-resume"
              data-testid="import-history-resume"
              title={t('import.history.resume_hint', { next: formatNumber(r.windows_done + 1), total: formatNumber(r.windows_total) })}
              disabled={props.busy}
              onClick={(e) => {
                e.stopPropagation();
                props.onResume(r);
              }}
            >
              {t('import.history.resume')}
            </button>
          )}
          {r.outcome === 'running' && (
            // A run started elsewhere (another visit to this screen, the CLI) can be stopped from here.
            <button
              type="button"
              class="btn btn-small history-cancel"
              data-testid="import-history-cancel"
              onClick={(e) => {
                e.stopPropagation();
                const again = () => window.setTimeout(props.onRecheck, CANCEL_RECHECK_MS);
                api.importCancel(r.integration_id).then(again, again);
              }}
            >
              {t('common.cancel')}
            </button>
          )}
        </td>
      </tr>
      {failedText !== null && (
        <tr class="history-sub-row history-error-row">
          <td colSpan={5}>
            <Icon name="alert" />
            <span data-testid="import-history-error">{failedText}</span>
          </td>
        </tr>
      )}
      {expanded && (
        <tr class="history-sub-row history-issues-row" id={issuesId}>
          <td colSpan={5}>
            <ImportRunIssues run={r} />
          </td>
        </tr>
      )}
    </>
  );
}
