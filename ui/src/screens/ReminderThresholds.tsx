import type { RefObject } from 'preact';
import { Icon } from '../components/Icon';
import type { Message } from '../form-errors';
import { useI18n } from '../i18n';
import { thresholdLabel } from '../reminders-model';

/** A field's messages under it (`rem-<field>-error`, which the field's aria-describedby names). */
export function SettingsFieldError({ field, messages }: { field: string; messages: Message[] | undefined }) {
  const { t } = useI18n();
  if (!messages || messages.length === 0) return null;
  return (
    <p class="field-error" id={`rem-${field}-error`} data-testid={`error-${field}`}>
      {messages.map((m) => t(m.key, m.params)).join(' ')}
    </p>
  );
}

/**
 * "Avisar quando faltarem": the thresholds as chips, an input to type more (Enter or comma adds, Backspace on
 * an empty input removes the last), and the defaults back in one click. The settings form keeps the values.
 */
export function ReminderThresholds(props: {
  thresholds: number[];
  typed: string;
  messages: Message[] | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  onTyped: (v: string) => void;
  onAdd: () => void;
  onRemove: (d: number) => void;
  onDefaults: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const { thresholds, typed } = props;
  const invalid = (props.messages?.length ?? 0) > 0;
  return (
    <div class={invalid ? 'field invalid' : 'field'} data-field="thresholds">
      <label class="label" for="rem-threshold-input" id="rem-thresholds-label">
        {t('reminders.thresholds')}
      </label>
      <div class="chips" data-testid="reminder-thresholds" role="group" aria-labelledby="rem-thresholds-label" onClick={() => props.inputRef.current?.focus()}>
        {thresholds.map((d) => {
          const label = thresholdLabel(t, formatNumber, d);
          return (
            <span class="chip" key={d} data-testid="threshold-chip" data-days={d}>
              {label}
              <button
                type="button"
                class="chip-remove"
                data-testid="threshold-remove"
                aria-label={t('reminders.threshold.remove', { label })}
                title={t('reminders.threshold.remove', { label })}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onRemove(d);
                }}
              >
                <Icon name="close" />
              </button>
            </span>
          );
        })}
        <input
          id="rem-threshold-input"
          ref={props.inputRef}
          name="threshold"
          class="chip-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('reminders.threshold.placeholder')}
          title={t('reminders.threshold.input')}
          aria-invalid={invalid}
          aria-describedby={[invalid ? 'rem-thresholds-error' : '', 'rem-thresholds-help'].filter(Boolean).join(' ')}
          value={typed}
          onInput={(e) => props.onTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              props.onAdd();
            } else if (e.key === 'Backspace' && typed === '' && thresholds.length > 0) {
              const last = thresholds[thresholds.length - 1];
              if (last !== undefined) props.onRemove(last);
            }
          }}
        />
      </div>
      <SettingsFieldError field="thresholds" messages={props.messages} />
      <p class="help" id="rem-thresholds-help">
        {t('reminders.thresholds_help')}
      </p>
      <div>
        <button type="button" class="btn btn-small" data-testid="reminder-defaults" onClick={props.onDefaults}>
          {t('reminders.defaults')}
        </button>
      </div>
    </div>
  );
}
