import type { Expiry } from '../bindings/Expiry';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import { rowKeyDown } from '../components/ListTable';
import { useI18n } from '../i18n';
import { expiryBadge, expiryHref, secretLabelKey } from '../reminders-model';
import { daysLeftText, formatDay } from '../tokens-model';
import { StatusBadge } from './TokensParts';

/**
 * Lembretes' list: each expiring credential (a token, or an integration's secret named by its form label)
 * with its date, days left and status; a row opens its token or the integrations.
 */
export function RemindersTable({ items, types }: { items: Expiry[]; types: IntegrationTypeSpec[] }) {
  const { t, locale, formatNumber } = useI18n();
  const open = (e: Expiry) => {
    window.location.hash = expiryHref(e);
  };
  return (
    <div class="table-scroll">
      <table class="table expiry-table" aria-labelledby="reminders-list-title">
        <thead>
          <tr>
            <th scope="col" class="col-credential">
              {t('reminders.col.credential')}
            </th>
            <th scope="col" class="col-rexpires">
              {t('tokens.col.expires')}
            </th>
            <th scope="col" class="col-tdays">
              {t('tokens.col.days')}
            </th>
            <th scope="col" class="col-tstatus">
              {t('tokens.col.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const token = e.token_id !== null;
            const title = t(token ? 'reminders.open_token' : 'reminders.open_integration');
            const secretKey = token ? null : secretLabelKey(types, e.label);
            return (
              <tr
                key={e.key}
                tabIndex={0}
                data-testid="expiry-row"
                data-key={e.key}
                data-days={e.days_left}
                title={title}
                onClick={() => open(e)}
                onKeyDown={(ev) => rowKeyDown(ev, () => open(e))}
              >
                <td class="col-credential">
                  <span class="cell-main" data-testid="expiry-label">
                    {token ? e.label : e.integration}
                  </span>
                  <span class="cell-sub">
                    {token ? `${t('reminders.kind.token')} · ${e.integration}` : `${t('reminders.kind.secret')}: ${secretKey ? t(secretKey) : e.label}`}
                  </span>
                </td>
                <td class="col-rexpires">{formatDay(locale, e.expires_on)}</td>
                <td class={e.days_left < 0 ? 'col-tdays days-expired' : 'col-tdays'} data-testid="expiry-days">
                  {daysLeftText(t, formatNumber, e.days_left)}
                </td>
                <td class="col-tstatus">
                  <StatusBadge badge={expiryBadge(e.days_left)} testid="expiry-status" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
