import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.gen';
import type { ImportRun } from '../bindings/ImportRun';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { ImportHistoryRow } from './ImportHistoryRow';

/** While a run is going on (here or from the CLI), the history is read again this often. */
const POLL_MS = 2000;

/** The record of every import: what was asked, how it ended, what it did; a click shows a run's problems. */
export function ImportHistory({ reload: asked, onResume, busy }: { reload: number; onResume: (run: ImportRun) => void; busy: boolean }) {
  const { t } = useI18n();
  const { load, reload } = useLoad(() => api.importRuns(null), [asked]);
  const [open, setOpen] = useState<number | null>(null);

  // Polled only from a fresh answer: not again while a read is on its way.
  const running = load.state === 'ready' && load.data.some((r) => r.outcome === 'running');
  useEffect(() => {
    if (!running) return;
    const id = window.setTimeout(reload, POLL_MS);
    return () => window.clearTimeout(id);
  }, [running, load, reload]);

  // While it is read again, the history as last read stays.
  const runs = load.state === 'error' ? null : load.data;

  return (
    <section class="card import-history" aria-labelledby="import-history-title">
      <h2 class="card-title" id="import-history-title">
        {t('import.history.title')}
      </h2>
      {load.state === 'error' ? (
        <div class="inline-error" role="alert">
          <p>{t(load.error.key, load.error.params)}</p>
          <button type="button" class="btn btn-small" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      ) : runs === null ? (
        <p class="result-note" aria-busy="true">
          {t('common.loading')}
        </p>
      ) : runs.length === 0 ? (
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
              {runs.map((r) => (
                <ImportHistoryRow key={r.id} run={r} expanded={open === r.id} onToggle={() => setOpen((o) => (o === r.id ? null : r.id))} onRecheck={reload} onResume={onResume} busy={busy} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
