import { useLayoutEffect, useRef, useState } from 'preact/hooks';
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
import { useLoad } from '../use-load';

/**
 * "Importar automaticamente as vendas de ontem todos os dias às [HH:MM]" for one integration. The app (or its
 * tray icon) runs it; with Ponte closed, the OS scheduler can run `ponte import` instead.
 */
export function ImportSchedule({ integration }: { integration: Integration }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = integration.id;
  const { load, reload } = useLoad(() => api.importScheduleGet(id), [id]);
  /** What the last save stored (`at`: the time, null: off), newer than what was read. */
  const [stored, setStored] = useState<{ at: string | null } | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [time, setTime] = useState(DEFAULT_SCHEDULE_TIME);
  const [error, setError] = useState<FieldMessage | null>(null);
  const [general, setGeneral] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);
  const timeRef = useRef<HTMLInputElement>(null);
  const ready = load.state === 'ready';

  // The fields start from what was read, before paint (they are enabled from then on).
  useLayoutEffect(() => {
    if (load.state !== 'ready') return;
    setStored(null);
    setEnabled(load.data !== null);
    setTime(load.data ?? DEFAULT_SCHEDULE_TIME);
  }, [load]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy || !ready) return;
    const at = enabled ? cleanTime(time) : null;
    if (enabled && at === null) {
      setError({ key: 'error.reminders.time', params: {} });
      timeRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.importScheduleSet(id, at);
      setStored({ at });
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

  const saved = stored ? stored.at : ready ? load.data : null;
  const changed = ready && (enabled ? cleanTime(time) !== saved : saved !== null);

  return (
    <section class="card import-card import-schedule" aria-labelledby="import-schedule-title" data-testid="import-schedule">
      <h2 class="card-title" id="import-schedule-title">
        {t('import.schedule.title')}
      </h2>
      {load.state === 'error' ? (
        <div class="inline-error" role="alert">
          <p>{t(load.error.key, load.error.params)}</p>
          <button type="button" class="btn btn-small" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <form class="schedule-form" noValidate onSubmit={(e) => void save(e)} aria-busy={load.state === 'loading' || undefined}>
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
                disabled={!ready}
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
              disabled={!enabled || !ready}
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
            <button type="submit" class={changed ? 'btn btn-primary' : 'btn'} data-testid="import-schedule-save" disabled={busy || !ready} aria-busy={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
          {error && (
            <p class="field-error" id="import-schedule-time-error" data-testid="error-schedule_time">
              {t(error.key, error.params)}
            </p>
          )}
          <p class="schedule-state" id="import-schedule-state" data-testid="import-schedule-state" aria-live="polite">
            {ready && (
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
