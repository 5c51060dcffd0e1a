import type { ImportRun } from '../bindings/ImportRun';
import { api } from '../api.gen';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';

const ISSUE_KEYS: Record<string, string> = {
  malformed: 'import.issue.malformed',
  unmapped: 'import.issue.unmapped',
};

/** The problems a run recorded (unreadable records, unmapped product types), read when its row is opened. */
export function ImportRunIssues({ run }: { run: ImportRun }) {
  const { t } = useI18n();
  const { load } = useLoad(() => api.importIssues(run.id), [run.id]);
  if (load.state === 'loading') return <p class="result-note">{t('common.loading')}</p>;
  if (load.state === 'error') return <p class="field-error">{t(load.error.key, load.error.params)}</p>;
  if (load.data.length === 0) return <p class="result-note">{t('import.history.no_issues')}</p>;
  return (
    <div class="run-issues" data-testid="import-issues">
      <h3 class="run-issues-title">{t('import.history.issues_title')}</h3>
      <ul>
        {load.data.map((i, n) => (
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
