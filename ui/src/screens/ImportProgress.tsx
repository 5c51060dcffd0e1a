import type { Progress } from '../bindings/Progress';
import { useI18n } from '../i18n';
import { percent, progressLines } from '../import-progress';

/** The bar of a running preview or import, what it has read so far, the time left, and Cancelar. */
export function ImportProgress(props: { label: string; progress: Progress | null; cancelling: boolean; onCancel: () => void }) {
  const { t, formatNumber } = useI18n();
  const pct = percent(props.progress);
  const text = progressLines(props.progress, formatNumber)
    .map((l) => t(l.key, l.params))
    .join(' · ');
  const retrying = props.progress?.retry_in_s !== null && props.progress?.retry_in_s !== undefined;
  return (
    <div class="import-progress" data-state={retrying ? 'retrying' : 'running'}>
      <div class="import-progress-head">
        <span class="import-spinner" aria-hidden="true" />
        <strong class="import-progress-label">{props.cancelling ? t('import.cancelling') : props.label}</strong>
        <button type="button" class="btn btn-small" data-testid="import-cancel" disabled={props.cancelling} onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <div
        class={pct === null ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        data-testid="import-progress"
        aria-label={t('import.progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? text : `${pct}% · ${text}`}
      >
        <div class="progress-fill" style={{ width: pct === null ? undefined : `${pct}%` }} />
      </div>
      <p class={retrying ? 'import-progress-text retrying' : 'import-progress-text'} data-testid="import-progress-text">
        {text}
      </p>
    </div>
  );
}
