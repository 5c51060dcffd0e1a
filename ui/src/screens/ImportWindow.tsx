import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Integration } from '../bindings/Integration';
import { api } from '../api.gen';
import { CardLoad } from '../components/CardLoad';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import type { FieldMessage } from '../import-query';
import { toErrorReply } from '../transport';
import { useLoad } from '../use-load';

/**
 * "Dias por consulta" for one integration: a long period is asked of the supplier this many days at a time
 * (its servers time out on long ranges), and a run that stops continues from the first period not imported.
 * The backend checks the number (1 to 366) and says what to fix.
 */
export function ImportWindow({ integration }: { integration: Integration }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = integration.id;
  const { load, reload } = useLoad(() => api.importWindowGet(id), [id]);
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<FieldMessage | null>(null);
  const [general, setGeneral] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ready = load.state === 'ready';

  useLayoutEffect(() => {
    if (load.state !== 'ready') return;
    setSaved(load.data);
    setDays(String(load.data));
  }, [load]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy || !ready) return;
    // Not a number at all: the backend's own message for a number out of range says what to type.
    const n = /^\s*\d{1,6}\s*$/.test(days) ? Number(days) : 0;
    setBusy(true);
    try {
      const stored = await api.importWindowSet(id, n);
      setSaved(stored);
      setDays(String(stored));
      setError(null);
      setGeneral(null);
      toast(t('import.window.saved', { days: String(stored) }));
    } catch (err) {
      const reply = toErrorReply(err);
      const f = reply.fields.find((x) => x.field === 'window_days');
      if (f) {
        setError({ key: f.key, params: f.params });
        input.current?.focus();
      } else setGeneral(reply);
    } finally {
      setBusy(false);
    }
  };

  const changed = ready && days.trim() !== String(saved);

  return (
    <section class="card import-card import-window" aria-labelledby="import-window-title" data-testid="import-window">
      <h2 class="card-title" id="import-window-title">
        {t('import.window.label')}
      </h2>
      {load.state === 'error' ? (
        <CardLoad state={load} onRetry={reload} />
      ) : (
        <form class="schedule-form" noValidate onSubmit={(e) => void save(e)} aria-busy={load.state === 'loading' || undefined}>
          {general && (
            <div class="form-summary" role="alert" data-testid="import-window-error">
              <Icon name="alert" />
              <p>{t(general.key, general.params)}</p>
            </div>
          )}
          <div class={error ? 'schedule-row invalid' : 'schedule-row'}>
            <input
              ref={input}
              id="import-window-days"
              name="window_days"
              class="input input-time"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              aria-label={t('import.window.label')}
              aria-invalid={error !== null}
              aria-describedby={error ? 'import-window-days-error import-window-help' : 'import-window-help'}
              disabled={!ready}
              value={days}
              onInput={(e) => {
                setDays(e.currentTarget.value);
                setError(null);
              }}
            />
            <button type="submit" class={changed ? 'btn btn-primary' : 'btn'} data-testid="import-window-save" disabled={busy || !ready} aria-busy={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
          {error && (
            <p class="field-error" id="import-window-days-error" data-testid="error-window_days">
              {t(error.key, error.params)}
            </p>
          )}
          <p class="help" id="import-window-help">
            {t('import.window.help')}
          </p>
        </form>
      )}
    </section>
  );
}
