import '../styles/home.css';
import { api } from '../api.gen';
import { CardLoad } from '../components/CardLoad';
import { DemoStart } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { takeHomeFirst } from '../home-first';
import { isFirstRun } from '../home-model';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { HomeExpiring } from './HomeExpiring';
import { HomeFailing } from './HomeFailing';
import { HomeSales } from './HomeSales';

/** Início: what needs the user today. A new user is led to the first step instead. */
export function Home() {
  const { t } = useI18n();
  const { load, reload } = useLoad(() => api.homeSummary(), [], takeHomeFirst);
  return (
    <>
      <TitleBar title={t('menu.home')} />
      <div class="content home">
        {load.state !== 'ready' ? (
          <CardLoad state={load} onRetry={reload} />
        ) : isFirstRun(load.data) ? (
          <section class="card home-first" data-testid="home-first-run" aria-labelledby="home-first-title">
            <h2 id="home-first-title">{t('home.first.title')}</h2>
            <p>{t('home.first.body')}</p>
            <div class="home-actions">
              <a class="btn btn-primary" href="#/people" data-testid="home-first-person">
                <Icon name="people" />
                {t('home.first.person')}
              </a>
              <a class="btn" href="#/integrations" data-testid="home-first-integration">
                <Icon name="plug" />
                {t('home.first.integration')}
              </a>
            </div>
            <DemoStart />
          </section>
        ) : (
          <div class="home-grid" data-testid="home">
            <HomeExpiring items={load.data.expiring} more={load.data.expiring_more} />
            <HomeFailing items={load.data.failing} onChanged={reload} />
            <HomeSales summary={load.data} />
          </div>
        )}
      </div>
    </>
  );
}
