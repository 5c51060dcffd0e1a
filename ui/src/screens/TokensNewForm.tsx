import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BookingUser } from '../bindings/BookingUser';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { TokenSaved } from '../bindings/TokenSaved';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import type { FormErrors } from '../tokens-model';
import { TokensIcon } from './TokensParts';
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
  SHORT_VALIDITY_MONTHS,
  softwareLabel,
  splitErrors,
  withoutField,
} from '../tokens-model';

const FIELDS = ['name', 'token', 'created_on', 'expires_on'] as const;
type Field = (typeof FIELDS)[number];

/** PayTourist's own steps to create a token (docs/PROTOCOLS.md#paytourist-api-tokens), as a numbered list. */
export function PayTouristSteps() {
  const { t } = useI18n();
  return (
    <section class="before steps-box" aria-labelledby="pt-steps-title" data-testid="token-steps">
      <Icon name="info" class="before-icon" />
      <div>
        <h3 class="steps-title" id="pt-steps-title">
          {t('tokens.form.steps_title')}
        </h3>
        <ol class="steps-list">
          <li>{t('tokens.form.step1')}</li>
          <li>{t('tokens.form.step2')}</li>
          <li>{t('tokens.form.step3')}</li>
        </ol>
      </div>
    </section>
  );
}

/**
 * A day, typed the way the user's language writes it (25/11/2026). A text field on purpose: the native date
 * picker shows the operating system's format, which may not be the app's language.
 */
export function DayInput(props: { id: string; name: string; value: string; invalid: boolean; describedBy: string; onInput: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <input
      id={props.id}
      name={props.name}
      class="input input-date"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={t('tokens.date_placeholder')}
      value={props.value}
      required
      aria-required="true"
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy || undefined}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/** Expiry date with the two validities PayTourist mentions as one-click choices (from the creation day). */
export function ExpiryField(props: {
  id: string;
  /** The creation day, YYYY-MM-DD (today if not a valid date). */
  created: string | null;
  value: string;
  invalid: boolean;
  describedBy: string;
  onChange: (v: string) => void;
}) {
  const { t, locale } = useI18n();
  const base = props.created ?? isoDay(new Date());
  const current = parseDay(locale, props.value);
  return (
    <div class="date-row">
      <DayInput id={props.id} name="expires_on" value={props.value} invalid={props.invalid} describedBy={props.describedBy} onInput={props.onChange} />
      {[DEFAULT_VALIDITY_MONTHS, SHORT_VALIDITY_MONTHS].map((m) => {
        const target = addMonths(base, m);
        return (
          <button
            type="button"
            class={target === current ? 'btn btn-small btn-choice active' : 'btn btn-small btn-choice'}
            key={m}
            data-testid={`expiry-months-${m}`}
            title={t('tokens.months_title', { months: m })}
            aria-pressed={target === current}
            onClick={() => target && props.onChange(formatDay(locale, target))}
          >
            {t('tokens.months', { months: m })}
          </button>
        );
      })}
    </div>
  );
}

/** A field of these forms: label above, control, error next to it, PayTourist's guidance below. */
export function FormField(props: {
  id: string;
  field: string;
  label: string;
  help: string | null;
  required: boolean;
  errors: FormErrors;
  children: (describedBy: string) => ComponentChildren;
}) {
  const { t } = useI18n();
  const ms = props.errors.fields[props.field] ?? [];
  const describedBy = [ms.length > 0 ? `${props.id}-error` : '', props.help ? `${props.id}-help` : ''].filter(Boolean).join(' ');
  return (
    <div class={ms.length > 0 ? 'field invalid' : 'field'} data-field={props.field}>
      <label class="label" for={props.id}>
        {t(props.label)}
        {props.required && (
          <span class="req" title={t('common.required')}>
            <span aria-hidden="true"> *</span>
            <span class="sr-only"> ({t('common.required')})</span>
          </span>
        )}
      </label>
      {props.children(describedBy)}
      {ms.length > 0 && (
        <p class="field-error" id={`${props.id}-error`} data-testid={`error-${props.field}`}>
          {ms.map((m) => t(m.key, m.params)).join(' ')}
        </p>
      )}
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {t(props.help)}
        </p>
      )}
    </div>
  );
}

/** The paste field: a textarea while typing (tokens are long), never shown again once saved. */
export function TokenPaste(props: { id: string; value: string; invalid: boolean; describedBy: string; onInput: (v: string) => void }) {
  return (
    <textarea
      id={props.id}
      name="token"
      class="input textarea mono token-paste"
      rows={3}
      autoComplete="off"
      autoCapitalize="off"
      spellcheck={false}
      value={props.value}
      required
      aria-required="true"
      aria-invalid={props.invalid}
      aria-describedby={props.describedBy}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/** The live check with PayTourist, while it runs. */
export function Verifying() {
  const { t } = useI18n();
  return (
    <div class="test-strip" data-state="running" aria-live="polite">
      <div class="test-line" data-testid="token-verifying" aria-busy="true">
        <span class="spinner" aria-hidden="true" />
        <span class="test-text">{t('tokens.verifying')}</span>
      </div>
    </div>
  );
}

/** What the backend did to the paste (e.g. removed "Bearer "). */
export function Notices({ notices }: { notices: FieldIssue[] }) {
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <ul class="notices" data-testid="token-notices">
      {notices.map((n, i) => (
        <li key={i} data-testid="token-notice">
          <Icon name="info" />
          {t(n.key, n.params)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Tokens de API > + Novo token: name → PayTourist's steps → paste once → Verificar e salvar (live check,
 * keyring) → from then on only "•••• last4".
 */
export function TokensNewForm(props: { user: BookingUser; onClose: () => void; onSaved: (saved: TokenSaved) => void }) {
  const { user } = props;
  const { t, locale } = useI18n();
  const [values, setValues] = useState<Record<Field, string>>(() => {
    const today = isoDay(new Date());
    return { name: '', token: '', created_on: formatDay(locale, today), expires_on: formatDay(locale, addMonths(today, DEFAULT_VALIDITY_MONTHS) ?? today) };
  });
  const [expiryTouched, setExpiryTouched] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<TokenSaved | null>(null);
  const [focusAfterErrors, setFocusAfterErrors] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  const element = (name: string) => {
    const el = formRef.current?.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  };

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    element('name')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    if (focusAfterErrors === 0) return;
    const f = firstInvalid(errors, FIELDS);
    const el = f ? element(f) : null;
    if (el) el.focus();
    else summaryRef.current?.focus();
    // Only when a new failure is reported.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAfterErrors]);

  useEffect(() => {
    if (saved) doneRef.current?.focus();
  }, [saved]);

  const change = (f: Field, v: string) => {
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

  const submit = async (e: Event) => {
    e.preventDefault();
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
      setFocusAfterErrors((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (f: Field) => (errors.fields[f]?.length ?? 0) > 0;

  return (
    <dialog
      ref={dialogRef}
      class="panel panel-wide"
      aria-labelledby="token-form-title"
      data-testid="token-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <form ref={formRef} class="panel-form" noValidate onSubmit={(e) => void submit(e)}>
        <header class="panel-header">
          <div class="panel-heading">
            <span class="badge badge-type">{t('integration.paytourist.name')}</span>
            <h2 id="token-form-title">{t('tokens.form.title', { user: user.name })}</h2>
            <p class="panel-meta">{user.email}</p>
          </div>
          <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
            <Icon name="close" />
          </button>
        </header>
        {saved ? (
          <div class="panel-body">
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
              {user.software
                ? t('tokens.form.saved_paste', { software: softwareLabel(t, user.software) })
                : t('tokens.user.software_missing_help')}
            </p>
          </div>
        ) : (
          <div class="panel-body">
            {errors.summary.length > 0 && (
              <div class="form-summary" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-summary">
                <Icon name="alert" />
                <ul>
                  {errors.summary.map((m, i) => (
                    <li key={i}>{t(m.key, m.params)}</li>
                  ))}
                </ul>
              </div>
            )}
            <p class="required-legend" aria-hidden="true">
              {t('common.required_legend')}
            </p>
            <FormField id="tf-name" field="name" label="tokens.field.token_name" help="tokens.field.token_name_help" required errors={errors}>
              {(describedBy) => (
                <input
                  id="tf-name"
                  name="name"
                  class="input"
                  type="text"
                  autoComplete="off"
                  value={values.name}
                  required
                  aria-required="true"
                  aria-invalid={invalid('name')}
                  aria-describedby={describedBy}
                  onInput={(e) => change('name', e.currentTarget.value)}
                />
              )}
            </FormField>
            <PayTouristSteps />
            <FormField id="tf-token" field="token" label="tokens.field.token" help="tokens.field.token_help" required errors={errors}>
              {(describedBy) => (
                <TokenPaste id="tf-token" value={values.token} invalid={invalid('token')} describedBy={describedBy} onInput={(v) => change('token', v)} />
              )}
            </FormField>
            <div class="field-pair">
              <FormField id="tf-created_on" field="created_on" label="tokens.field.created_on" help="tokens.field.created_on_help" required errors={errors}>
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
              </FormField>
              <FormField id="tf-expires_on" field="expires_on" label="tokens.field.expires_on" help="tokens.field.expires_on_help" required errors={errors}>
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
              </FormField>
            </div>
          </div>
        )}
        {busy && <Verifying />}
        <footer class="panel-footer">
          {saved ? (
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
          )}
        </footer>
      </form>
    </dialog>
  );
}
