import { useI18n } from '../i18n';
import { formatDay, parseDayInput } from '../sales-format';

interface Props {
  id?: string;
  name: string;
  value: string;
  onValue: (text: string) => void;
  invalid?: boolean;
  describedBy?: string;
  label?: string;
  testid?: string;
}

/**
 * A day typed the way the user's language writes it (`25/11/2026`; ISO `2026-11-25` is understood too),
 * tidied up when the field is left. A text field rather than `type="date"`, whose look follows the webview's
 * language instead of the app's, and which some webviews show as a bare text box anyway.
 */
export function DateInput(props: Props) {
  const { t, locale } = useI18n();
  const { value, onValue } = props;
  return (
    <input
      id={props.id}
      name={props.name}
      type="text"
      class="input day-input"
      inputMode="numeric"
      autoComplete="off"
      spellcheck={false}
      maxLength={10}
      placeholder={t('sales.date_placeholder')}
      aria-label={props.label}
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      data-testid={props.testid}
      value={value}
      onInput={(e) => onValue(e.currentTarget.value)}
      onBlur={(e) => {
        const iso = parseDayInput(locale, e.currentTarget.value);
        const tidy = iso === null ? e.currentTarget.value : formatDay(locale, iso);
        if (tidy !== value) onValue(tidy);
      }}
    />
  );
}
