import { useLayoutEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';

/** A modal yes/no question; Cancel has the focus, so Enter or Esc never destroys anything by accident. */
export function ConfirmDialog(props: {
  message: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancelRef.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm"
      role="alertdialog"
      aria-modal="true"
      // No title: the question is its name (read as it opens), not a description of a nameless dialog.
      aria-labelledby="confirm-message"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <p id="confirm-message" class="confirm-message">
        {props.message}
      </p>
      <div class="confirm-actions">
        <button type="button" class="btn" ref={cancelRef} onClick={props.onCancel} data-testid="confirm-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" class="btn btn-danger" disabled={props.busy} onClick={props.onConfirm} data-testid="confirm-ok">
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
