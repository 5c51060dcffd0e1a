import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import { Icon } from '../components/Icon';
import { RowAction } from '../components/RowAction';
import { useI18n } from '../i18n';
import { daysLeftText, formatDay, lastCheckFailed, masked, rotationOf, verifiedText } from '../tokens-model';
import { TokensIcon, TokenStatusBadge } from './TokensParts';

/** What the list does with a token, and which token is busy, copied or just opened. */
export interface TokenActions {
  /** The token being verified (every Verificar waits for it). */
  verifying: number | null;
  /** The token whose copy is counting down. */
  copying: number | null;
  /** The token just opened or added, highlighted for a moment. */
  highlight: number | null;
  onVerify: (x: ApiToken) => void;
  onCopy: (x: ApiToken) => void;
  onRotate: (user: BookingUser, x: ApiToken) => void;
  onExpiry: (x: ApiToken) => void;
  onDelete: (x: ApiToken) => void;
}

/** One token of a Booking user: name (and rotation under way), dates, last check, status, actions. */
export function TokenRow({ user, token: x, actions }: { user: BookingUser; token: ApiToken; actions: TokenActions }) {
  const { t, locale, formatDate, formatDateTime, formatNumber } = useI18n();
  const day = (iso: string) => formatDay(locale, iso);
  const rot = rotationOf(user.tokens, x);
  const isOldOfRotation = rot !== null && rot.old?.id === x.id;
  const replaced = x.replaces !== null ? user.tokens.find((o) => o.id === x.replaces) : undefined;
  const checkFailed = lastCheckFailed(x);
  const verifiedTitle = verifiedText(t, formatDateTime, x);
  return (
    <tr
      tabIndex={-1}
      class={actions.highlight === x.id ? 'row-highlight' : undefined}
      data-testid="token-row"
      data-id={x.id}
      data-status={x.status}
      data-active={x.active}
    >
      <td class="col-tname">
        <span class="cell-main token-name">
          <span class="token-name-text" title={x.name}>
            {x.name}
          </span>
          {x.active && (
            <span class="badge badge-active" title={t('tokens.active_title')}>
              {t('tokens.active')}
            </span>
          )}
        </span>
        <span class="cell-sub token-mask" data-testid="token-mask">
          <span aria-hidden="true">{masked(x.last4)}</span>
          <span class="sr-only">{t('tokens.ending_in', { last4: x.last4 })}</span>
          {replaced && <span class="token-replaces"> · {t('tokens.rotation.replaces', { name: replaced.name })}</span>}
        </span>
        {rot && (isOldOfRotation || !rot.old) && (
          <button type="button" class="link-btn" data-testid="rotation-continue" onClick={() => actions.onRotate(user, x)}>
            <TokensIcon name="rotate" />
            {t('tokens.rotation.in_progress')}
          </button>
        )}
      </td>
      <td class="col-tdate">{day(x.created_on)}</td>
      <td class="col-texpires">
        <span class="expires-cell">
          <span data-testid="token-expires">{day(x.expires_on)}</span>
          <RowAction testid="token-expiry-edit" class="btn-icon btn-icon-small" label={t('tokens.action.edit_expiry')} on={x.name} onClick={() => actions.onExpiry(x)}>
            <Icon name="edit" />
          </RowAction>
        </span>
      </td>
      <td class={x.days_left < 0 ? 'col-tdays days-expired' : 'col-tdays'} data-testid="token-days">
        {daysLeftText(t, formatNumber, x.days_left)}
      </td>
      <td class="col-tverified" title={verifiedTitle} data-testid="token-verified">
        {x.last_verified_at ? formatDate(x.last_verified_at) : t('tokens.never_verified')}
        {checkFailed && <Icon name="alert" class="check-failed" />}
        <span class="sr-only">. {verifiedTitle}</span>
      </td>
      <td class="col-tstatus">
        <TokenStatusBadge status={x.status} />
      </td>
      <td class="col-tactions">
        <span class="row-actions">
          <RowAction
            testid="token-verify"
            label={t('tokens.action.verify')}
            on={x.name}
            busy={actions.verifying === x.id}
            disabled={actions.verifying !== null}
            onClick={() => actions.onVerify(x)}
          >
            {actions.verifying === x.id ? <span class="spinner" aria-hidden="true" /> : <TokensIcon name="verify" />}
          </RowAction>
          <RowAction
            testid="token-copy"
            class={actions.copying === x.id ? 'btn-icon btn-icon-on' : 'btn-icon'}
            label={t('tokens.action.copy')}
            on={x.name}
            onClick={() => actions.onCopy(x)}
          >
            <Icon name={actions.copying === x.id ? 'check' : 'copy'} />
          </RowAction>
          <RowAction
            testid="token-rotate"
            class={rot ? 'btn-icon btn-icon-on' : 'btn-icon'}
            label={rot ? t('tokens.rotation.in_progress') : t('tokens.action.rotate')}
            on={x.name}
            onClick={() => actions.onRotate(user, x)}
          >
            <TokensIcon name="rotate" />
          </RowAction>
          <RowAction testid="token-delete" class="btn-icon btn-icon-danger" label={t('common.delete')} on={x.name} onClick={() => actions.onDelete(x)}>
            <Icon name="trash" />
          </RowAction>
        </span>
      </td>
    </tr>
  );
}
