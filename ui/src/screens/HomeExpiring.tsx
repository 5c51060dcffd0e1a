import type { Expiry } from '../bindings/Expiry';
import { Icon } from '../components/Icon';
import { expiryHref, urgency } from '../home-model';
import { useI18n } from '../i18n';

/** The next 90 days of expiries, soonest first, coloured by urgency; each opens where it is renewed. */
export function HomeExpiring({ items, more }: { items: Expiry[]; more: number }) {
  const { t, formatDate } = useI18n();
  const days = (d: number) => (d < 0 ? t('tokens.status.expired') : d === 0 ? t('tokens.days.today') : d === 1 ? t('tokens.days.one') : t('tokens.days.left', { days: d }));
  return (
    <section class="card home-card" aria-labelledby="home-expiring-title" data-testid="home-expiring">
      <h2 class="card-title" id="home-expiring-title">
        <Icon name="clock" />
        {t('home.expiring.title')}
      </h2>
      {items.length === 0 ? (
        <p class="home-quiet" data-testid="home-expiring-none">
          {t('home.expiring.none')}
        </p>
      ) : (
        <ol class="home-timeline">
          {items.map((e) => (
            <li key={e.key} class={`home-expiry home-expiry-${urgency(e)}`} data-testid="home-expiry" data-urgency={urgency(e)}>
              <a href={expiryHref(e)}>
                <span class="home-expiry-when">
                  <strong>{days(e.days_left)}</strong>
                  <span>{formatDate(e.expires_on)}</span>
                </span>
                <span class="home-expiry-what">
                  <strong>{e.label}</strong>
                  <span>{e.integration}</span>
                </span>
              </a>
            </li>
          ))}
        </ol>
      )}
      {more > 0 && (
        <a class="home-more" href="#/reminders">
          {t('home.expiring.more', { count: more })}
        </a>
      )}
    </section>
  );
}
