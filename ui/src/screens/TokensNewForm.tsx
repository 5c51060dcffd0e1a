import { useEffect, useRef, useState } from 'preact/hooks';
import type { BookingUser } from '../bindings/BookingUser';
import type { TokenSaved } from '../bindings/TokenSaved';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { FormErrors } from '../tokens-model';
import {
  addMonths,
  dayValue,
  DEFAULT_VALIDITY_MONTHS,
  firstInvalid,
  formatDay,
  isoDay,
  masked,
  NO_ERRORS,
  parseDay,
  softwareLabel,
  splitErrors,
  withoutField,
} from '../tokens-model';
import { DayInput, ExpiryField, NameInput, TokenPaste } from './TokensFields';
import { Notices, PayTouristSteps, Verifying } from './TokensNotes';
import { TokensIcon } from './TokensParts';

const FIELDS = ['name', 'token', 'created_on', 'expires_on'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Tokens de API > + Novo token: name → PayTourist's steps → paste once → Verificar e salvar (live check,
 * keyring) → from then on only "•••• last4".
 */
export function TokensNewForm(props: { user: BookingUser; onClose: () => void; onSaved: (saved: TokenSaved) => void }) {
  const { user } = props;
  const { t, locale } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>(() => {
    const today = isoDay(new Date());
    return { name: '', token: '', created_on: formatDay(locale, today), expires_on: formatDay(locale, addMonths(today, DEFAULT_VALIDITY_MONTHS) ?? today) };
  });
  const [expiryTouched, setExpiryTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<TokenSaved | null>(null);
  const [failures, setFailures] = useState(0);
  const doneRef = useRef<HTMLButtonElement>(null);

  // Once saved, the form is gone: focus goes to the one button left.
  useEffect(() => {
    if (saved) doneRef.current?.focus();
  }, [saved]);

  const change = (f: FieldName, v: string) => {
    setValues((old) => {
      const next = { ...old, [f]: v };
      // The expiry follows the creation date until it is set by hand.
      const created = f === 'created_on' && !expiryTouched ? parseDay(locale, v) : null;
      const expires = created === null ? null : addMonths(created, DEFAULT_VALIDITY_MONTHS);
      if (expires !== null) next.expires_on = formatDay(locale, expires);
      return next;
    });
    if (f === 'expires_on') setExpiryTouched(true);
    setErrors((old) => withoutField(old, f));
  };

  const submit = async () => {
    if (busy || saved) return;
    setBusy(true);
    try {
      const dates = { created_on: dayValue(locale, values.created_on), expires_on: dayValue(locale, values.expires_on) };
      const out = await api.tokenAdd(user.id, values.name, values.token, dates, null);
      // The token leaves the page: from now on only its last four characters exist here.
      setValues((old) => ({ ...old, token: '' }));
      setErrors(NO_ERRORS);
      setSaved(out);
      props.onSaved(out);
    } catch (err) {
      setErrors(splitErrors(toErrorReply(err), FIELDS));
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: FieldName) => (errors.fields[f]?.length ?? 0) > 0;

  return (
    <FormDialog
      testid="token-form"
      titleId="token-form-title"
      class="panel panel-wide"
      title={t('tokens.form.title', { user: user.name })}
      badge={<span class="badge badge-type">{t('integration.paytourist.name')}</span>}
      meta={<p class="panel-meta">{user.email}</p>}
      errors={errors}
      failures={failures}
      firstInvalid={firstInvalid(errors, FIELDS)}
      initialFocus="name"
      onSubmit={() => void submit()}
      onClose={props.onClose}
      strip={busy && <Verifying />}
      footer={
        saved ? (
          <button type="button" class="btn btn-primary footer-end" ref={doneRef} data-testid="form-close" onClick={props.onClose}>
            {t('common.close')}
          </button>
        ) : (
          <>
            <span class="kbd-hint">{t('common.keyboard_hint')}</span>
            <button type="button" class="btn" data-testid="form-cancel" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="form-save" disabled={busy} aria-busy={busy}>
              <TokensIcon name="verify" />
              {t('tokens.form.save')}
            </button>
          </>
        )
      }
    >
      {saved ? (
        <TokenSavedBody user={user} saved={saved} />
      ) : (
        <>
          <p class="required-legend" aria-hidden="true">
            {t('common.required_legend')}
          </p>
          <Field id="tf-name" name="name" dataField label={t('tokens.field.token_name')} help={t('tokens.field.token_name_help')} required messages={errors.fields.name ?? []}>
            {(describedBy) => (
              <NameInput id="tf-name" value={values.name} invalid={invalid('name')} describedBy={describedBy} onInput={(v) => change('name', v)} />
            )}
          </Field>
          <PayTouristSteps />
          <Field id="tf-token" name="token" dataField label={t('tokens.field.token')} help={t('tokens.field.token_help')} required messages={errors.fields.token ?? []}>
            {(describedBy) => (
              <TokenPaste id="tf-token" value={values.token} invalid={invalid('token')} describedBy={describedBy} onInput={(v) => change('token', v)} />
            )}
          </Field>
          <div class="field-pair">
            <Field id="tf-created_on" name="created_on" dataField label={t('tokens.field.created_on')} help={t('tokens.field.created_on_help')} required messages={errors.fields.created_on ?? []}>
              {(describedBy) => (
                <DayInput
                  id="tf-created_on"
                  name="created_on"
                  value={values.created_on}
                  invalid={invalid('created_on')}
                  describedBy={describedBy}
                  onInput={(v) => change('created_on', v)}
                />
              )}
            </Field>
            <Field id="tf-expires_on" name="expires_on" dataField label={t('tokens.field.expires_on')} help={t('tokens.field.expires_on_help')} required messages={errors.fields.expires_on ?? []}>
              {(describedBy) => (
                <ExpiryField
                  id="tf-expires_on"
                  created={parseDay(locale, values.created_on)}
                  value={values.expires_on}
                  invalid={invalid('expires_on')}
                  describedBy={describedBy}
                  onChange={(v) => change('expires_on', v)}
                />
              )}
            </Field>
          </div>
        </>
      )}
    </FormDialog>
  );
}

/** After Verificar e salvar: saved, what was cleaned from the paste, and where to paste it next. */
function TokenSavedBody({ user, saved }: { user: BookingUser; saved: TokenSaved }) {
  const { t } = useI18n();
  return (
    <>
      <section class="saved-box" role="status" data-testid="token-saved">
        <Icon name="check" class="saved-icon" />
        <div>
          <h3>{t('tokens.form.saved_title')}</h3>
          <p>{t('tokens.form.saved_body', { name: saved.token.name, masked: masked(saved.token.last4) })}</p>
        </div>
      </section>
      <Notices notices={saved.notices} />
      <p class="note">
        <Icon name="info" />
        {user.software ? t('tokens.form.saved_paste', { software: softwareLabel(t, user.software) }) : t('tokens.user.software_missing_help')}
      </p>
    </>
  );
}
