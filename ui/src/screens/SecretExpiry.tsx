// "Expira em (opcional)" under each secret of a saved integration: the date goes to Lembretes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldSpec } from '../bindings/FieldSpec';
import { api } from '../api.gen';
import { Field } from '../components/Field';
import { useI18n } from '../i18n';
import type { Message } from '../integration-form';
import { formatDay } from '../sales-format';
import type { ExpiryChange } from '../secret-expiry';
import { expiryChanges, secretExpiries, withStoredExpiries } from '../secret-expiry';
import { useLoad } from '../use-load';
import { DateInput } from './SalesDateInput';
import { fieldId, formInput } from './IntegrationField';

/** The name of a secret's "Expira em" input. */
export const expiryName = (key: string) => `${key}_expires_on`;

export interface SecretExpiries {
  /** As typed (the stored dates fill what is still empty once they come), by secret. */
  typed: Record<string, string>;
  errors: Record<string, Message>;
  change: (key: string, value: string) => void;
  /** The dates to send for `keys`; null when one cannot be read (shown next to it, and focused). */
  changes: (keys: readonly string[]) => ExpiryChange[] | null;
  /** One date was stored: a retry after a later failure does not send it again. */
  saved: (c: ExpiryChange) => void;
}

/** The expiry dates of integration `editId`'s secrets (none for a new one). */
export function useSecretExpiries(editId: number | null): SecretExpiries {
  const { locale } = useI18n();
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, Message>>({});
  /** As stored (`YYYY-MM-DD`, '' for none). */
  const stored = useRef<Record<string, string>>({});
  // The dates are in Lembretes' list. Without the list they start empty; saving one still works.
  const { load } = useLoad(() => (editId === null ? Promise.resolve(null) : api.expiriesList()), [editId]);
  const list = load.data;

  useEffect(() => {
    if (list === null || editId === null) return;
    stored.current = secretExpiries(list, editId);
    setTyped((old) => withStoredExpiries(old, stored.current, (iso) => formatDay(locale, iso)));
  }, [list, editId, locale]);

  const change = (key: string, value: string) => {
    setTyped((old) => ({ ...old, [key]: value }));
    if (errors[key])
      setErrors((old) => {
        const next = { ...old };
        delete next[key];
        return next;
      });
  };

  const changes = (keys: readonly string[]) => {
    const r = expiryChanges(locale, keys, typed, stored.current);
    if (r.ok) return r.changes;
    setErrors(r.errors);
    const first = keys.find((k) => r.errors[k]);
    if (first) formInput(expiryName(first))?.focus();
    return null;
  };

  const saved = (c: ExpiryChange) => {
    stored.current = { ...stored.current, [c.field]: c.expiresOn ?? '' };
  };

  return { typed, errors, change, changes, saved };
}

/** "Expira em (opcional)" under a secret, in edit mode. */
export function SecretExpiryField(props: { field: FieldSpec; expiries: SecretExpiries }) {
  const { t } = useI18n();
  const { field: f, expiries } = props;
  const id = `${fieldId(f.key)}-expires`;
  const err = expiries.errors[f.key];
  return (
    <Field
      id={id}
      name={expiryName(f.key)}
      class="field field-expiry"
      dataField
      label={t('integrations.secret.expires', { field: t(f.label_key) })}
      messages={err ? [err] : []}
      help={t('integrations.secret.expires_help', { reminders: t('menu.reminders') })}
    >
      {(describedBy) => (
        <DateInput
          id={id}
          name={expiryName(f.key)}
          testid={`secret-expires-${f.key}`}
          value={expiries.typed[f.key] ?? ''}
          invalid={!!err}
          describedBy={describedBy}
          onValue={(v) => expiries.change(f.key, v)}
        />
      )}
    </Field>
  );
}
