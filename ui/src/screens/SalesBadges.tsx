import type { SaleStatus } from '../bindings/SaleStatus';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { KIND_KEYS, parseKinds, STATUS_KEYS } from '../sales-format';

export function StatusBadge({ status }: { status: SaleStatus }) {
  const { t } = useI18n();
  return <span class={`badge badge-sale-${status}`}>{t(STATUS_KEYS[status])}</span>;
}

/**
 * The sale has a payment made straight to the agency: to be entered by hand
 * (docs/PROTOCOLS.md#payments-made-to-the-agency). `compact`: the icon.
 */
export function ManualBadge({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <span class={compact ? 'badge badge-manual badge-compact' : 'badge badge-manual'} title={t('sales.flag_title')} data-testid="sales-flag">
      <Icon name="alert" class="badge-glyph" />
      <span class={compact ? 'sr-only' : undefined}>{t('sales.flag_short')}</span>
    </span>
  );
}

/** The product kinds of a row: the first `max` badges and "+N" (all of them in the tooltip). */
export function KindBadges({ kinds, max = 1 }: { kinds: string; max?: number }) {
  const { t } = useI18n();
  const list = parseKinds(kinds);
  const shown = list.slice(0, max);
  const rest = list.length - shown.length;
  return (
    <span class="kind-badges" title={list.map((k) => t(KIND_KEYS[k])).join(', ')}>
      {shown.map((k) => (
        <span class={`badge badge-kind kind-${k}`} key={k}>
          {t(KIND_KEYS[k])}
        </span>
      ))}
      {rest > 0 && <span class="badge badge-kind kind-more">+{rest}</span>}
    </span>
  );
}
