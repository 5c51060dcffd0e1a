import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { FieldIssue } from '../bindings/FieldIssue';
import { FormDialog } from '../components/FormDialog';
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
  rotationNextKey,
  rotationStage,
  splitErrors,
  withoutField,
} from '../tokens-model';
import { Verifying } from './TokensNotes';
import type { PasteField } from './TokensRotationSteps';
import { PASTE_FIELDS, RotationPasteFields, RotationStepBody, RotationStepper } from './TokensRotationSteps';

/**
 * Substituir: 1 paste the new token (verified live, stored), 2 verified, 3 make it the active one, 4 paste it
 * into the hotel software, 5 delete the old one before it expires (as PayTourist itself warns:
 * docs/PROTOCOLS.md#paytourist-api-tokens). Every step is recorded on the new token, so the wizard can be
 * closed and resumed where it stopped.
 */
export function TokensRotation(props: { user: BookingUser; rotation: Rotation; onClose: () => void; onChanged: () => void }) {
  const { user } = props;
  const { t, locale } = useI18n();
  const [old, setOld] = useState<ApiToken | null>(props.rotation.old);
  const [next, setNext] = useState<ApiToken | null>(props.rotation.next);
  const [view, setView] = useState(() => (props.rotation.next ? rotationStage(props.rotation.next.rotation_step) : 1));
  const [values, setValues] = useState<Record<PasteField, string>>(() => ({
    name: props.rotation.old ? t('tokens.rotation.default_name', { name: props.rotation.old.name }) : '',
    token: '',
    expires_on: formatDay(locale, addMonths(isoDay(new Date()), DEFAULT_VALIDITY_MONTHS) ?? ''),
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notices, setNotices] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const copy = useCountdown<number>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each new step: focus its first field (step 1) or its heading, so the step is read out.
  useEffect(() => {
    if (view === 1) document.querySelector<HTMLElement>('[data-testid=token-rotation] [name=token]')?.focus();
    else headingRef.current?.focus();
  }, [view]);

  const change = (f: PasteField, v: string) => {
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
      setErrors(splitErrors(toErrorReply(e), PASTE_FIELDS));
      setFailures((n) => n + 1);
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

  const oldName = props.rotation.old?.name ?? next?.name ?? '';

  return (
    <FormDialog
      testid="token-rotation"
      titleId="rotation-title"
      class="panel panel-wide"
      attrs={{ 'data-view': String(view) }}
      title={t('tokens.rotation.title', { name: oldName })}
      badge={<span class="badge badge-type">{user.name}</span>}
      meta={
        old && (
          <p class="panel-meta">
            <span class="mono">{masked(old.last4)}</span>
            {' · '}
            {t('tokens.col.expires')} {formatDay(locale, old.expires_on)}
          </p>
        )
      }
      errors={errors}
      failures={failures}
      firstInvalid={firstInvalid(errors, PASTE_FIELDS)}
      onSubmit={nextStep}
      onClose={props.onClose}
      beforeBody={<RotationStepper current={Math.min(view, ROTATION_STEP_COUNT + 1)} />}
      bodyAttrs={{ class: 'panel-body wizard-body', 'data-testid': 'rotation-body', 'data-step': String(view) }}
      strip={busy && (view === 1 || view === 2) && <Verifying />}
      footer={
        <>
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
            {t(rotationNextKey(view, next?.last_check === 'ok', old !== null))}
          </button>
        </>
      }
    >
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
      {view === 1 ? (
        <RotationPasteFields user={user} values={values} errors={errors} onChange={change} />
      ) : (
        next && (
          <RotationStepBody view={view} user={user} old={old} next={next} notices={notices} copy={copy} onCopy={() => void doCopy(next.id)} doneRef={headingRef} />
        )
      )}
    </FormDialog>
  );
}
