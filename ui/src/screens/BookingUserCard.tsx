import type { BookingUser } from '../bindings/BookingUser';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { softwareLabel } from '../tokens-model';
import type { TokenActions } from './TokenRow';
import { TokenRow } from './TokenRow';
import { CopyCountdown, TokensIcon } from './TokensParts';

const COLUMNS: { label: string; class: string }[] = [
  { label: 'tokens.col.name', class: 'col-tname' },
  { label: 'tokens.col.created', class: 'col-tdate' },
  { label: 'tokens.col.expires', class: 'col-texpires' },
  { label: 'tokens.col.days', class: 'col-tdays' },
  { label: 'tokens.col.verified', class: 'col-tverified' },
  { label: 'tokens.col.status', class: 'col-tstatus' },
  { label: 'tokens.col.actions', class: 'col-tactions' },
];

/** A PayTourist Booking user: e-mail, hotel software, integration, + Novo token, and its tokens' table. */
export function BookingUserCard(props: { user: BookingUser; actions: TokenActions; copyLeft: number; onNewToken: (u: BookingUser) => void }) {
  const { t } = useI18n();
  const u = props.user;
  // The copy countdown is shown under the user whose token was copied.
  const copied = u.tokens.find((x) => x.id === props.actions.copying);
  return (
    <section class="card token-user" data-testid="booking-user" data-id={u.id} aria-labelledby={`bu-title-${u.id}`}>
      <header class="token-user-head">
        <div class="token-user-id">
          <h2 class="token-user-name" id={`bu-title-${u.id}`}>
            {u.name}
          </h2>
          <p class="token-user-meta">
            <span title={t('tokens.user.email_title')} data-testid="booking-user-email">
              <TokensIcon name="mail" />
              {u.email}
            </span>
            {u.software ? (
              <span title={t('tokens.field.software')} data-testid="booking-user-software">
                <TokensIcon name="monitor" />
                {softwareLabel(t, u.software)}
              </span>
            ) : (
              <span class="badge badge-off badge-hint" title={t('tokens.user.software_missing_help')} data-testid="booking-user-software">
                {t('tokens.user.software_missing')}
                <span class="sr-only">. {t('tokens.user.software_missing_help')}</span>
              </span>
            )}
            <span title={t('tokens.user.integration_title')}>
              <Icon name="plug" />
              {u.integration}
            </span>
          </p>
        </div>
        <button
          type="button"
          class="btn"
          data-testid="tokens-new"
          aria-label={`${t('tokens.new_token')}: ${u.name}`}
          onClick={() => props.onNewToken(u)}
        >
          <Icon name="plus" />
          {t('tokens.new_token')}
        </button>
      </header>
      {u.tokens.length === 0 ? (
        <p class="token-empty" data-testid="tokens-user-empty">
          {t('tokens.user.no_tokens')}
        </p>
      ) : (
        <div class="table-scroll">
          <table class="table token-table" aria-labelledby={`bu-title-${u.id}`}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th scope="col" class={c.class} key={c.label}>
                    {c.class === 'col-tactions' ? <span class="sr-only">{t(c.label)}</span> : t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {u.tokens.map((x) => (
                <TokenRow key={x.id} user={u} token={x} actions={props.actions} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {copied && (
        <div class="token-user-foot">
          <CopyCountdown left={props.copyLeft} name={copied.name} />
        </div>
      )}
    </section>
  );
}
