import type { ErrorReply } from '../bindings/ErrorReply';
import { useI18n } from '../i18n';
import { Icon } from './Icon';

export type NotLoaded = { status: 'loading' } | { status: 'error'; error: ErrorReply };

/** What a settings card shows until its data is read: "Carregando…", or why not with Tentar de novo. */
export function CardLoad({ state, onRetry }: { state: NotLoaded; onRetry: () => void }) {
  const { t } = useI18n();
  return state.status === 'error' ? (
    <div class="form-summary" role="alert">
      <Icon name="alert" />
      <p>{t(state.error.key, state.error.params)}</p>
      <button type="button" class="btn btn-small" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  ) : (
    <p class="help" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}
