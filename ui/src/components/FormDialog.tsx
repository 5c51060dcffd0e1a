// The one modal form frame: opens as a modal (the rest of the window inert), focuses the first field,
// gives focus back to what opened it, Esc and the close button cancel, Enter submits, and after a failed
// save focuses the first invalid field (else the error summary, which lists what is not next to a field).
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { FormErrors } from '../form-errors';
import { useI18n } from '../i18n';
import { Icon } from './Icon';

export function FormDialog(props: {
  /** `data-testid` of the dialog. */
  testid: string;
  /** Id of the title element (the dialog's accessible name). */
  titleId: string;
  title: ComponentChildren;
  /** Above the title (a badge) and below it (meta lines). */
  badge?: ComponentChildren;
  meta?: ComponentChildren;
  errors: FormErrors<string>;
  /** Bumped after each failed save: focus goes to `firstInvalid` (a field's name) or the summary. */
  failures: number;
  firstInvalid: string | null;
  /** The field focused on open (by name). */
  initialFocus?: string;
  /** While true (a confirmation on top, a save in flight), Esc does not close. */
  holdEsc?: boolean;
  class?: string;
  attrs?: Record<string, string>;
  onSubmit: () => void;
  onClose: () => void;
  children: ComponentChildren;
  /** Between the header and the body, outside the scrolling body (a wizard's stepper). */
  beforeBody?: ComponentChildren;
  /** Extra attributes of the body (`class` replaces "panel-body": repeat it). */
  bodyAttrs?: Record<string, string>;
  /** Between the body and the footer, outside the scrolling body (a status strip). */
  strip?: ComponentChildren;
  footer: ComponentChildren;
}) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { initialFocus } = props;

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    const first = initialFocus ? formRef.current?.elements.namedItem(initialFocus) : null;
    if (first instanceof HTMLElement) first.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocus]);

  // A layout effect: focus moves to the first invalid field in the same task that shows the errors, so neither a
  // keyboard user nor a screen reader meets the errors with focus still on Salvar.
  useLayoutEffect(() => {
    if (props.failures === 0) return;
    const el = props.firstInvalid ? formRef.current?.elements.namedItem(props.firstInvalid) : null;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      el.focus();
      el.select();
    } else if (el instanceof HTMLElement) el.focus();
    else summaryRef.current?.focus();
    // Only when a new failure is reported, not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.failures]);

  const close = () => {
    if (!props.holdEsc) props.onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      class={props.class ?? 'panel'}
      aria-labelledby={props.titleId}
      data-testid={props.testid}
      {...props.attrs}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form
        ref={formRef}
        class="panel-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <header class="panel-header">
          <div class="panel-heading">
            {props.badge}
            <h2 id={props.titleId}>{props.title}</h2>
            {props.meta}
          </div>
          <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
            <Icon name="close" />
          </button>
        </header>
        {props.beforeBody}
        <div class="panel-body" {...props.bodyAttrs}>
          {props.errors.summary.length > 0 && (
            <div class="form-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-summary">
              <Icon name="alert" />
              <ul>
                {props.errors.summary.map((m, i) => (
                  <li key={i}>{t(m.key, m.params)}</li>
                ))}
              </ul>
            </div>
          )}
          {props.children}
        </div>
        {props.strip}
        <footer class="panel-footer">{props.footer}</footer>
      </form>
    </dialog>
  );
}
