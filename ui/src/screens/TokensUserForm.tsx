import { useState } from 'preact/hooks';
import type { BookingUser } from '../bindings/BookingUser';
import type { Integration } from '../bindings/Integration';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { FormErrors } from '../tokens-model';
import { firstInvalid, NO_ERRORS, softwareLabel, splitErrors, withoutField } from '../tokens-model';
import { NameInput } from './TokensFields';

const FIELDS = ['integration_id', 'name', 'email', 'software'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Tokens de API > Novo usuário Booking: the PayTourist user the tokens belong to
 * (docs/PROTOCOLS.md#paytourist-api-tokens).
 */
export function TokensUserForm(props: {
  integrations: Integration[];
  software: string[];
  onClose: () => void;
  onSaved: (u: BookingUser) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>(() => ({
    integration_id: props.integrations.length === 1 ? String(props.integrations[0]?.id ?? '') : '',
    name: '',
    email: '',
    software: '',
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);

  const change = (f: FieldName, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setErrors((old) => withoutField(old, f));
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const u = await api.bookingUserCreate({
        integration_id: Number(values.integration_id || 0),
        name: values.name.trim(),
        email: values.email.trim(),
        software: values.software === '' ? null : values.software,
      });
      props.onSaved(u);
    } catch (err) {
      setErrors(splitErrors(toErrorReply(err), FIELDS));
      setFailures((n) => n + 1);
      setBusy(false);
    }
  };

  const invalid = (f: FieldName) => (errors.fields[f]?.length ?? 0) > 0;

  return (
    <FormDialog
      testid="booking-user-form"
      titleId="booking-user-title"
      class="panel panel-wide"
      title={t('tokens.new_user')}
      badge={<span class="badge badge-type">{t('integration.paytourist.name')}</span>}
      errors={errors}
      failures={failures}
      firstInvalid={firstInvalid(errors, FIELDS)}
      // With one PayTourist integration it is already chosen: the user's name comes first.
      initialFocus={props.integrations.length === 1 ? 'name' : 'integration_id'}
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
      <section class="before" aria-label={t('integrations.form.before_title')}>
        <Icon name="info" class="before-icon" />
        <p>{t('tokens.user.before')}</p>
      </section>
      <p class="required-legend" aria-hidden="true">
        {t('common.required_legend')}
      </p>
      <Field id="bu-integration_id" name="integration_id" dataField label={t('tokens.field.integration')} help={t('tokens.field.integration_help')} required messages={errors.fields.integration_id ?? []}>
        {(describedBy) => (
          <select
            id="bu-integration_id"
            name="integration_id"
            class="input select select-wide"
            value={values.integration_id}
            required
            aria-required="true"
            aria-invalid={invalid('integration_id')}
            aria-describedby={describedBy}
            onChange={(e) => change('integration_id', e.currentTarget.value)}
          >
            <option value="" disabled>
              {'—'}
            </option>
            {props.integrations.map((i) => (
              <option value={String(i.id)} key={i.id}>
                {i.description}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bu-name" name="name" dataField label={t('tokens.field.user_name')} help={t('tokens.field.user_name_help')} required messages={errors.fields.name ?? []}>
        {(describedBy) => (
          <NameInput id="bu-name" value={values.name} invalid={invalid('name')} describedBy={describedBy} onInput={(v) => change('name', v)} />
        )}
      </Field>
      <Field id="bu-email" name="email" dataField label={t('tokens.field.email')} help={t('tokens.field.email_help')} required messages={errors.fields.email ?? []}>
        {(describedBy) => (
          <input
            id="bu-email"
            name="email"
            class="input"
            type="email"
            autoComplete="off"
            spellcheck={false}
            placeholder="booking@struttura.it"
            value={values.email}
            required
            aria-required="true"
            aria-invalid={invalid('email')}
            aria-describedby={describedBy}
            onInput={(e) => change('email', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="bu-software" name="software" dataField label={t('tokens.field.software')} help={t('tokens.field.software_help')} messages={errors.fields.software ?? []}>
        {(describedBy) => (
          <select
            id="bu-software"
            name="software"
            class="input select select-wide"
            value={values.software}
            aria-invalid={invalid('software')}
            aria-describedby={describedBy}
            onChange={(e) => change('software', e.currentTarget.value)}
          >
            <option value="">{t('tokens.software.none')}</option>
            {props.software.map((s) => (
              <option value={s} key={s}>
                {softwareLabel(t, s)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}
