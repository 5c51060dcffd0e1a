import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { FieldIssue } from '../bindings/FieldIssue';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { useCountdown } from '../tokens-copy';
import type { FormErrors, Rotation } from '../tokens-model';
import {
  addMonths,
  dayValue,
  DEFAULT_VALIDITY_MONTHS,
  firstInvalid,
  formatDay,
  isoDay,
  masked,
  NO_ERRORS,
  ROTATION_STEP_COUNT,
  rotationStage,
  softwareLabel,
  splitErrors,
  stepState,
  withoutField,
} from '../tokens-model';
import { ExpiryField, FormField, Notices, TokenPaste, Verifying } from './TokensNewForm';
import { CopyCountdown, TokensIcon } from './TokensParts';

const FIELDS = ['name', 'token', 'expires_on'] as const;
type Field = (typeof FIELDS)[number];
const STEPS = [1, 2, 3, 4, 5] as const;

/**
 * Substituir: 1 paste the new token (verified live, stored), 2 verified, 3 make it the active one, 4 paste it
 * into the hotel software, 5 delete the old one before it expires (as PayTourist itself warns:
 * docs/PROTOCOLS.md#paytourist-api-tokens). Every step is recorded on the new token, so the wizard can be
 * closed and resumed where it stopped.
 */
export function TokensRotation(props: { user: BookingUser; rotation: Rotation; onClose: () => void; onChanged: () => void }) {
  const { user } = props;
  const { t, locale, formatDateTime } = useI18n();
  const [old, setOld] = useState<ApiToken | null>(props.rotation.old);
  const [next, setNext] = useState<ApiToken | null>(props.rotation.next);
  const [view, setView] = useState(() => (props.rotation.next ? rotationStage(props.rotation.next.rotation_step) : 1));
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    name: props.rotation.old ? t('tokens.rotation.default_name', { name: props.rotation.old.name }) : '',
    token: '',
    expires_on: formatDay(locale, addMonths(isoDay(new Date()), DEFAULT_VALIDITY_MONTHS) ?? ''),
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notices, setNotices] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusAfterErrors, setFocusAfterErrors] = useState(0);
  const copy = useCountdown<number>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const element = (name: string) => {
    const el = formRef.current?.elements.namedItem(name);
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
  };

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Each new step: focus its first field (step 1) or its heading, so the step is read out.
  useEffect(() => {
    if (view === 1) element('token')?.focus();
    else headingRef.current?.focus();
  }, [view]);

  useEffect(() => {
    if (focusAfterErrors === 0) return;
    const f = firstInvalid(errors, FIELDS);
    const el = f ? element(f) : null;
    el?.focus();
    // Only when a new failure is reported.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusAfterErrors]);

  const change = (f: Field, v: string) => {
    setValues((o) => ({ ...o, [f]: v }));
    setErrors((o) => withoutField(o, f));
  };

  /** Runs one step's backend call; a failure stays on the step with the fix. */
  const act = async (f: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await f();
    } catch (e) {
      setFailure(toErrorReply(e));
    } finally {
      setBusy(false);
    }
  };

  const paste = async () => {
    if (busy || !old) return;
    setBusy(true);
    try {
      const out = await api.tokenAdd(user.id, values.name, values.token, { created_on: null, expires_on: dayValue(locale, values.expires_on) }, old.id);
      setValues((o) => ({ ...o, token: '' }));
      setErrors(NO_ERRORS);
      setNotices(out.notices);
      setNext(out.token);
      setView(2);
      props.onChanged();
    } catch (e) {
      setErrors(splitErrors(toErrorReply(e), FIELDS));
      setFocusAfterErrors((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const verify = (id: number) =>
    act(async () => {
      const tok = await api.tokenVerify(id);
      setNext(tok);
      props.onChanged();
      if (tok.status === 'rejected') setFailure({ code: 'token_rejected', key: 'error.supplier.token_rejected', field: null, fields: [], params: {} });
    });

  const doCopy = (id: number) =>
    act(async () => {
      copy.start(id, await api.tokenCopy(id));
    });

  const nextStep = () => {
    if (view === 1) return void paste();
    if (!next) return;
    if (view === 2) {
      if (next.last_check === 'ok') setView(3);
      else void verify(next.id);
    } else if (view === 3)
      void act(async () => {
        setNext(await api.tokenActivate(next.id));
        setView(4);
        props.onChanged();
      });
    else if (view === 4)
      void act(async () => {
        setNext(await api.tokenRotationStep(next.id, 'pasted'));
        copy.stop();
        setView(5);
      });
    else if (view === 5)
      void act(async () => {
        if (old) {
          await api.tokenDelete(old.id);
          setOld(null);
        }
        setNext(await api.tokenRotationStep(next.id, 'done'));
        setView(6);
        props.onChanged();
      });
    else props.onClose();
  };

  const current = Math.min(view, ROTATION_STEP_COUNT + 1);
  const verified = next?.last_check === 'ok';
  const nextLabel =
    view === 1
      ? t('tokens.form.save')
      : view === 2
        ? verified
          ? t('tokens.rotation.next')
          : t('tokens.action.verify')
        : view === 3
          ? t('tokens.rotation.step3')
          : view === 4
            ? t('tokens.rotation.pasted')
            : view === 5
              ? old
                ? t('tokens.rotation.delete_old')
                : t('tokens.rotation.next')
              : t('common.close');
  const oldName = props.rotation.old?.name ?? next?.name ?? '';
  const oldMasked = old ? `${old.name} (${masked(old.last4)})` : '';

  return (
    <dialog
      ref={dialogRef}
      class="panel panel-wide"
      aria-labelledby="rotation-title"
      data-testid="token-rotation"
      data-view={view}
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
      <form
        ref={formRef}
        class="panel-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          nextStep();
        }}
      >
        <header class="panel-header">
          <div class="panel-heading">
            <span class="badge badge-type">{user.name}</span>
            <h2 id="rotation-title">{t('tokens.rotation.title', { name: oldName })}</h2>
            {old && (
              <p class="panel-meta">
                <span class="mono">{masked(old.last4)}</span>
                {' · '}
                {t('tokens.col.expires')} {formatDay(locale, old.expires_on)}
              </p>
            )}
          </div>
          <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
            <Icon name="close" />
          </button>
        </header>
        <ol class="stepper" aria-label={t('tokens.rotation.steps')}>
          {STEPS.map((n) => {
            const state = stepState(n, current);
            return (
              <li key={n} class={`step step-${state}`} data-testid={`rotation-step-${n}`} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
                <span class="step-dot" aria-hidden="true">
                  {state === 'done' ? <Icon name="check" /> : n}
                </span>
                <span class="step-label">{t(`tokens.rotation.step${n}`)}</span>
              </li>
            );
          })}
        </ol>
        <div class="panel-body wizard-body" data-testid="rotation-body" data-step={view}>
          {view <= ROTATION_STEP_COUNT && (
            <h3 class="wizard-title" tabIndex={-1} ref={headingRef}>
              <span class="sr-only">{t('tokens.rotation.step_of', { n: view, total: ROTATION_STEP_COUNT })}: </span>
              {t(`tokens.rotation.step${view}`)}
            </h3>
          )}
          {failure && (
            <div class="form-summary" role="alert" data-testid="rotation-error">
              <Icon name="alert" />
              <p>{t(failure.key, failure.params)}</p>
            </div>
          )}
          {view === 1 && (
            <>
              <p>{t('tokens.rotation.body1', { user: user.name })}</p>
              <FormField id="rt-name" field="name" label="tokens.field.token_name" help={null} required errors={errors}>
                {(describedBy) => (
                  <input
                    id="rt-name"
                    name="name"
                    class="input"
                    type="text"
                    autoComplete="off"
                    value={values.name}
                    required
                    aria-required="true"
                    aria-invalid={(errors.fields.name?.length ?? 0) > 0}
                    aria-describedby={describedBy || undefined}
                    onInput={(e) => change('name', e.currentTarget.value)}
                  />
                )}
              </FormField>
              <FormField id="rt-token" field="token" label="tokens.field.token" help="tokens.field.token_help" required errors={errors}>
                {(describedBy) => (
                  <TokenPaste id="rt-token" value={values.token} invalid={(errors.fields.token?.length ?? 0) > 0} describedBy={describedBy} onInput={(v) => change('token', v)} />
                )}
              </FormField>
              <FormField id="rt-expires_on" field="expires_on" label="tokens.field.expires_on" help="tokens.field.expires_on_help" required errors={errors}>
                {(describedBy) => (
                  <ExpiryField
                    id="rt-expires_on"
                    created={null}
                    value={values.expires_on}
                    invalid={(errors.fields.expires_on?.length ?? 0) > 0}
                    describedBy={describedBy}
                    onChange={(v) => change('expires_on', v)}
                  />
                )}
              </FormField>
              {errors.summary.length > 0 && (
                <div class="form-summary" role="alert" data-testid="form-summary">
                  <Icon name="alert" />
                  <p>{errors.summary.map((m) => t(m.key, m.params)).join(' ')}</p>
                </div>
              )}
            </>
          )}
          {view === 2 && next && (
            <>
              {verified ? (
                <p class="step-ok" data-testid="rotation-verified">
                  <TokensIcon name="verify" />
                  {t('tokens.rotation.body2', { masked: masked(next.last4), date: next.last_verified_at ? formatDateTime(next.last_verified_at) : '' })}
                </p>
              ) : (
                <p>{t('tokens.rotation.body2_unverified', { masked: masked(next.last4) })}</p>
              )}
              <Notices notices={notices} />
            </>
          )}
          {view === 3 && next && <p>{t('tokens.rotation.body3', { masked: masked(next.last4), old: oldMasked || '—' })}</p>}
          {view === 4 && next && (
            <>
              <p>{t('tokens.rotation.body4')}</p>
              <p class="note">
                <TokensIcon name="monitor" />
                {user.software ? t('tokens.rotation.software', { software: softwareLabel(t, user.software) }) : t('tokens.user.software_missing_help')}
              </p>
              <div class="copy-row">
                <button type="button" class="btn" data-testid="token-copy" onClick={() => void doCopy(next.id)}>
                  <Icon name="copy" />
                  {t('tokens.action.copy')} <span class="mono">{masked(next.last4)}</span>
                </button>
                {copy.what !== null && <CopyCountdown left={copy.left} />}
              </div>
            </>
          )}
          {view === 5 && (
            <div class="attention" data-testid="rotation-attention">
              <Icon name="alert" />
              <p>{old ? t('tokens.rotation.body5', { old: oldMasked }) : t('tokens.rotation.old_gone')}</p>
            </div>
          )}
          {view === 6 && next && (
            <section class="saved-box" role="status" data-testid="rotation-done">
              <Icon name="check" class="saved-icon" />
              <div>
                <h3 tabIndex={-1} ref={headingRef}>
                  {t('tokens.rotation.done_title')}
                </h3>
                <p>{t('tokens.rotation.done_body', { masked: masked(next.last4), date: formatDay(locale, next.expires_on) })}</p>
              </div>
            </section>
          )}
        </div>
        {busy && (view === 1 || view === 2) && <Verifying />}
        <footer class="panel-footer">
          {view <= ROTATION_STEP_COUNT && (
            <>
              <button type="button" class="btn" data-testid="rotation-later" onClick={props.onClose}>
                {t('tokens.rotation.later')}
              </button>
              <span class="kbd-hint wizard-hint">{t('tokens.rotation.later_hint')}</span>
            </>
          )}
          <button
            type="submit"
            class={view === 5 && old ? 'btn btn-danger footer-end' : 'btn btn-primary footer-end'}
            data-testid="rotation-next"
            disabled={busy}
            aria-busy={busy}
          >
            {nextLabel}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
