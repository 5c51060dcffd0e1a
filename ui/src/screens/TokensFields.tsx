// The controls of the token forms (new token, Booking user, rotation, expiry) that only these forms have
// (a day typed the language's way, the expiry with PayTourist's validities, the paste).
import { useI18n } from '../i18n';
import { addMonths, DEFAULT_VALIDITY_MONTHS, formatDay, isoDay, parseDay, SHORT_VALIDITY_MONTHS } from '../tokens-model';

/** A control of these forms: every one is required, and says whether it is valid and what describes it. */
interface ControlProps {
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onInput: (v: string) => void;
}

/** The attributes those controls share (the shared Field gives `describedBy`). */
const controlAttrs = (p: ControlProps) => ({
  id: p.id,
  value: p.value,
  required: true,
  'aria-required': 'true' as const,
  'aria-invalid': p.invalid,
  'aria-describedby': p.describedBy,
  onInput: (e: { currentTarget: { value: string } }) => p.onInput(e.currentTarget.value),
});

/**
 * A day, typed the way the user's language writes it (25/11/2026). A text field on purpose: the native date
 * picker shows the operating system's format, which may not be the app's language.
 */
export function DayInput(props: ControlProps & { name: string }) {
  const { t } = useI18n();
  return (
    <input
      name={props.name}
      class="input input-date"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={t('tokens.date_placeholder')}
      {...controlAttrs(props)}
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
  describedBy: string | undefined;
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

/** The required one-line name of these forms (a token's, a Booking user's). */
export function NameInput(props: ControlProps) {
  return (
    <input
      name="name"
      class="input"
      type="text"
      autoComplete="off"
      {...controlAttrs(props)}
    />
  );
}

/** The paste field: a textarea while typing (tokens are long), never shown again once saved. */
export function TokenPaste(props: ControlProps) {
  return (
    <textarea
      name="token"
      class="input textarea mono token-paste"
      rows={3}
      autoComplete="off"
      autoCapitalize="off"
      spellcheck={false}
      {...controlAttrs(props)}
    />
  );
}
