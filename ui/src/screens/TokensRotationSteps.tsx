// The rotation wizard's parts (TokensRotation holds the state and the backend calls): the stepper, step 1's
// fields, and what steps 2 to 6 show.
import type { Ref } from 'preact';
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { FieldIssue } from '../bindings/FieldIssue';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import type { Countdown } from '../tokens-copy';
import type { FormErrors } from '../tokens-model';
import { formatDay, masked, softwareLabel, stepState } from '../tokens-model';
import { ExpiryField, NameInput, TokenPaste } from './TokensFields';
import { Notices } from './TokensNotes';
import { CopyCountdown, TokensIcon } from './TokensParts';

const STEPS = [1, 2, 3, 4, 5] as const;

export const PASTE_FIELDS = ['name', 'token', 'expires_on'] as const;
export type PasteField = (typeof PASTE_FIELDS)[number];

/** The five steps, done / current / to do; `current` 6 is all done. */
export function RotationStepper({ current }: { current: number }) {
  const { t } = useI18n();
  return (
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
  );
}

/** Step 1: the replacement's name, the paste, its expiry. */
export function RotationPasteFields(props: {
  user: BookingUser;
  values: Record<PasteField, string>;
  errors: FormErrors;
  onChange: (f: PasteField, v: string) => void;
}) {
  const { t } = useI18n();
  const { values, errors } = props;
  const invalid = (f: PasteField) => (errors.fields[f]?.length ?? 0) > 0;
  return (
    <>
      <p>{t('tokens.rotation.body1', { user: props.user.name })}</p>
      <Field id="rt-name" name="name" dataField label={t('tokens.field.token_name')} required messages={errors.fields.name ?? []}>
        {(describedBy) => (
          <NameInput id="rt-name" value={values.name} invalid={invalid('name')} describedBy={describedBy} onInput={(v) => props.onChange('name', v)} />
        )}
      </Field>
      <Field id="rt-token" name="token" dataField label={t('tokens.field.token')} help={t('tokens.field.token_help')} required messages={errors.fields.token ?? []}>
        {(describedBy) => (
          <TokenPaste id="rt-token" value={values.token} invalid={invalid('token')} describedBy={describedBy} onInput={(v) => props.onChange('token', v)} />
        )}
      </Field>
      <Field id="rt-expires_on" name="expires_on" dataField label={t('tokens.field.expires_on')} help={t('tokens.field.expires_on_help')} required messages={errors.fields.expires_on ?? []}>
        {(describedBy) => (
          <ExpiryField
            id="rt-expires_on"
            created={null}
            value={values.expires_on}
            invalid={invalid('expires_on')}
            describedBy={describedBy}
            onChange={(v) => props.onChange('expires_on', v)}
          />
        )}
      </Field>
    </>
  );
}

/** Steps 2 to 5 and the end (6), once the replacement exists. */
export function RotationStepBody(props: {
  view: number;
  user: BookingUser;
  old: ApiToken | null;
  next: ApiToken;
  notices: FieldIssue[];
  copy: Countdown<number>;
  onCopy: () => void;
  /** The end's heading, focused so that it is read out. */
  doneRef: Ref<HTMLHeadingElement>;
}) {
  const { t, locale, formatDateTime } = useI18n();
  const { view, user, old, next } = props;
  const oldMasked = old ? `${old.name} (${masked(old.last4)})` : '';
  switch (view) {
    case 2:
      return (
        <>
          {next.last_check === 'ok' ? (
            <p class="step-ok" data-testid="rotation-verified">
              <TokensIcon name="verify" />
              {t('tokens.rotation.body2', { masked: masked(next.last4), date: next.last_verified_at ? formatDateTime(next.last_verified_at) : '' })}
            </p>
          ) : (
            <p>{t('tokens.rotation.body2_unverified', { masked: masked(next.last4) })}</p>
          )}
          <Notices notices={props.notices} />
        </>
      );
    case 3:
      return <p>{t('tokens.rotation.body3', { masked: masked(next.last4), old: oldMasked || '—' })}</p>;
    case 4:
      return (
        <>
          <p>{t('tokens.rotation.body4')}</p>
          <p class="note">
            <TokensIcon name="monitor" />
            {user.software ? t('tokens.rotation.software', { software: softwareLabel(t, user.software) }) : t('tokens.user.software_missing_help')}
          </p>
          <div class="copy-row">
            <button type="button" class="btn" data-testid="token-copy" onClick={props.onCopy}>
              <Icon name="copy" />
              {t('tokens.action.copy')} <span class="mono">{masked(next.last4)}</span>
            </button>
            {props.copy.what !== null && <CopyCountdown left={props.copy.left} />}
          </div>
        </>
      );
    case 5:
      return (
        <div class="attention" data-testid="rotation-attention">
          <Icon name="alert" />
          <p>{old ? t('tokens.rotation.body5', { old: oldMasked }) : t('tokens.rotation.old_gone')}</p>
        </div>
      );
    case 6:
      return (
        <section class="saved-box" role="status" data-testid="rotation-done">
          <Icon name="check" class="saved-icon" />
          <div>
            <h3 tabIndex={-1} ref={props.doneRef}>
              {t('tokens.rotation.done_title')}
            </h3>
            <p>{t('tokens.rotation.done_body', { masked: masked(next.last4), date: formatDay(locale, next.expires_on) })}</p>
          </div>
        </section>
      );
    default:
      return null;
  }
}
