import { useEffect, useRef, useState } from 'preact/hooks';
import type { DemoStatus } from '../bindings/DemoStatus';
import type { ErrorReply } from '../bindings/ErrorReply';
import { DEMO_DAYS, demoImportTarget, lastDays } from '../demo';
import { useI18n } from '../i18n';
import { openImport } from '../import-nav';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { Icon } from './Icon';
import { useToast } from './toasts';

/** The demo's status, read again whenever `reload` changes; null until known (or if it cannot be read). */
export function useDemoStatus(reload = 0): DemoStatus | null {
  const [status, setStatus] = useState<DemoStatus | null>(null);
  useEffect(() => {
    let stale = false;
    api.demoStatus().then(
      (s) => !stale && setStatus(s),
      // Not knowing only means nothing is labelled as demo.
      () => !stale && setStatus(null),
    );
    return () => {
      stale = true;
    };
  }, [reload]);
  return status;
}

/**
 * "Experimentar com dados de demonstração": starts the supplier simulator inside the app and creates the labelled
 * demo company and integrations (a few seconds), then opens Importar vendas with the demo's first integration
 * and the last 30 days, ready for Pré-visualizar.
 */
export function DemoStart({ primary = false, help = true, describedBy }: { primary?: boolean; help?: boolean; describedBy?: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorReply | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const start = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const status = await api.demoStart();
      const list = await api.integrationsList({ query: '', type: null, status: null });
      const target = list.find((i) => i.id === demoImportTarget(status.integration_ids, list));
      toast(t('demo.started', { name: target?.description ?? '', action: t('import.preview') }));
      openImport({ integrationIds: status.integration_ids, ...lastDays(new Date(), DEMO_DAYS) });
    } catch (e) {
      if (mounted.current) setError(toErrorReply(e));
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <div class="demo-start">
      <button
        type="button"
        class={primary ? 'btn btn-primary' : 'btn'}
        data-testid="demo-start"
        disabled={busy}
        aria-busy={busy || undefined}
        aria-describedby={help ? 'demo-start-help' : describedBy}
        onClick={() => void start()}
      >
        {busy ? <span class="spinner" aria-hidden="true" /> : <Icon name="flask" />}
        {busy ? t('demo.starting') : t('demo.start')}
      </button>
      {error && (
        <p class="field-error" role="alert" data-testid="demo-error">
          {t(error.key, error.params)}
        </p>
      )}
      {help && (
        <p class="help demo-help" id="demo-start-help">
          {t('demo.start_help')}
        </p>
      )}
    </div>
  );
}
