import type { ErrorReply } from '../bindings/ErrorReply';
import { useI18n } from '../i18n';
import type { Load } from '../use-load';
import { Icon } from './Icon';

export type NotLoaded = { status: 'loading' } | { status: 'error'; error: ErrorReply };

/**
 * What a settings card shows until its data is read: "Carregando…", or why not with Tentar de novo.
 * `state`: a useLoad `load` that is not ready yet (or the older `NotLoaded`).
 */
export function CardLoad({ state, onRetry }: { state: NotLoaded | Load<unknown>; onRetry: () => void }) {
  const { t } = useI18n();
  const error = 'state' in state ? (state.state === 'error' ? state.error : null) : state.status === 'error' ? state.error : null;
  return error ? (
    <div class="form-summary" role="alert">
      <Icon name="alert" />
      <p>{t(error.key, error.params)}</p>
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
