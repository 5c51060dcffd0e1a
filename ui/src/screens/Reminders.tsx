import '../styles/tokens.css';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { sortExpiries } from '../reminders-model';
import { useLoad } from '../use-load';
import { RemindersCalendar } from './RemindersCalendar';
import { ReminderSettingsCard } from './ReminderSettings';
import { RemindersTable } from './RemindersTable';

/** Lembretes: every credential that expires, soonest first, and when Ponte reminds. */
export function Reminders() {
  const { t } = useI18n();
  const { load, reload } = useLoad(
    () =>
      // The types only name the secrets' fields (Senha rather than `password`): the list does without them.
      Promise.all([api.expiriesList(), api.integrationTypes().catch((): IntegrationTypeSpec[] => [])]).then(([items, types]) => ({
        items: sortExpiries(items),
        types,
      })),
    [],
  );

  return (
    <>
      <TitleBar title={t('menu.reminders')}>
        <RemindersCalendar empty={load.state !== 'ready' || load.data.items.length === 0} />
      </TitleBar>
      <div class="content reminders">
        <div class="reminders-grid">
          <section class="card reminders-list" aria-labelledby="reminders-list-title">
            <h2 class="card-title card-title-pad" id="reminders-list-title">
              {t('reminders.list_title')}
            </h2>
            {load.state === 'error' ? (
              <div class="state state-error" role="alert">
                <Icon name="alert" class="state-icon" />
                <p>{t(load.error.key, load.error.params)}</p>
                <button type="button" class="btn" onClick={reload}>
                  {t('common.retry')}
                </button>
              </div>
            ) : load.state === 'loading' ? (
              <div class="state" aria-busy="true">
                <p>{t('common.loading')}</p>
              </div>
            ) : load.data.items.length === 0 ? (
              <div class="state" data-testid="reminders-empty">
                <Icon name="bell" class="state-icon" />
                <p>{t('reminders.empty')}</p>
                <a class="btn" href="#/tokens">
                  <Icon name="key" />
                  {t('reminders.open_tokens')}
                </a>
              </div>
            ) : (
              <RemindersTable items={load.data.items} types={load.data.types} />
            )}
          </section>
          <ReminderSettingsCard />
        </div>
      </div>
    </>
  );
}
