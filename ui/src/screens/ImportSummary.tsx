import { useEffect, useRef } from 'preact/hooks';
import type { Outcome } from '../bindings/Outcome';
import type { RunSummary } from '../bindings/RunSummary';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { formatShortDuration } from '../import-progress';
import { ImportCounts } from './ImportCounts';

const TITLES: Record<Outcome, string> = {
  running: 'import.outcome.running',
  completed: 'import.summary.completed',
  cancelled: 'import.summary.cancelled',
  failed: 'import.summary.failed',
  interrupted: 'import.summary.interrupted',
};

/** How a run ended: what it wrote, what needs a hand (manual payments), and the fix when it failed. */
export function ImportSummary(props: {
  summary: RunSummary;
  busy: boolean;
  onRetry: () => void;
  /** Continuar: from the first period not imported (a run that stopped with periods left). */
  onResume: (runId: number) => void;
  onReset: () => void;
  onShowFlagged: () => void;
}) {
  const { t, locale, formatNumber } = useI18n();
  const { summary } = props;
  const c = summary.counts;
  const ref = useRef<HTMLElement>(null);
  const failed = summary.outcome === 'failed' || summary.outcome === 'interrupted';
  // The result replaces the progress bar that had the focus (Cancelar): bring it into view and focus.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  return (
    <section
      ref={ref}
      tabIndex={-1}
      class={`card import-result import-summary outcome-${summary.outcome}`}
      aria-labelledby="import-summary-title"
      data-testid="import-summary"
      data-outcome={summary.outcome}
      role={failed ? 'alert' : 'status'}
    >
      <header class="result-head">
        <div class="summary-heading">
          <Icon name={summary.outcome === 'completed' ? 'check' : failed ? 'alert' : 'info'} class="summary-icon-outcome" />
          <div>
            <h2 class="result-title" id="import-summary-title">
              {t(TITLES[summary.outcome])}
            </h2>
            <p class="result-note">
              {t(summary.pages === 1 ? 'import.summary.stats_one' : 'import.summary.stats', { pages: formatNumber(summary.pages), duration: formatShortDuration(summary.duration_ms, locale) })}
            </p>
          </div>
        </div>
        <div class="result-actions">
          <button type="button" class="btn" onClick={props.onReset} disabled={props.busy}>
            {t('import.new_query')}
          </button>
          {summary.outcome !== 'completed' && (
            <button type="button" class={summary.resumable ? 'btn' : 'btn btn-primary'} data-testid="import-retry" disabled={props.busy} onClick={props.onRetry}>
              {t('common.retry')}
            </button>
          )}
          {summary.resumable && summary.run_id !== null && (
            <button type="button" class="btn btn-primary" data-testid="import-resume" disabled={props.busy} onClick={() => props.onResume(summary.run_id!)}>
              {t('import.history.resume')}
            </button>
          )}
        </div>
      </header>
      {summary.error && (
        <p class="summary-error" data-testid="import-error">
          {t(summary.error.key, summary.error.params)}
        </p>
      )}
      {summary.outcome === 'cancelled' && <p class="result-note">{t('import.summary.cancelled_note')}</p>}
      <ImportCounts counts={c} run />
      {c.flagged > 0 && (
        <div class="summary-flagged" data-testid="import-flagged">
          <Icon name="alert" />
          <p>{c.flagged === 1 ? t('import.summary.flagged_note_one') : t('import.summary.flagged_note', { count: formatNumber(c.flagged) })}</p>
          <button type="button" class="btn btn-small" onClick={props.onShowFlagged}>
            {t('import.summary.see_flagged')}
          </button>
        </div>
      )}
      {c.errors > 0 && (
        <p class="result-note">{c.errors === 1 ? t('import.summary.errors_note_one') : t('import.summary.errors_note', { count: formatNumber(c.errors) })}</p>
      )}
      {c.unmapped > 0 && (
        <p class="result-note">{c.unmapped === 1 ? t('import.summary.unmapped_note_one') : t('import.summary.unmapped_note', { count: formatNumber(c.unmapped) })}</p>
      )}
    </section>
  );
}
