import type { RefObject } from 'preact';
import type { Integration } from '../bindings/Integration';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import type { ImportMode, QueryErrors, QueryField, QueryForm } from '../import-query';
import { MAX_RANGE_DAYS } from '../import-query';
import { DateInput } from './SalesDateInput';

const MODES: ImportMode[] = ['dates', 'document'];

/** A field's message, as the shared Field lists them. */
const messagesOf = (errors: QueryErrors, f: QueryField) => {
  const m = errors[f];
  return m ? [m] : [];
};

function IntegrationField(props: { list: readonly Integration[]; value: number | null; onValue: (id: number) => void; demoNote: boolean }) {
  const { t } = useI18n();
  return (
    <div class="field field-integration">
      <label class="label" for="import-integration">
        {t('import.integration')}
      </label>
      <select
        id="import-integration"
        class="input select"
        data-testid="import-integration"
        aria-describedby="import-integration-help"
        value={props.value === null ? '' : String(props.value)}
        onChange={(e) => props.onValue(Number(e.currentTarget.value))}
      >
        {props.list.map((i) => (
          <option key={i.id} value={String(i.id)} disabled={!i.enabled}>
            {i.enabled ? i.description : t('import.integration_disabled', { name: i.description })}
          </option>
        ))}
      </select>
      <p class="help" id="import-integration-help">
        {t('import.integration_help')}
      </p>
      {props.demoNote && (
        <p class="demo-note" data-testid="import-demo-note">
          <span class="badge badge-demo">{t('demo.badge')}</span>
          {t('demo.import_note')}
        </p>
      )}
    </div>
  );
}

function ModeField({ mode, onMode }: { mode: ImportMode; onMode: (m: ImportMode) => void }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <span class="label" id="import-mode-label">
        {t('import.mode')}
      </span>
      <div class="segmented" role="radiogroup" aria-labelledby="import-mode-label">
        {MODES.map((m) => (
          <label class="seg" key={m}>
            <input type="radio" class="seg-input" name="mode" value={m} data-testid={`import-mode-${m}`} checked={mode === m} onChange={() => onMode(m)} />
            <span class="seg-text">
              <Icon name={m === 'dates' ? 'clock' : 'search'} />
              {t(m === 'dates' ? 'import.mode_dates' : 'import.mode_document')}
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}

function DocumentField(props: { value: string; errors: QueryErrors; onValue: (v: string) => void }) {
  const { t } = useI18n();
  const { errors } = props;
  return (
    <Field
      id="import-document"
      name="document"
      class="field field-query field-document"
      label={t('import.document')}
      messages={messagesOf(errors, 'document')}
      help={t('import.document_help')}
    >
      {(describedBy) => (
        <input
          id="import-document"
          name="document"
          class="input mono"
          type="text"
          autoComplete="off"
          spellcheck={false}
          autoCapitalize="off"
          value={props.value}
          aria-invalid={!!errors.document}
          aria-describedby={describedBy}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function DateFields(props: { form: QueryForm; errors: QueryErrors; onValue: (f: 'from' | 'to', v: string) => void }) {
  const { t, formatNumber } = useI18n();
  const { form, errors } = props;
  return (
    <div class="field field-query">
      <div class="date-pair">
        {(['from', 'to'] as const).map((f) => (
          <Field key={f} id={`import-${f}`} name={f} label={t(f === 'from' ? 'import.from' : 'import.to')} messages={messagesOf(errors, f)}>
            {(describedBy) => (
              <DateInput
                id={`import-${f}`}
                name={f}
                value={form[f]}
                invalid={!!errors[f]}
                // The dates' help stands under both: it describes the second.
                describedBy={[describedBy, f === 'to' ? 'import-to-help' : ''].filter(Boolean).join(' ') || undefined}
                onValue={(v) => props.onValue(f, v)}
              />
            )}
          </Field>
        ))}
      </div>
      <p class="help" id="import-to-help">
        {t('import.dates_help', { days: formatNumber(MAX_RANGE_DAYS) })}
      </p>
    </div>
  );
}

/** What to import: from which integration, by sale date or by document; Pré-visualizar submits it. */
export function ImportQueryForm(props: {
  formRef: RefObject<HTMLFormElement | null>;
  integrations: readonly Integration[];
  integrationId: number | null;
  onIntegration: (id: number) => void;
  /** The chosen integration is the demo's: say that its sales are made up. */
  demoNote: boolean;
  form: QueryForm;
  errors: QueryErrors;
  onChange: (f: QueryField | 'mode', v: string) => void;
  /** The fields cannot be changed (a preview or import is going on, the integrations are being read). */
  locked: boolean;
  /** A preview or import is going on: no Pré-visualizar (its progress has Cancelar). */
  busy: boolean;
  canPreview: boolean;
  onSubmit: (e: Event) => void;
}) {
  const { t } = useI18n();
  const { form, errors, onChange } = props;
  return (
    <form ref={props.formRef} class="import-form" noValidate onSubmit={props.onSubmit}>
      <fieldset class="import-fields" disabled={props.locked}>
        <IntegrationField list={props.integrations} value={props.integrationId} onValue={props.onIntegration} demoNote={props.demoNote} />
        <ModeField mode={form.mode} onMode={(m) => onChange('mode', m)} />
        {form.mode === 'document' ? (
          <DocumentField value={form.document} errors={errors} onValue={(v) => onChange('document', v)} />
        ) : (
          <DateFields form={form} errors={errors} onValue={onChange} />
        )}
      </fieldset>
      <div class="import-actions">
        {!props.busy && (
          <button type="submit" class="btn btn-primary" data-testid="import-preview" disabled={!props.canPreview}>
            <Icon name="search" />
            {t('import.preview')}
          </button>
        )}
      </div>
    </form>
  );
}
