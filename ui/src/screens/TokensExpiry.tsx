import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiToken } from '../bindings/ApiToken';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { FormErrors } from '../tokens-model';
import { dayValue, formatDay, NO_ERRORS, parseDay, splitErrors, withoutField } from '../tokens-model';
import { DayInput, ExpiryField, FormField } from './TokensNewForm';

const FIELDS = ['created_on', 'expires_on'];

/** "Vence em" of a saved token: PayTourist says 36 months, some of its pages 12; the portal shows the truth. */
export function TokensExpiry(props: { token: ApiToken; onClose: () => void; onSaved: (t: ApiToken) => void }) {
  const { token } = props;
  const { t, locale } = useI18n();
  const [created, setCreated] = useState(() => formatDay(locale, token.created_on));
  const [expires, setExpires] = useState(() => formatDay(locale, token.expires_on));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const el = formRef.current?.elements.namedItem('expires_on');
    if (el instanceof HTMLInputElement) el.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      props.onSaved(await api.tokenSetExpiry(token.id, { created_on: dayValue(locale, created), expires_on: dayValue(locale, expires) }));
    } catch (err) {
      setErrors(splitErrors(toErrorReply(err), FIELDS));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      class="confirm expiry-dialog"
      aria-labelledby="expiry-title"
      data-testid="token-expiry"
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <form ref={formRef} noValidate class="expiry-form" onSubmit={(e) => void submit(e)}>
        <h2 id="expiry-title" class="dialog-title">
          {t('tokens.expiry.title', { name: token.name })}
        </h2>
        {errors.summary.length > 0 && (
          <div class="form-summary" role="alert" data-testid="form-summary">
            <Icon name="alert" />
            <p>{errors.summary.map((m) => t(m.key, m.params)).join(' ')}</p>
          </div>
        )}
        <FormField id="te-created_on" field="created_on" label="tokens.field.created_on" help={null} required errors={errors}>
          {(describedBy) => (
            <DayInput
              id="te-created_on"
              name="created_on"
              value={created}
              invalid={(errors.fields.created_on?.length ?? 0) > 0}
              describedBy={describedBy}
              onInput={(v) => {
                setCreated(v);
                setErrors((old) => withoutField(old, 'created_on'));
              }}
            />
          )}
        </FormField>
        <FormField id="te-expires_on" field="expires_on" label="tokens.field.expires_on" help="tokens.field.expires_on_help" required errors={errors}>
          {(describedBy) => (
            <ExpiryField
              id="te-expires_on"
              created={parseDay(locale, created)}
              value={expires}
              invalid={(errors.fields.expires_on?.length ?? 0) > 0}
              describedBy={describedBy}
              onChange={(v) => {
                setExpires(v);
                setErrors((old) => withoutField(old, 'expires_on'));
              }}
            />
          )}
        </FormField>
        <div class="confirm-actions">
          <button type="button" class="btn" data-testid="form-cancel" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" data-testid="form-save" disabled={busy} aria-busy={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
