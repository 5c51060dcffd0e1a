// The fields an integration type declares (IntegrationTypeSpec), by section: the main ones, "Acesso à API",
// and the collapsible "Avançado". Secrets are write-only: typed here, shown afterwards only as "definida".
import { useEffect, useRef } from 'preact/hooks';
import type { FieldSpec } from '../bindings/FieldSpec';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import type { Draft, FormErrors, Message } from '../integration-form';
import { fieldGroups, secretMode } from '../integration-form';
import { Field } from '../components/Field';
import { SecretKeep, SecretSet } from '../components/Secret';
import { fieldFrame, fieldId } from './IntegrationField';
import type { SecretExpiries } from './SecretExpiry';
import { SecretExpiryField } from './SecretExpiry';

/** Addresses and codes in monospace; digits with a numeric keyboard. */
const monospace = (f: FieldSpec) => f.kind === 'url' || f.rule !== 'none';
const inputMode = (f: FieldSpec) => (f.kind === 'url' ? 'url' : f.rule === 'digits' ? 'numeric' : 'text');

interface Edits {
  onValue: (key: string, value: string) => void;
  onSecret: (key: string, value: string) => void;
  /** Substituir (true) shows an empty input for a stored secret; Manter (false) keeps the stored one. */
  onReplace: (key: string, replacing: boolean) => void;
}

export function DeclaredFields(
  props: Edits & {
    spec: IntegrationTypeSpec;
    draft: Draft;
    errors: FormErrors;
    /** Edit mode: each secret's "Expira em". */
    expiries: SecretExpiries | null;
    advancedOpen: boolean;
    onAdvancedToggle: (open: boolean) => void;
  },
) {
  const { t } = useI18n();
  const fields = (list: FieldSpec[]) =>
    list.map((f) => (
      <DeclaredField
        key={f.key}
        field={f}
        draft={props.draft}
        messages={props.errors.fields[f.key] ?? []}
        expiries={props.expiries}
        onValue={props.onValue}
        onSecret={props.onSecret}
        onReplace={props.onReplace}
      />
    ));
  return (
    <>
      {fieldGroups(props.spec).map((g) =>
        g.section === 'main' ? (
          fields(g.fields)
        ) : g.section === 'advanced' ? (
          <details
            class="form-section form-advanced"
            key={g.section}
            open={props.advancedOpen}
            onToggle={(e) => props.onAdvancedToggle(e.currentTarget.open)}
            data-testid="section-advanced"
          >
            <summary class="section-title">
              <Icon name="chevron" class="summary-icon" />
              {t(g.heading ?? '')}
            </summary>
            <div class="section-fields">{fields(g.fields)}</div>
          </details>
        ) : (
          <section class="form-section" key={g.section} aria-labelledby={`if-section-${g.section}`} data-testid={`section-${g.section}`}>
            <h3 class="section-title" id={`if-section-${g.section}`}>
              {t(g.heading ?? '')}
            </h3>
            <div class="section-fields">{fields(g.fields)}</div>
          </section>
        ),
      )}
    </>
  );
}

function DeclaredField(props: Edits & { field: FieldSpec; draft: Draft; messages: Message[]; expiries: SecretExpiries | null }) {
  const { field: f, expiries } = props;
  if (f.kind !== 'secret') return <TextField {...props} />;
  const secret = secretMode(props.draft, f.key) === 'set' ? <StoredSecret {...props} /> : <SecretInput {...props} />;
  return expiries ? (
    <>
      {secret}
      <SecretExpiryField field={f} expiries={expiries} />
    </>
  ) : (
    secret
  );
}

function TextField(props: Edits & { field: FieldSpec; draft: Draft; messages: Message[] }) {
  const { t } = useI18n();
  const { field: f } = props;
  return (
    <Field {...fieldFrame(t, f.key, f.label_key, f.help_key)} required={f.required} messages={props.messages}>
      {(describedBy) => (
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
          value={props.draft.values[f.key] ?? ''}
          required={f.required}
          aria-required={f.required}
          aria-invalid={props.messages.length > 0}
          aria-describedby={describedBy}
          onInput={(e) => props.onValue(f.key, e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** A secret in the keyring: "definida", and Substituir. */
function StoredSecret(props: Edits & { field: FieldSpec; messages: Message[] }) {
  const { t } = useI18n();
  const { field: f } = props;
  return (
    <Field {...fieldFrame(t, f.key, f.label_key, f.help_key)} required={f.required} messages={props.messages} labelFor={false}>
      {(describedBy) => (
        <SecretSet name={f.key} label={t(f.label_key)} describedBy={describedBy} onReplace={() => props.onReplace(f.key, true)} />
      )}
    </Field>
  );
}

/** A write-only secret input; while replacing a stored one, with Manter to keep it. */
function SecretInput(props: Edits & { field: FieldSpec; draft: Draft; messages: Message[] }) {
  const { t } = useI18n();
  const { field: f, draft } = props;
  const replacing = draft.replacing.includes(f.key);
  const ref = useRef<HTMLInputElement>(null);
  // Substituir reveals this (empty) input: focus it.
  useEffect(() => {
    if (replacing) ref.current?.focus();
    // Once, when it appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Field {...fieldFrame(t, f.key, f.label_key, f.help_key)} required={f.required} messages={props.messages}>
      {(describedBy) => (
        <div class="secret-row">
          <input
            ref={ref}
            id={fieldId(f.key)}
            name={f.key}
            type="password"
            class="input mono"
            autoComplete="new-password"
            spellcheck={false}
            value={draft.secrets[f.key] ?? ''}
            required={f.required}
            aria-required={f.required}
            aria-invalid={props.messages.length > 0}
            aria-describedby={describedBy}
            onInput={(e) => props.onSecret(f.key, e.currentTarget.value)}
          />
          {replacing && <SecretKeep name={f.key} onKeep={() => props.onReplace(f.key, false)} />}
        </div>
      )}
    </Field>
  );
}
