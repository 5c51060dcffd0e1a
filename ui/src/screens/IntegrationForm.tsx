import { useCallback, useState } from 'preact/hooks';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { Person } from '../bindings/Person';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { Icon } from '../components/Icon';
import { PersonPicker } from '../components/PersonPicker';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import type { Draft, FormErrors, Origin, PersonRef } from '../integration-form';
import {
  advancedOpen,
  DESCRIPTION,
  firstInvalid,
  firstToFill,
  inAdvanced,
  initialDraft,
  labelledSummary,
  NO_ERRORS,
  PERSON,
  splitErrors,
  toInput,
  withFieldErrors,
} from '../integration-form';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { ExpiryChange } from '../secret-expiry';
import { DeclaredFields } from './IntegrationDeclaredFields';
import { fieldFrame, fieldId } from './IntegrationField';
import { TestButton, TestStrip, useConnectionTest } from './IntegrationTest';
import { PersonForm } from './PersonForm';
import { useSecretExpiries } from './SecretExpiry';

/**
 * Cadastros > Integrações > Novo / Editar: the form of one integration, rendered from its type's declaration.
 * Secrets are write-only: typed here, sent once, shown afterwards only as "definida".
 */
export function IntegrationForm(props: {
  spec: IntegrationTypeSpec;
  origin: Origin;
  onClose: () => void;
  onSaved: (outcome: SaveOutcome, created: boolean) => void;
  /** A saved integration was tested: its status in the list changed. */
  onTested: () => void;
}) {
  const { spec, origin } = props;
  const { t, formatDateTime } = useI18n();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(spec, origin));
  // Focus starts on the first field still to fill (fixed when the form opens).
  const [initialFocus] = useState(() => firstToFill(spec, draft));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const [advOpen, setAdvOpen] = useState(() => advancedOpen(spec, draft, NO_ERRORS));
  const [newPerson, setNewPerson] = useState<string | null>(null);
  const editId = origin.mode === 'edit' ? origin.integration.id : null;
  const expiries = useSecretExpiries(editId);
  const test = useConnectionTest();

  /** After a failed save or test FormDialog focuses the first invalid field: open "Avançado" first if it is there. */
  const fail = (e: unknown) => {
    const next = splitErrors(spec, toErrorReply(e));
    setErrors(next);
    if (inAdvanced(spec, firstInvalid(spec, next))) setAdvOpen(true);
    setFailures((n) => n + 1);
  };

  const submit = async () => {
    if (busy) return;
    let changes: ExpiryChange[] = [];
    if (editId !== null) {
      const checked = expiries.changes(spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key));
      if (checked === null) return;
      changes = checked;
    }
    setBusy(true);
    try {
      const input = toInput(spec, draft);
      const out = editId === null ? await api.integrationCreate(input) : await api.integrationUpdate(editId, input);
      for (const c of changes) {
        await api.secretExpirySet(out.integration.id, c.field, c.expiresOn);
        expiries.saved(c);
      }
      test.forget();
      props.onSaved(out, editId === null);
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const runTest = async () => {
    const outcome = await test.run(() => api.integrationTest(editId, toInput(spec, draft)));
    if (outcome === null) return;
    if (outcome.status === 'failed' && outcome.reply.fields.length > 0) fail(outcome.reply);
    if (editId !== null) props.onTested();
  };

  const clearError = (key: string) => {
    if (errors.fields[key]) setErrors((old) => withFieldErrors(old, key, []));
  };
  const setValue = (key: string, v: string) => {
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: v } }));
    clearError(key);
  };
  const setSecret = (key: string, v: string) => {
    setDraft((d) => ({ ...d, secrets: { ...d.secrets, [key]: v } }));
    clearError(key);
  };
  const replaceSecret = (key: string, replacing: boolean) => {
    setDraft((d) => ({
      ...d,
      secrets: { ...d.secrets, [key]: '' },
      replacing: replacing ? [...d.replacing, key] : d.replacing.filter((k) => k !== key),
    }));
  };

  // Stable: the picker searches again when it changes.
  const personChange = useCallback((query: string, person: PersonRef | null) => {
    setDraft((d) => ({ ...d, personQuery: query, person }));
    if (person) setErrors((old) => withFieldErrors(old, PERSON, []));
  }, []);

  const personCreated = (p: Person) => {
    setNewPerson(null);
    personChange(p.name, { id: p.id, name: p.name });
    toast(t('people.created', { name: p.name }));
  };

  const messages = (key: string) => errors.fields[key] ?? [];
  const typeName = t(spec.name_key);
  const title =
    origin.mode === 'edit' ? t('integrations.form.title_edit', { name: origin.integration.description }) : t('integrations.form.title_new', { type: typeName });

  return (
    <>
      <FormDialog
        testid="integration-form"
        titleId="integration-form-title"
        class="panel panel-wide"
        attrs={{ 'data-type': spec.type }}
        title={title}
        badge={<span class="badge badge-type">{typeName}</span>}
        meta={
          origin.mode === 'edit' && (
            <p class="panel-meta">
              {t('integrations.form.meta', {
                created: formatDateTime(origin.integration.created_at),
                updated: formatDateTime(origin.integration.updated_at),
              })}
            </p>
          )
        }
        errors={labelledSummary(t, spec, errors)}
        failures={failures}
        firstInvalid={firstInvalid(spec, errors)}
        initialFocus={initialFocus}
        onSubmit={() => void submit()}
        onClose={props.onClose}
        strip={<TestStrip test={test} spec={spec} onRetry={() => void runTest()} />}
        footer={
          <>
            <TestButton test={test} onRun={() => void runTest()} />
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
        {origin.mode === 'duplicate' && (
          <p class="note" data-testid="duplicate-note">
            {t('integrations.form.duplicate_note', { name: origin.source.description })}
          </p>
        )}
        <BeforeYouStart spec={spec} collapsed={origin.mode === 'edit'} />
        <p class="required-legend" aria-hidden="true">
          {t('common.required_legend')}
        </p>
        <Field {...fieldFrame(t, DESCRIPTION, 'integrations.field.description', 'integrations.field.description_help')} required messages={messages(DESCRIPTION)}>
          {(describedBy) => (
            <input
              class="input"
              id={fieldId(DESCRIPTION)}
              name={DESCRIPTION}
              type="text"
              autoComplete="off"
              value={draft.description}
              required
              aria-required="true"
              aria-invalid={messages(DESCRIPTION).length > 0}
              aria-describedby={describedBy}
              onInput={(e) => {
                const v = e.currentTarget.value;
                setDraft((d) => ({ ...d, description: v }));
                clearError(DESCRIPTION);
              }}
            />
          )}
        </Field>
        <Field {...fieldFrame(t, PERSON, 'integrations.field.person', 'integrations.field.person_help')} required messages={messages(PERSON)}>
          {(describedBy) => (
            <PersonPicker
              id={fieldId(PERSON)}
              query={draft.personQuery}
              person={draft.person}
              invalid={messages(PERSON).length > 0}
              required
              describedBy={describedBy}
              autoPick={origin.mode === 'new' && draft.person === null && draft.personQuery !== ''}
              onChange={personChange}
              onNew={(q) => setNewPerson(q)}
            />
          )}
        </Field>
        <DeclaredFields
          spec={spec}
          draft={draft}
          errors={errors}
          expiries={editId === null ? null : expiries}
          advancedOpen={advOpen}
          onAdvancedToggle={setAdvOpen}
          onValue={setValue}
          onSecret={setSecret}
          onReplace={replaceSecret}
        />
        {spec.tokens_elsewhere && (
          <p class="note" data-testid="tokens-elsewhere">
            <Icon name="key" />
            {t('integrations.form.tokens_elsewhere')}
          </p>
        )}
      </FormDialog>
      {newPerson !== null && (
        <PersonForm
          editing={{ mode: 'new', kind: 'company', name: newPerson }}
          onClose={() => setNewPerson(null)}
          onSaved={personCreated}
          onDeleted={() => setNewPerson(null)}
        />
      )}
    </>
  );
}

/** What to have at hand before filling the form in: shown for a new one, folded away when editing. */
function BeforeYouStart(props: { spec: IntegrationTypeSpec; collapsed: boolean }) {
  const { t } = useI18n();
  return props.collapsed ? (
    <details class="before before-details" data-testid="before">
      <summary>
        <Icon name="info" class="before-icon" />
        {t('integrations.form.before_title')}
      </summary>
      <p>{t(props.spec.before_key)}</p>
    </details>
  ) : (
    <section class="before" aria-labelledby="if-before-title" data-testid="before">
      <Icon name="info" class="before-icon" />
      <div>
        <h3 class="sr-only" id="if-before-title">
          {t('integrations.form.before_title')}
        </h3>
        <p>{t(props.spec.before_key)}</p>
      </div>
    </section>
  );
}
