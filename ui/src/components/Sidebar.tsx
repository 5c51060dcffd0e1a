import { useI18n } from '../i18n';
import type { Route } from '../router';
import { href } from '../router';
import type { IconName } from './Icon';
import { BrandMark, Icon } from './Icon';

export const MENU_KEYS: Record<Route, string> = {
  home: 'menu.home',
  people: 'menu.people',
  integrations: 'menu.integrations',
  import: 'menu.import',
  sales: 'menu.sales',
  tokens: 'menu.tokens',
  reminders: 'menu.reminders',
  settings: 'menu.settings',
};

const ICONS: Record<Route, IconName> = {
  home: 'home',
  people: 'people',
  integrations: 'plug',
  import: 'download',
  sales: 'receipt',
  tokens: 'key',
  reminders: 'bell',
  settings: 'gear',
};

function NavItem({ route, current }: { route: Route; current: Route }) {
  const { t } = useI18n();
  const active = route === current;
  return (
    <li>
      <a
        href={href(route)}
        class={active ? 'nav-link active' : 'nav-link'}
        aria-current={active ? 'page' : undefined}
        data-testid={`nav-${route}`}
      >
        <Icon name={ICONS[route]} />
        <span>{t(MENU_KEYS[route])}</span>
      </a>
    </li>
  );
}

export function Sidebar({ route, version }: { route: Route; version: string }) {
  const { t } = useI18n();
  return (
    <nav class="sidebar" aria-label={t('menu.main')}>
      <div class="brand">
        <BrandMark class="brand-mark" />
        <span class="brand-name">{t('app.name')}</span>
      </div>
      <ul class="nav-list nav-section">
        <NavItem route="home" current={route} />
      </ul>
      <div class="nav-section">
        <div class="nav-group-label" id="nav-group-registry">
          {t('menu.registry')}
        </div>
        <ul class="nav-list nav-list-grouped" aria-labelledby="nav-group-registry">
          <NavItem route="people" current={route} />
          <NavItem route="integrations" current={route} />
        </ul>
      </div>
      <ul class="nav-list nav-section">
        <NavItem route="import" current={route} />
        <NavItem route="sales" current={route} />
        <NavItem route="tokens" current={route} />
        <NavItem route="reminders" current={route} />
      </ul>
      <ul class="nav-list nav-bottom">
        <NavItem route="settings" current={route} />
      </ul>
      <div class="nav-version">{`${t('app.name')} ${version}`}</div>
    </nav>
  );
}
