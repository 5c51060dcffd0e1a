import type { ErrorReply } from '../bindings/ErrorReply';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';

/** A preview or import that could not start or was refused: why (the fix), and Tentar de novo. */
export function ImportFailure({ error, onRetry }: { error: ErrorReply; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section class="card import-result import-failure" role="alert" data-testid="import-failure">
      <Icon name="alert" class="failure-icon" />
      <p>{t(error.key, error.params)}</p>
      <button type="button" class="btn" data-testid="import-retry" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </section>
  );
}
