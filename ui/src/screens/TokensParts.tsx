// Small pieces shared by Tokens de API and Lembretes: status badge, the copy countdown, a few line icons.
import type { TokenStatus } from '../bindings/TokenStatus';
import { useI18n } from '../i18n';
import type { Badge } from '../tokens-model';
import { statusBadge } from '../tokens-model';

const PATHS = {
  verify: 'M10 2.5l6 2.3v4.6c0 3.9-2.6 6.9-6 8.1-3.4-1.2-6-4.2-6-8.1V4.8l6-2.3zM7.2 10l2 2 3.8-4',
  rotate: 'M15.6 8A6 6 0 0 0 4.7 6.2M4.5 3v3.4h3.4M4.4 12a6 6 0 0 0 10.9 1.8M15.5 17v-3.4h-3.4',
  mail: 'M3 5h14v10H3zM3.5 5.5L10 11l6.5-5.5',
  monitor: 'M3 4h14v9H3zM7 17h6M10 13v4',
  calendar: 'M4 5h12v12H4zM4 8.5h12M7.5 3v4M12.5 3v4',
} as const;

export type TokensIconName = keyof typeof PATHS;

/** Line icons these screens need besides the shared set (same look as components/Icon). */
export function TokensIcon({ name, class: cls }: { name: TokensIconName; class?: string }) {
  return (
    <svg class={`icon ${cls ?? ''}`} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** A status badge; what to do about it is its tooltip and is read out after it. */
export function StatusBadge({ badge, testid }: { badge: Badge; testid?: string }) {
  const { t } = useI18n();
  const hint = badge.hint ? t(badge.hint) : undefined;
  return (
    <span class={`badge ${badge.cls}${hint ? ' badge-hint' : ''}`} title={hint} data-testid={testid}>
      {t(badge.key)}
      {hint && <span class="sr-only">. {hint}</span>}
    </span>
  );
}

export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return <StatusBadge badge={statusBadge(status)} testid="token-status" />;
}

/** "Copiado — some da área de transferência em 27 s", announced once, then quietly counting. */
export function CopyCountdown({ left, name }: { left: number; name?: string }) {
  const { t } = useI18n();
  return (
    <p class="copy-countdown" data-testid="token-copy-countdown" title={t('tokens.copied_help')}>
      <svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M4.5 10.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
      {name && <strong class="copy-name">{name}</strong>}
      <span>{t('tokens.copied', { seconds: left })}</span>
    </p>
  );
}
