// The fields of the token forms (new token, rotation, expiry): a labelled field frame and the controls
// only these forms have (a day typed the language's way, the expiry with PayTourist's validities, the paste).
import type { ComponentChildren } from 'preact';
import type { FormErrors } from '../tokens-model';
import { useI18n } from '../i18n';
import { addMonths, DEFAULT_VALIDITY_MONTHS, formatDay, isoDay, parseDay, SHORT_VALIDITY_MONTHS } from '../tokens-model';

/**
 * A day, typed the way the user's language writes it (25/11/2026). A text field on purpose: the native date
 * picker shows the operating system's format, which may not be the app's language.
 */
export function DayInput(props: { id: string; name: string; value: string; invalid: boolean; describedBy: string; onInput: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <input
      id={props.id}
      name={props.name}
      class="input input-date"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={t('tokens.date_placeholder')}
      value={props.value}
      required
      aria-required="true"
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy || undefined}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/** Expiry date with the two validities PayTourist mentions as one-click choices (from the creation day). */
export function ExpiryField(props: {
  id: string;
  /** The creation day, YYYY-MM-DD (today if not a valid date). */
  created: string | null;
  value: string;
  invalid: boolean;
  describedBy: string;
  onChange: (v: string) => void;
}) {
  const { t, locale } = useI18n();
  const base = props.created ?? isoDay(new Date());
  const current = parseDay(locale, props.value);
  return (
    <div class="date-row">
      <DayInput id={props.id} name="expires_on" value={props.value} invalid={props.invalid} describedBy={props.describedBy} onInput={props.onChange} />
      {[DEFAULT_VALIDITY_MONTHS, SHORT_VALIDITY_MONTHS].map((m) => {
        const target = addMonths(base, m);
        return (
          <button
            type="button"
            class={target === current ? 'btn btn-small btn-choice active' : 'btn btn-small btn-choice'}
            key={m}
            data-testid={`expiry-months-${m}`}
            title={t('tokens.months_title', { months: m })}
            aria-pressed={target === current}
            onClick={() => target && props.onChange(formatDay(locale, target))}
          >
            {t('tokens.months', { months: m })}
          </button>
        );
      })}
    </div>
  );
}

/** A field of these forms: label above, control, error next to it, PayTourist's guidance below. */
export function FormField(props: {
  id: string;
  field: string;
  label: string;
  help: string | null;
  required: boolean;
  errors: FormErrors;
  children: (describedBy: string) => ComponentChildren;
}) {
  const { t } = useI18n();
  const ms = props.errors.fields[props.field] ?? [];
  const describedBy = [ms.length > 0 ? `${props.id}-error` : '', props.help ? `${props.id}-help` : ''].filter(Boolean).join(' ');
  return (
    <div class={ms.length > 0 ? 'field invalid' : 'field'} data-field={props.field}>
      <label class="label" for={props.id}>
        {t(props.label)}
        {props.required && (
          <span class="req" title={t('common.required')}>
            <span aria-hidden="true"> *</span>
            <span class="sr-only"> ({t('common.required')})</span>
          </span>
        )}
      </label>
      {props.children(describedBy)}
      {ms.length > 0 && (
        <p class="field-error" id={`${props.id}-error`} data-testid={`error-${props.field}`}>
          {ms.map((m) => t(m.key, m.params)).join(' ')}
        </p>
      )}
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {t(props.help)}
        </p>
      )}
    </div>
  );
}

/** The paste field: a textarea while typing (tokens are long), never shown again once saved. */
export function TokenPaste(props: { id: string; value: string; invalid: boolean; describedBy: string; onInput: (v: string) => void }) {
  return (
    <textarea
      id={props.id}
      name="token"
      class="input textarea mono token-paste"
      rows={3}
      autoComplete="off"
      autoCapitalize="off"
      spellcheck={false}
      value={props.value}
      required
      aria-required="true"
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}
