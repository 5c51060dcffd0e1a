import { useState } from 'preact/hooks';
import type { ApiToken } from '../bindings/ApiToken';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { FormErrors } from '../tokens-model';
import { dayValue, firstInvalid, formatDay, NO_ERRORS, parseDay, splitErrors, withoutField } from '../tokens-model';
import { DayInput, ExpiryField } from './TokensFields';

const FIELDS = ['created_on', 'expires_on'] as const;

/** "Vence em" of a saved token: PayTourist says 36 months, some of its pages 12; the portal shows the truth. */
export function TokensExpiry(props: { token: ApiToken; onClose: () => void; onSaved: (t: ApiToken) => void }) {
  const { token } = props;
  const { t, locale } = useI18n();
  const [created, setCreated] = useState(() => formatDay(locale, token.created_on));
  const [expires, setExpires] = useState(() => formatDay(locale, token.expires_on));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      props.onSaved(await api.tokenSetExpiry(token.id, { created_on: dayValue(locale, created), expires_on: dayValue(locale, expires) }));
    } catch (err) {
      setErrors(splitErrors(toErrorReply(err), FIELDS));
      setFailures((n) => n + 1);
      setBusy(false);
    }
  };

  return (
    <FormDialog
      testid="token-expiry"
      titleId="expiry-title"
      title={t('tokens.expiry.title', { name: token.name })}
      errors={errors}
      failures={failures}
      firstInvalid={firstInvalid(errors, FIELDS)}
      initialFocus="expires_on"
      onSubmit={() => void submit()}
      onClose={props.onClose}
      footer={
        <>
          <span class="kbd-hint">{t('common.keyboard_hint')}</span>
          <button type="button" class="btn" data-testid="form-cancel" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn-primary" data-testid="form-save" disabled={busy} aria-busy={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <Field id="te-created_on" name="created_on" dataField label={t('tokens.field.created_on')} required messages={errors.fields.created_on ?? []}>
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
      </Field>
      <Field id="te-expires_on" name="expires_on" dataField label={t('tokens.field.expires_on')} help={t('tokens.field.expires_on_help')} required messages={errors.fields.expires_on ?? []}>
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
      </Field>
    </FormDialog>
  );
}
