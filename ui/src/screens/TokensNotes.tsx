// What the token forms tell the user besides the fields: PayTourist's steps, the live check running, and
// what the backend did to a pasted token.
import type { FieldIssue } from '../bindings/FieldIssue';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';

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
