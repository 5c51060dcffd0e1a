import { useRef, useState } from 'preact/hooks';
import type { ReminderSettings } from '../bindings/ReminderSettings';
import { CardLoad } from '../components/CardLoad';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import type { FormErrors } from '../form-errors';
import { NO_ERRORS, withFieldErrors } from '../form-errors';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { SettingsField } from '../reminders-model';
import { addThresholds, clipboardSecs, DEFAULT_THRESHOLDS, settingsErrors } from '../reminders-model';
import { useLoad } from '../use-load';
import { ReminderThresholds, SettingsFieldError } from './ReminderThresholds';

/** The text fields of the card, as typed. */
type TextField = Exclude<SettingsField, 'thresholds'>;

function typedFrom(s: ReminderSettings): Record<TextField, string> {
  return { quiet_start: s.quiet_hours.start, quiet_end: s.quiet_hours.end, clipboard_clear_secs: String(s.clipboard_clear_secs) };
}

/** Lembretes > when Ponte reminds: thresholds, quiet hours, and how long a copied token stays on the clipboard. */
export function ReminderSettingsCard() {
  const { t } = useI18n();
  const { load, reload } = useLoad(() => api.reminderSettingsGet(), []);
  return (
    <section class="card settings-card reminders-settings" aria-labelledby="reminders-settings-title" data-testid="reminder-settings">
      <h2 class="card-title" id="reminders-settings-title">
        {t('reminders.settings_title')}
      </h2>
      <p class="help settings-intro">{t('reminders.settings_help')}</p>
      {load.state === 'ready' ? (
        <SettingsForm initial={load.data} />
      ) : (
        <CardLoad state={load.state === 'error' ? { status: 'error', error: load.error } : { status: 'loading' }} onRetry={reload} />
      )}
    </section>
  );
}

/** The form, from the stored settings; after a save it shows what the backend stored. */
function SettingsForm({ initial }: { initial: ReminderSettings }) {
  const { t } = useI18n();
  const toast = useToast();
  const [thresholds, setThresholds] = useState<number[]>(initial.thresholds);
  const [values, setValues] = useState(() => typedFrom(initial));
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<FormErrors<SettingsField>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const clear = (f: SettingsField) => setErrors((old) => withFieldErrors(old, f, []));

  /** Adds what is typed; null (with the message next to the field) if it cannot be added. */
  const addTyped = (): number[] | null => {
    if (typed.trim() === '') return thresholds;
    const r = addThresholds(thresholds, typed);
    if (!r.ok) {
      setErrors((old) => withFieldErrors(old, 'thresholds', [{ key: r.key, params: {} }]));
      inputRef.current?.focus();
      return null;
    }
    setThresholds(r.list);
    setTyped('');
    clear('thresholds');
    return r.list;
  };

  const remove = (d: number) => {
    setThresholds((old) => old.filter((x) => x !== d));
    clear('thresholds');
    inputRef.current?.focus();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const list = addTyped();
    if (list === null) return;
    setBusy(true);
    try {
      const s = await api.reminderSettingsSet({
        thresholds: list,
        quiet_hours: { start: values.quiet_start, end: values.quiet_end },
        clipboard_clear_secs: clipboardSecs(values.clipboard_clear_secs),
      });
      setThresholds(s.thresholds);
      setValues(typedFrom(s));
      setErrors(NO_ERRORS);
      toast(t('reminders.saved'));
    } catch (err) {
      setErrors(settingsErrors(toErrorReply(err)));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: SettingsField) => (errors.fields[f]?.length ?? 0) > 0;
  /** One of the text fields: "HH:MM" or seconds. */
  const input = (f: TextField, maxLength: number, placeholder: string | undefined, help: string) => (
    <input
      id={`rem-${f}`}
      name={f}
      class="input input-time"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={maxLength}
      placeholder={placeholder}
      value={values[f]}
      aria-invalid={invalid(f)}
      aria-describedby={[invalid(f) ? `rem-${f}-error` : '', help].filter(Boolean).join(' ') || undefined}
      onInput={(e) => {
        const v = e.currentTarget.value;
        setValues((old) => ({ ...old, [f]: v }));
        clear(f);
      }}
    />
  );

  return (
    <form class="settings-form" noValidate onSubmit={(e) => void save(e)}>
      {errors.summary.length > 0 && (
        <div class="form-summary" role="alert" data-testid="form-summary">
          <Icon name="alert" />
          <p>{errors.summary.map((m) => t(m.key, m.params)).join(' ')}</p>
        </div>
      )}
      <ReminderThresholds
        thresholds={thresholds}
        typed={typed}
        messages={errors.fields.thresholds}
        inputRef={inputRef}
        onTyped={(v) => {
          setTyped(v);
          clear('thresholds');
        }}
        onAdd={() => void addTyped()}
        onRemove={remove}
        onDefaults={() => {
          setThresholds([...DEFAULT_THRESHOLDS]);
          setTyped('');
          clear('thresholds');
        }}
      />
      <fieldset class="field fieldset-plain" aria-describedby="rem-quiet-help">
        <legend class="label">{t('reminders.quiet')}</legend>
        <div class="time-row">
          <div class={invalid('quiet_start') ? 'field invalid' : 'field'}>
            <label class="label label-light" for="rem-quiet_start">
              {t('reminders.quiet_start')}
            </label>
            {input('quiet_start', 5, '22:00', '')}
          </div>
          <div class={invalid('quiet_end') ? 'field invalid' : 'field'}>
            <label class="label label-light" for="rem-quiet_end">
              {t('reminders.quiet_end')}
            </label>
            {input('quiet_end', 5, '08:00', '')}
          </div>
        </div>
        <SettingsFieldError field="quiet_start" messages={errors.fields.quiet_start} />
        <SettingsFieldError field="quiet_end" messages={errors.fields.quiet_end} />
        <p class="help" id="rem-quiet-help">
          {t('reminders.quiet_help')}
        </p>
      </fieldset>
      <div class={invalid('clipboard_clear_secs') ? 'field invalid' : 'field'}>
        <label class="label" for="rem-clipboard_clear_secs">
          {t('reminders.clipboard')}
        </label>
        {input('clipboard_clear_secs', 3, undefined, 'rem-clip-help')}
        <SettingsFieldError field="clipboard_clear_secs" messages={errors.fields.clipboard_clear_secs} />
        <p class="help" id="rem-clip-help">
          {t('reminders.clipboard_help')}
        </p>
      </div>
      <div class="settings-actions">
        <button type="submit" class="btn btn-primary" data-testid="reminder-save" disabled={busy} aria-busy={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
