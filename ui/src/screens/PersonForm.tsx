import type { InputHTMLAttributes } from 'preact';
import { useState } from 'preact/hooks';
import type { Person } from '../bindings/Person';
import type { PersonKind } from '../bindings/PersonKind';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { FieldName, FormErrors, FormValues } from '../people-form';
import {
  checkDocumentField,
  emptyValues,
  FIELD_ORDER,
  firstInvalid,
  NO_ERRORS,
  REQUIRED,
  splitErrors,
  toInput,
  valuesFromPerson,
  withFieldErrors,
} from '../people-form';
import { KIND_KEYS } from '../people-list';

/** `name` pre-fills a new record (e.g. what was typed in a person picker). */
export type Editing = { mode: 'new'; kind: PersonKind; name?: string } | { mode: 'edit'; person: Person };

const LABELS: Record<PersonKind, Record<FieldName, string>> = {
  company: {
    name: 'people.field.company_name',
    trade_name: 'people.field.trade_name',
    document: 'people.field.cnpj',
    email: 'people.field.email',
    phone: 'people.field.phone',
  },
  individual: {
    name: 'people.field.individual_name',
    trade_name: 'people.field.trade_name',
    document: 'people.field.cpf',
    email: 'people.field.email',
    phone: 'people.field.phone',
  },
};

const HELP: Record<PersonKind, Partial<Record<FieldName, string>>> = {
  company: { document: 'people.help.cnpj', phone: 'people.help.phone' },
  individual: { document: 'people.help.cpf', phone: 'people.help.phone' },
};

const INPUT_ATTRS: Record<FieldName, InputHTMLAttributes<HTMLInputElement>> = {
  name: { type: 'text', autoComplete: 'off' },
  trade_name: { type: 'text', autoComplete: 'off' },
  document: { type: 'text', autoComplete: 'off', spellcheck: false, autoCapitalize: 'characters', class: 'input mono' },
  email: { type: 'email', autoComplete: 'off', spellcheck: false },
  phone: { type: 'tel', autoComplete: 'off' },
};

export function PersonForm(props: {
  editing: Editing;
  onClose: () => void;
  onSaved: (p: Person, created: boolean) => void;
  onDeleted: (p: Person) => void;
}) {
  const { editing } = props;
  const { t, formatDateTime } = useI18n();
  const kind: PersonKind = editing.mode === 'new' ? editing.kind : editing.person.kind;
  const [values, setValues] = useState<FormValues>(() =>
    editing.mode === 'edit' ? valuesFromPerson(editing.person) : { ...emptyValues(), name: editing.name ?? '' },
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failures, setFailures] = useState(0);
  const input = (f: FieldName) => document.querySelector<HTMLInputElement>(`[data-testid=person-form] [name=${f}]`);

  const fail = (e: unknown) => {
    setErrors(splitErrors(kind, toErrorReply(e)));
    setFailures((n) => n + 1);
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const payload = toInput(kind, values);
      const saved =
        editing.mode === 'new' ? await api.personCreate(payload) : await api.personUpdate(editing.person.id, payload);
      props.onSaved(saved, editing.mode === 'new');
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const remove = async () => {
    if (editing.mode !== 'edit') return;
    setBusy(true);
    try {
      await api.personDelete(editing.person.id);
      setConfirming(false);
      props.onDeleted(editing.person);
    } catch (err) {
      setConfirming(false);
      setBusy(false);
      fail(err);
    }
  };

  const change = (f: FieldName, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    if (errors.fields[f]) setErrors((old) => withFieldErrors(old, f, []));
  };

  const blur = (f: FieldName) => {
    if (f !== 'document') return;
    const el = input('document');
    const raw = el?.value ?? values.document;
    const { error, display } = checkDocumentField(kind, raw);
    if (error) setErrors((old) => withFieldErrors(old, 'document', [error]));
    else if (display !== raw) setValues((old) => ({ ...old, document: display }));
  };

  const title =
    editing.mode === 'edit'
      ? t('people.form.title_edit', { name: editing.person.name })
      : t(kind === 'company' ? 'people.form.title_new_company' : 'people.form.title_new_individual');

  return (
    <>
      <FormDialog
        testid="person-form"
        titleId="person-form-title"
        title={title}
        badge={<span class={`badge badge-${kind}`}>{t(KIND_KEYS[kind])}</span>}
        meta={
          editing.mode === 'edit' && (
            <p class="panel-meta">
              {t('people.form.meta', {
                created: formatDateTime(editing.person.created_at),
                updated: formatDateTime(editing.person.updated_at),
              })}
            </p>
          )
        }
        errors={errors}
        failures={failures}
        firstInvalid={firstInvalid(kind, errors)}
        initialFocus={FIELD_ORDER[kind][0] ?? 'name'}
        holdEsc={confirming}
        onSubmit={() => void submit()}
        onClose={props.onClose}
        footer={
          <>
            {editing.mode === 'edit' && (
              <button type="button" class="btn btn-danger-quiet" data-testid="form-delete" disabled={busy} onClick={() => setConfirming(true)}>
                <Icon name="trash" />
                {t('common.delete')}
              </button>
            )}
            <span class="kbd-hint">{t('common.keyboard_hint')}</span>
            <button type="button" class="btn" data-testid="form-cancel" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="form-save" disabled={busy} aria-busy={busy}>
              {busy && !confirming ? t('common.saving') : t('common.save')}
            </button>
          </>
        }
      >
        <p class="required-legend" aria-hidden="true">
          {t('common.required_legend')}
        </p>
        {FIELD_ORDER[kind].map((f) => {
          const messages = errors.fields[f] ?? [];
          const help = HELP[kind][f];
          const required = REQUIRED.has(f);
          return (
            <Field key={f} id={`pf-${f}`} name={f} label={t(LABELS[kind][f])} required={required} messages={messages} help={help && t(help)}>
              {(describedBy) => (
                <input
                  class="input"
                  {...INPUT_ATTRS[f]}
                  id={`pf-${f}`}
                  name={f}
                  value={values[f]}
                  required={required}
                  aria-required={required}
                  aria-invalid={messages.length > 0}
                  aria-describedby={describedBy}
                  onInput={(e) => change(f, e.currentTarget.value)}
                  onBlur={() => blur(f)}
                />
              )}
            </Field>
          );
        })}
      </FormDialog>
      {confirming && editing.mode === 'edit' && (
        <ConfirmDialog
          message={t('common.confirm_delete', { name: editing.person.name })}
          confirmLabel={t('common.delete')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
