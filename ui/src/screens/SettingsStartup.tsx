import { useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import { CardLoad } from '../components/CardLoad';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { useLoad } from '../use-load';

/** Start with the system: hidden, in the tray, so that reminders and scheduled imports keep working. */
export function SettingsStartup() {
  const { t } = useI18n();
  const toast = useToast();
  const { load, reload } = useLoad(() => api.autostartGet(), []);
  /** What the last change answered, newer than what was read. */
  const [answered, setAnswered] = useState<boolean | null>(null);
  /** What was just asked for, shown until the answer says what it is now. */
  const [asked, setAsked] = useState<boolean | null>(null);
  const [error, setError] = useState<ErrorReply | null>(null);
  const busy = asked !== null;
  const ready = load.state === 'ready';
  const value = answered ?? (ready && load.data);

  const change = async (enabled: boolean) => {
    if (busy) return;
    setAsked(enabled);
    try {
      const now = await api.autostartSet(enabled);
      setAnswered(now);
      setError(null);
      toast(t(now ? 'settings.autostart_on' : 'settings.autostart_off'));
    } catch (e) {
      setError(toErrorReply(e));
    } finally {
      setAsked(null);
    }
  };

  return (
    <section class="card settings-card" aria-labelledby="settings-startup" data-testid="settings-startup">
      <h2 id="settings-startup" class="card-title">
        {t('settings.startup')}
      </h2>
      {load.state === 'error' ? (
        <CardLoad state={load} onRetry={reload} />
      ) : (
        <div class="field">
          <label class="check-label" for="settings-autostart">
            <input
              id="settings-autostart"
              type="checkbox"
              name="autostart"
              data-testid="autostart"
              checked={asked ?? value}
              disabled={!ready || busy}
              aria-busy={busy}
              aria-describedby="settings-autostart-help"
              onChange={(e) => void change(e.currentTarget.checked)}
            />
            <span>{t('settings.autostart')}</span>
          </label>
          {error && (
            <p class="field-error" role="alert" data-testid="autostart-error">
              {t(error.key, error.params)}
            </p>
          )}
          <p class="help check-help" id="settings-autostart-help">
            {t('settings.autostart_help')}
          </p>
        </div>
      )}
    </section>
  );
}
