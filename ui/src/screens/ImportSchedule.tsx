import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Integration } from '../bindings/Integration';
import { Icon } from '../components/Icon';
import { RichText } from '../components/RichText';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import type { FieldMessage } from '../import-query';
import { cleanTime, DEFAULT_SCHEDULE_TIME } from '../import-schedule';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';

type Loaded = { status: 'loading' } | { status: 'ok'; saved: string | null } | { status: 'error'; error: ErrorReply };

/**
 * "Importar automaticamente as vendas de ontem todos os dias às [HH:MM]" for one integration. The app (or its
 * tray icon) runs it; with Ponte closed, the OS scheduler can run `ponte import` instead.
 */
export function ImportSchedule({ integration }: { integration: Integration }) {
  const { t } = useI18n();
  const toast = useToast();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [enabled, setEnabled] = useState(false);
  const [time, setTime] = useState(DEFAULT_SCHEDULE_TIME);
  const [error, setError] = useState<FieldMessage | null>(null);
  const [general, setGeneral] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);
  const timeRef = useRef<HTMLInputElement>(null);
  const id = integration.id;

  useEffect(() => {
    let stale = false;
    api.importScheduleGet(id).then(
      (saved) => {
        if (stale) return;
        setLoaded({ status: 'ok', saved });
        setEnabled(saved !== null);
        setTime(saved ?? DEFAULT_SCHEDULE_TIME);
      },
      (e: unknown) => !stale && setLoaded({ status: 'error', error: toErrorReply(e) }),
    );
    return () => {
      stale = true;
    };
  }, [id, reload]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy || loaded.status !== 'ok') return;
    const at = enabled ? cleanTime(time) : null;
    if (enabled && at === null) {
      setError({ key: 'error.reminders.time', params: {} });
      timeRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.importScheduleSet(id, at);
      setLoaded({ status: 'ok', saved: at });
      if (at !== null) setTime(at);
      setError(null);
      setGeneral(null);
      toast(at === null ? t('import.schedule.cleared', { name: integration.description }) : t('import.schedule.saved', { name: integration.description, time: at }));
    } catch (err) {
      const reply = toErrorReply(err);
      const f = reply.fields.find((x) => x.field === 'time');
      if (f) {
        setError({ key: f.key, params: f.params });
        timeRef.current?.focus();
      } else setGeneral(reply);
    } finally {
      setBusy(false);
    }
  };

  const saved = loaded.status === 'ok' ? loaded.saved : null;
  const changed = loaded.status === 'ok' && (enabled ? cleanTime(time) !== saved : saved !== null);

  return (
    <section class="card import-card import-schedule" aria-labelledby="import-schedule-title" data-testid="import-schedule">
      <h2 class="card-title" id="import-schedule-title">
        {t('import.schedule.title')}
      </h2>
      {loaded.status === 'error' ? (
        <div class="inline-error" role="alert">
          <p>{t(loaded.error.key, loaded.error.params)}</p>
          <button type="button" class="btn btn-small" onClick={() => setReload((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <form class="schedule-form" noValidate onSubmit={(e) => void save(e)} aria-busy={loaded.status === 'loading' || undefined}>
          {general && (
            <div class="form-summary" role="alert" data-testid="import-schedule-error">
              <Icon name="alert" />
              <p>{t(general.key, general.params)}</p>
            </div>
          )}
          <div class={error ? 'schedule-row invalid' : 'schedule-row'}>
            <label class="check-label" for="import-schedule-enabled">
              <input
                id="import-schedule-enabled"
                type="checkbox"
                name="schedule_enabled"
                data-testid="import-schedule-enabled"
                checked={enabled}
                disabled={loaded.status !== 'ok'}
                onChange={(e) => {
                  setEnabled(e.currentTarget.checked);
                  setError(null);
                }}
              />
              <span>{t('import.schedule.enable')}</span>
            </label>
            <input
              ref={timeRef}
              id="import-schedule-time"
              name="schedule_time"
              class="input input-time"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={5}
              placeholder={DEFAULT_SCHEDULE_TIME}
              aria-label={t('import.schedule.time')}
              aria-invalid={error !== null}
              aria-describedby={error ? 'import-schedule-time-error import-schedule-state' : 'import-schedule-state'}
              disabled={!enabled || loaded.status !== 'ok'}
              value={time}
              onInput={(e) => {
                setTime(e.currentTarget.value);
                setError(null);
              }}
              onBlur={(e) => {
                const c = cleanTime(e.currentTarget.value);
                if (c !== null && c !== time) setTime(c);
              }}
            />
            <button type="submit" class={changed ? 'btn btn-primary' : 'btn'} data-testid="import-schedule-save" disabled={busy || loaded.status !== 'ok'} aria-busy={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
          {error && (
            <p class="field-error" id="import-schedule-time-error" data-testid="error-schedule_time">
              {t(error.key, error.params)}
            </p>
          )}
          <p class="schedule-state" id="import-schedule-state" data-testid="import-schedule-state" aria-live="polite">
            {loaded.status === 'ok' && (
              <>
                <Icon name="clock" />
                {saved === null ? t('import.schedule.off') : t('import.schedule.on', { time: saved })}
              </>
            )}
          </p>
          <p class="help">{t('import.schedule.help')}</p>
          <p class="help">
            <RichText text={t('import.schedule.cli')} />{' '}
            <code class="path" data-testid="import-schedule-cli">
              {t('import.schedule.cli_command', { id: integration.id })}
            </code>
          </p>
        </form>
      )}
    </section>
  );
}
