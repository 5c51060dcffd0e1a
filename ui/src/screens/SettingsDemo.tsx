import { useState } from 'preact/hooks';
import type { DemoStatus } from '../bindings/DemoStatus';
import type { ErrorReply } from '../bindings/ErrorReply';
import { CardLoad } from '../components/CardLoad';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DemoStart } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { useLoad } from '../use-load';

/** Whether the demo data is there, and removing it (its integrations take their imported sales with them). */
export function SettingsDemo() {
  const { t } = useI18n();
  const toast = useToast();
  const { load, reload } = useLoad(() => api.demoStatus(), []);
  /** What removing it answered, newer than what was read. */
  const [answered, setAnswered] = useState<DemoStatus | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorReply | null>(null);
  const status = answered ?? (load.state === 'ready' ? load.data : null);

  const remove = async () => {
    setBusy(true);
    try {
      setAnswered(await api.demoRemove());
      setError(null);
      toast(t('demo.removed'));
    } catch (e) {
      setError(toErrorReply(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const active = status !== null && status.active;
  return (
    <section class="card settings-card" aria-labelledby="settings-demo" data-testid="settings-demo" data-active={status !== null ? String(active) : undefined}>
      <h2 id="settings-demo" class="card-title card-title-badge">
        {t('settings.demo')}
        {status !== null && (
          <span class={active ? 'badge badge-demo' : 'badge badge-on'} data-testid="demo-state">
            {t(active ? 'demo.active' : 'demo.inactive')}
          </span>
        )}
      </h2>
      {status === null ? (
        <CardLoad state={load} onRetry={reload} />
      ) : active ? (
        <>
          <p class="settings-text">{t('settings.demo_active', { suffix: t('demo.suffix') })}</p>
          {error && (
            <p class="field-error" role="alert" data-testid="demo-error">
              {t(error.key, error.params)}
            </p>
          )}
          <div class="settings-actions settings-actions-start">
            <button type="button" class="btn btn-danger-outline" data-testid="demo-remove" disabled={busy} aria-busy={busy} onClick={() => setConfirming(true)}>
              <Icon name="trash" />
              {busy ? t('demo.removing') : t('demo.remove')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="settings-text" id="settings-demo-text">
            {t('settings.demo_inactive')}
          </p>
          <DemoStart help={false} describedBy="settings-demo-text" />
        </>
      )}
      {confirming && (
        <ConfirmDialog
          message={t('demo.confirm_remove')}
          confirmLabel={t('demo.remove')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
