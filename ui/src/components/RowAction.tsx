import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';

/**
 * An icon button of a table row: the tooltip says what it does, the accessible name also on what
 * ("Editar: Atlântica Operadora"), as the icon alone says neither.
 */
export function RowAction(props: {
  testid: string;
  /** What it does (translated). */
  label: string;
  /** The row's name. */
  on: string;
  /** `btn-icon` unless told. */
  class?: string;
  pressed?: boolean;
  busy?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class={props.class ?? 'btn-icon'}
      data-testid={props.testid}
      title={props.label}
      aria-label={t('integrations.action.on', { action: props.label, name: props.on })}
      aria-pressed={props.pressed}
      aria-busy={props.busy}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}
