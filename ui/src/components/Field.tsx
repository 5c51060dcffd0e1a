import type { ComponentChildren } from 'preact';
import type { Params } from '../i18n';
import { useI18n } from '../i18n';

/**
 * The one frame of a form field: label (with the required mark), the control, its error, its help, wired for
 * assistive tech. The control (`children`) gets `describedBy`: the ids of the error and the help it shows
 * (`${id}-error`, `${id}-help`), or undefined. Every form uses it, each with its own ids and classes.
 */
export function Field(props: {
  /** The control's id: the label's `for`, and the prefix of the error's and the help's ids. */
  id: string;
  /** The field's name: its error's `data-testid` is `error-${name}`. */
  name: string;
  /** The label's text (translated). */
  label: ComponentChildren;
  required?: boolean;
  /** The field's error messages, catalogue keys (none: valid). */
  messages: readonly { key: string; params: Params }[];
  /** The help under the field (translated), if any. */
  help?: ComponentChildren;
  /** The frame's classes (`field` unless told); `invalid` is added while there are messages. */
  class?: string;
  /** Puts `data-field={name}` on the frame (the forms whose focus logic looks fields up by it). */
  dataField?: boolean;
  labelId?: string;
  /** false: the control is not one input (a badge and a button): the label is a span, named by `labelId`. */
  labelFor?: boolean;
  /** false: the error has no id and does not describe the control (Configurações > Wooba's token, as it was). */
  errorId?: boolean;
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { id, name, messages: ms, help } = props;
  const invalid = ms.length > 0;
  const linkError = invalid && props.errorId !== false;
  const describedBy = [linkError ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  const base = props.class ?? 'field';
  const label = (
    <>
      {props.label}
      {props.required && (
        <span class="req" title={t('common.required')}>
          <span aria-hidden="true"> *</span>
          <span class="sr-only"> ({t('common.required')})</span>
        </span>
      )}
    </>
  );
  return (
    <div class={invalid ? `${base} invalid` : base} data-field={props.dataField ? name : undefined}>
      {props.labelFor === false ? (
        <span class="label" id={props.labelId}>
          {label}
        </span>
      ) : (
        <label class="label" for={id} id={props.labelId}>
          {label}
        </label>
      )}
      {props.children(describedBy)}
      {invalid && (
        <p class="field-error" id={linkError ? `${id}-error` : undefined} data-testid={`error-${name}`}>
          {ms.map((m) => t(m.key, m.params)).join(' ')}
        </p>
      )}
      {help && (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}
