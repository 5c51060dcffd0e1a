import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import type { Message } from '../integration-form';

/** The id of a form field's control (its label, error and help ids derive from it). */
export const fieldId = (key: string) => `if-${key}`;

/**
 * Label, control, error and help of one field of the integration form, wired for assistive tech.
 * `control` gets the ids that describe it. A control that is not one input (the "definida" badge and its
 * Substituir button) gets a plain label (`labelFor={false}`).
 */
export function Field(props: {
  name: string;
  labelKey: string;
  helpKey: string | null;
  required: boolean;
  messages: Message[];
  labelFor?: boolean;
  control: (describedBy: string | undefined) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { name, messages: ms, helpKey } = props;
  const id = fieldId(name);
  const describedBy = [ms.length > 0 ? `${id}-error` : '', helpKey ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const label = (
    <>
      {t(props.labelKey)}
      {props.required && (
        <span class="req" title={t('common.required')}>
          <span aria-hidden="true"> *</span>
          <span class="sr-only"> ({t('common.required')})</span>
        </span>
      )}
    </>
  );
  return (
    <div class={ms.length > 0 ? 'field invalid' : 'field'} data-field={name}>
      {props.labelFor === false ? (
        <span class="label" id={`${id}-label`}>
          {label}
        </span>
      ) : (
        <label class="label" for={id} id={`${id}-label`}>
          {label}
        </label>
      )}
      {props.control(describedBy)}
      {ms.length > 0 && (
        <p class="field-error" id={`${id}-error`} data-testid={`error-${name}`}>
          {ms.map((m) => t(m.key, m.params)).join(' ')}
        </p>
      )}
      {helpKey && (
        <p class="help" id={`${id}-help`}>
          {t(helpKey)}
        </p>
      )}
    </div>
  );
}

/** An input of the open integration form, by name (FormDialog owns the form element). */
export const formInput = (name: string) => document.querySelector<HTMLInputElement>(`[data-testid=integration-form] [name="${name}"]`);
