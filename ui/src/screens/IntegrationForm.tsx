import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { FieldSpec } from '../bindings/FieldSpec';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { Person } from '../bindings/Person';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import type { TestSuccess } from '../bindings/TestSuccess';
import { Icon } from '../components/Icon';
import { PersonPicker } from '../components/PersonPicker';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import type { Draft, FormErrors, Message, Origin, PersonRef } from '../integration-form';
import {
  advancedOpen,
  DESCRIPTION,
  errorText,
  fieldGroups,
  firstInvalid,
  firstToFill,
  initialDraft,
  NO_ERRORS,
  PERSON,
  secretMode,
  splitErrors,
  toInput,
  withFieldErrors,
} from '../integration-form';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { formatDay } from '../sales-format';
import type { ExpiryChange } from '../secret-expiry';
import { expiryChanges, secretExpiries } from '../secret-expiry';
import { PersonForm } from './PersonForm';
import { DateInput } from './SalesDateInput';

type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'ok'; success: TestSuccess }
  | { status: 'failed'; reply: ErrorReply };

const fieldId = (key: string) => `if-${key}`;
/** The name of a secret's "Expira em" input. */
const expiryName = (key: string) => `${key}_expires_on`;

/** Addresses and codes in monospace; digits with a numeric keyboard. */
const monospace = (f: FieldSpec) => f.kind === 'url' || f.rule !== 'none';
const inputMode = (f: FieldSpec) => (f.kind === 'url' ? 'url' : f.rule === 'digits' ? 'numeric' : 'text');

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
  const { t, locale, formatDateTime } = useI18n();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(spec, origin));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [focusAfterErrors, setFocusAfterErrors] = useState(0);
  const [focusSecret, setFocusSecret] = useState<string | null>(null);
  const [advOpen, setAdvOpen] = useState(() => advancedOpen(spec, draft, NO_ERRORS));
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [newPerson, setNewPerson] = useState<string | null>(null);
  const testSeq = useRef(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const advancedRef = useRef<HTMLDetailsElement>(null);
  const testButtonRef = useRef<HTMLButtonElement>(null);
  const editId = origin.mode === 'edit' ? origin.integration.id : null;
  /** "Expira em" of each secret (edit mode): as typed, and as stored (`YYYY-MM-DD`, '' for none). */
  const [expiries, setExpiries] = useState<Record<string, string>>({});
  const storedExpiries = useRef<Record<string, string>>({});
  const [expiryErrors, setExpiryErrors] = useState<Record<string, Message>>({});

  const element = (name: string) => {
    const el = formRef.current?.elements.namedItem(name);
    return el instanceof HTMLInputElement ? el : null;
  };

  // Open as a modal, focus the first field still to fill, give focus back on close; a late test result is ignored.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    const first = element(firstToFill(spec, draft)) ?? element(DESCRIPTION);
    first?.focus();
    const seq = testSeq;
    return () => {
      seq.current++;
      if (opener?.isConnected) opener.focus();
    };
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // After a failed save or test: focus the first invalid field (opening "Avançado" if needed), else the summary.
  useEffect(() => {
    if (focusAfterErrors === 0) return;
    const f = firstInvalid(spec, errors);
    if (f && spec.fields.some((x) => x.key === f && x.section === 'advanced') && advancedRef.current) {
      advancedRef.current.open = true;
      setAdvOpen(true);
    }
    const el = f ? element(f) : null;
    if (el) {
      el.focus();
      el.select();
    } else summaryRef.current?.focus();
    // Only when a new failure is reported.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAfterErrors]);

  // Edit: the secrets' expiry dates are in Lembretes' list.
  useEffect(() => {
    if (editId === null) return;
    let stale = false;
    api.expiriesList().then(
      (list) => {
        if (stale) return;
        const stored = secretExpiries(list, editId);
        storedExpiries.current = stored;
        // What was typed meanwhile wins.
        setExpiries((typed) => {
          const next = { ...typed };
          for (const [k, v] of Object.entries(stored)) if ((next[k] ?? '') === '') next[k] = formatDay(locale, v);
          return next;
        });
      },
      // Without the list the dates start empty; saving one still works.
      () => {},
    );
    return () => {
      stale = true;
    };
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // "Substituir" reveals an empty input: focus it.
  useEffect(() => {
    if (focusSecret === null) return;
    element(focusSecret)?.focus();
    setFocusSecret(null);
  }, [focusSecret]);

  const fail = (e: unknown) => {
    setErrors(splitErrors(spec, toErrorReply(e)));
    setFocusAfterErrors((n) => n + 1);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    let changes: ExpiryChange[] = [];
    if (editId !== null) {
      const secretKeys = spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key);
      const r = expiryChanges(locale, secretKeys, expiries, storedExpiries.current);
      if (!r.ok) {
        setExpiryErrors(r.errors);
        const first = secretKeys.find((k) => r.errors[k]);
        if (first) element(expiryName(first))?.focus();
        return;
      }
      changes = r.changes;
    }
    setBusy(true);
    try {
      const input = toInput(spec, draft);
      const out = editId === null ? await api.integrationCreate(input) : await api.integrationUpdate(editId, input);
      for (const c of changes) {
        await api.secretExpirySet(out.integration.id, c.field, c.expiresOn);
        storedExpiries.current = { ...storedExpiries.current, [c.field]: c.expiresOn ?? '' };
      }
      testSeq.current++;
      props.onSaved(out, editId === null);
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const runTest = async () => {
    const seq = ++testSeq.current;
    setTest({ status: 'running' });
    try {
      const success = await api.integrationTest(editId, toInput(spec, draft));
      if (seq !== testSeq.current) return;
      setTest({ status: 'ok', success });
    } catch (err) {
      if (seq !== testSeq.current) return;
      const reply = toErrorReply(err);
      if (reply.fields.length > 0) fail(reply);
      setTest({ status: 'failed', reply });
    }
    if (editId !== null) props.onTested();
  };

  const cancelTest = () => {
    testSeq.current++;
    setTest({ status: 'idle' });
    testButtonRef.current?.focus();
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
    if (replacing) setFocusSecret(key);
  };

  const personChange = useCallback((query: string, person: PersonRef | null) => {
    setDraft((d) => ({ ...d, personQuery: query, person }));
    if (person) setErrors((old) => withFieldErrors(old, PERSON, []));
  }, []);

  const personCreated = (p: Person) => {
    setNewPerson(null);
    personChange(p.name, { id: p.id, name: p.name });
    toast(t('people.created', { name: p.name }));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    }
  };

  const messages = (key: string): Message[] => errors.fields[key] ?? [];

  /** Label, control, error and help of one field, wired for assistive tech. */
  const field = (key: string, labelKey: string, helpKey: string | null, required: boolean, control: (describedBy: string | undefined) => ComponentChildren, labelFor = true) => {
    const ms = messages(key);
    const id = fieldId(key);
    const describedBy = [ms.length > 0 ? `${id}-error` : '', helpKey ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
    const label = (
      <>
        {t(labelKey)}
        {required && (
          <span class="req" title={t('common.required')}>
            <span aria-hidden="true"> *</span>
            <span class="sr-only"> ({t('common.required')})</span>
          </span>
        )}
      </>
    );
    return (
      <div class={ms.length > 0 ? 'field invalid' : 'field'} key={key} data-field={key}>
        {labelFor ? (
          <label class="label" for={id} id={`${id}-label`}>
            {label}
          </label>
        ) : (
          <span class="label" id={`${id}-label`}>
            {label}
          </span>
        )}
        {control(describedBy)}
        {ms.length > 0 && (
          <p class="field-error" id={`${id}-error`} data-testid={`error-${key}`}>
            {ms.map((m) => t(m.key, m.params)).join(' ')}
          </p>
        )}
        {helpKey && (
          <p class="help" id={`${id}-help`}>
            {t(helpKey)}
          </p>
        )}
      </div>
    );
  };

  /** "Expira em (opcional)" under a secret, in edit mode: the date goes to Lembretes. */
  const expiryField = (f: FieldSpec) => {
    const id = `${fieldId(f.key)}-expires`;
    const err = expiryErrors[f.key];
    return (
      <div class={err ? 'field field-expiry invalid' : 'field field-expiry'} data-field={expiryName(f.key)}>
        <label class="label" for={id}>
          {t('integrations.secret.expires', { field: t(f.label_key) })}
        </label>
        <DateInput
          id={id}
          name={expiryName(f.key)}
          testid={`secret-expires-${f.key}`}
          value={expiries[f.key] ?? ''}
          invalid={!!err}
          describedBy={err ? `${id}-error ${id}-help` : `${id}-help`}
          onValue={(v) => {
            setExpiries((old) => ({ ...old, [f.key]: v }));
            if (expiryErrors[f.key])
              setExpiryErrors((old) => {
                const next = { ...old };
                delete next[f.key];
                return next;
              });
          }}
        />
        {err && (
          <p class="field-error" id={`${id}-error`} data-testid={`error-${expiryName(f.key)}`}>
            {t(err.key, err.params)}
          </p>
        )}
        <p class="help" id={`${id}-help`}>
          {t('integrations.secret.expires_help', { reminders: t('menu.reminders') })}
        </p>
      </div>
    );
  };

  const declared = (f: FieldSpec) =>
    f.kind === 'secret' && editId !== null ? (
      <Fragment key={f.key}>
        {declaredField(f)}
        {expiryField(f)}
      </Fragment>
    ) : (
      declaredField(f)
    );

  const declaredField = (f: FieldSpec) => {
    const invalid = messages(f.key).length > 0;
    if (f.kind === 'secret') {
      const mode = secretMode(draft, f.key);
      if (mode === 'set')
        return field(
          f.key,
          f.label_key,
          f.help_key,
          f.required,
          (describedBy) => (
            <div class="secret-set" data-testid={`secret-set-${f.key}`}>
              <span class="badge badge-set">
                <Icon name="check" class="badge-icon" />
                {t('integrations.secret_set')}
              </span>
              <button
                type="button"
                class="btn btn-small"
                data-testid={`secret-replace-${f.key}`}
                aria-label={`${t('integrations.secret.replace')}: ${t(f.label_key)}`}
                aria-describedby={describedBy}
                onClick={() => replaceSecret(f.key, true)}
              >
                {t('integrations.secret.replace')}
              </button>
            </div>
          ),
          false,
        );
      return field(f.key, f.label_key, f.help_key, f.required, (describedBy) => (
        <div class="secret-row">
          <input
            id={fieldId(f.key)}
            name={f.key}
            type="password"
            class="input mono"
            autoComplete="new-password"
            spellcheck={false}
            value={draft.secrets[f.key] ?? ''}
            required={f.required}
            aria-required={f.required}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onInput={(e) => setSecret(f.key, e.currentTarget.value)}
          />
          {draft.replacing.includes(f.key) && (
            <button type="button" class="btn" data-testid={`secret-keep-${f.key}`} onClick={() => replaceSecret(f.key, false)}>
              {t('integrations.secret.keep')}
            </button>
          )}
        </div>
      ));
    }
    return field(f.key, f.label_key, f.help_key, f.required, (describedBy) => (
      <input
        class={monospace(f) ? 'input mono' : 'input'}
        inputMode={inputMode(f)}
        spellcheck={false}
        autoComplete="off"
        autoCapitalize="off"
        id={fieldId(f.key)}
        name={f.key}
        type="text"
        placeholder={f.placeholder ? t('integrations.placeholder', { example: f.placeholder }) : undefined}
        value={draft.values[f.key] ?? ''}
        required={f.required}
        aria-required={f.required}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onInput={(e) => setValue(f.key, e.currentTarget.value)}
      />
    ));
  };

  const typeName = t(spec.name_key);
  const title = origin.mode === 'edit' ? t('integrations.form.title_edit', { name: origin.integration.description }) : t('integrations.form.title_new', { type: typeName });
  const before = (
    <>
      <Icon name="info" class="before-icon" />
      <div>
        <h3 class="sr-only" id="if-before-title">
          {t('integrations.form.before_title')}
        </h3>
        <p>{t(spec.before_key)}</p>
      </div>
    </>
  );

  return (
    <>
      <dialog
        ref={dialogRef}
        class="panel panel-wide"
        aria-labelledby="integration-form-title"
        data-testid="integration-form"
        data-type={spec.type}
        onKeyDown={onKeyDown}
        onCancel={(e) => {
          e.preventDefault();
          props.onClose();
        }}
      >
        <form ref={formRef} class="panel-form" noValidate onSubmit={(e) => void submit(e)}>
          <header class="panel-header">
            <div class="panel-heading">
              <span class="badge badge-type">{typeName}</span>
              <h2 id="integration-form-title">{title}</h2>
              {origin.mode === 'edit' && (
                <p class="panel-meta">
                  {t('integrations.form.meta', {
                    created: formatDateTime(origin.integration.created_at),
                    updated: formatDateTime(origin.integration.updated_at),
                  })}
                </p>
              )}
            </div>
            <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
              <Icon name="close" />
            </button>
          </header>

          <div class="panel-body">
            {errors.summary.length > 0 && (
              <div class="form-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-summary">
                <Icon name="alert" />
                <ul>
                  {errors.summary.map((m, i) => (
                    <li key={i}>{errorText(t, spec, m)}</li>
                  ))}
                </ul>
              </div>
            )}
            {origin.mode === 'duplicate' && (
              <p class="note" data-testid="duplicate-note">
                {t('integrations.form.duplicate_note', { name: origin.source.description })}
              </p>
            )}
            {origin.mode === 'edit' ? (
              <details class="before before-details" data-testid="before">
                <summary>
                  <Icon name="info" class="before-icon" />
                  {t('integrations.form.before_title')}
                </summary>
                <p>{t(spec.before_key)}</p>
              </details>
            ) : (
              <section class="before" aria-labelledby="if-before-title" data-testid="before">
                {before}
              </section>
            )}
            <p class="required-legend" aria-hidden="true">
              {t('common.required_legend')}
            </p>
            {field(DESCRIPTION, 'integrations.field.description', 'integrations.field.description_help', true, (describedBy) => (
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
            ))}
            {field(PERSON, 'integrations.field.person', 'integrations.field.person_help', true, (describedBy) => (
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
            ))}
            {fieldGroups(spec).map((g) =>
              g.section === 'main' ? (
                g.fields.map(declared)
              ) : g.section === 'advanced' ? (
                <details
                  class="form-section form-advanced"
                  key={g.section}
                  ref={advancedRef}
                  open={advOpen}
                  onToggle={(e) => setAdvOpen(e.currentTarget.open)}
                  data-testid="section-advanced"
                >
                  <summary class="section-title">
                    <Icon name="chevron" class="summary-icon" />
                    {t(g.heading ?? '')}
                  </summary>
                  <div class="section-fields">{g.fields.map(declared)}</div>
                </details>
              ) : (
                <section class="form-section" key={g.section} aria-labelledby={`if-section-${g.section}`} data-testid={`section-${g.section}`}>
                  <h3 class="section-title" id={`if-section-${g.section}`}>
                    {t(g.heading ?? '')}
                  </h3>
                  <div class="section-fields">{g.fields.map(declared)}</div>
                </section>
              ),
            )}
            {spec.tokens_elsewhere && (
              <p class="note" data-testid="tokens-elsewhere">
                <Icon name="key" />
                {t('integrations.form.tokens_elsewhere')}
              </p>
            )}
          </div>

          <div class="test-strip" aria-live="polite" data-state={test.status}>
            {test.status === 'running' ? (
              <div class="test-line" data-testid="test-running" aria-busy="true">
                <span class="spinner" aria-hidden="true" />
                <span class="test-text">{t('integrations.test.running')}</span>
                <button type="button" class="btn btn-small" data-testid="test-cancel" onClick={cancelTest}>
                  {t('integrations.test.cancel')}
                </button>
              </div>
            ) : test.status === 'ok' ? (
              <div class="test-line test-ok" data-testid="test-result" data-ok="true">
                <Icon name="check" class="test-icon" />
                <span class="test-text">{t(test.success.key, test.success.params)}</span>
              </div>
            ) : test.status === 'failed' ? (
              <div class="test-line test-failed" data-testid="test-result" data-ok="false">
                <Icon name="alert" class="test-icon" />
                <div class="test-text">
                  <strong>{t('integrations.test.failed')}</strong>
                  <p data-testid="test-message">{errorText(t, spec, test.reply)}</p>
                </div>
                <button type="button" class="btn btn-small" data-testid="test-retry" onClick={() => void runTest()}>
                  {t('common.retry')}
                </button>
              </div>
            ) : null}
          </div>

          <footer class="panel-footer">
            <button
              type="button"
              class="btn"
              ref={testButtonRef}
              data-testid="integration-test"
              aria-disabled={test.status === 'running'}
              aria-busy={test.status === 'running'}
              onClick={() => {
                if (test.status !== 'running') void runTest();
              }}
            >
              <Icon name="plug" />
              {t('integrations.test.button')}
            </button>
            <span class="kbd-hint">{t('common.keyboard_hint')}</span>
            <button type="button" class="btn" data-testid="form-cancel" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="btn btn-primary" data-testid="form-save" disabled={busy} aria-busy={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </footer>
        </form>
      </dialog>
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
