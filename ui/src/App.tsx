import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AppInfo } from './bindings/AppInfo';
import type { Locale } from './bindings/Locale';
import { MENU_KEYS, Sidebar } from './components/Sidebar';
import { ToastProvider } from './components/toasts';
import { I18nContext, loadCatalogue, makeI18n, rememberLocale } from './i18n';
import { useRoute } from './router';
import { lazyScreen } from './lazy-screen';
import { Home } from './screens/Home';

// Início is in the first script; every other screen is its own file, read when first opened (lazy-screen.tsx).
const People = lazyScreen(() => import('./screens/People').then((m) => m.People));
const Integrations = lazyScreen(() => import('./screens/Integrations').then((m) => m.Integrations));
const Import = lazyScreen(() => import('./screens/Import').then((m) => m.Import));
const Sales = lazyScreen(() => import('./screens/Sales').then((m) => m.Sales));
const Tokens = lazyScreen(() => import('./screens/Tokens').then((m) => m.Tokens));
const Reminders = lazyScreen(() => import('./screens/Reminders').then((m) => m.Reminders));
const Settings = lazyScreen(() => import('./screens/Settings').then((m) => m.Settings));

export function App({ info }: { info: AppInfo }) {
  const [locale, setLocale] = useState<Locale>(info.locale);
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const route = useRoute();
  const mainRef = useRef<HTMLElement>(null);
  const title = i18n.t(MENU_KEYS[route]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    document.title = `${title} · ${i18n.t('app.name')}`;
  }, [title, i18n]);

  return (
    <I18nContext.Provider value={i18n}>
      <ToastProvider>
        <button type="button" class="skip-link" onClick={() => mainRef.current?.focus()}>
          {i18n.t('common.skip_to_content')}
        </button>
        <div class="shell">
          <Sidebar route={route} version={info.version} />
          <main class="main" ref={mainRef} tabIndex={-1} aria-labelledby="screen-title">
            {route === 'home' ? (
              <Home />
            ) : route === 'people' ? (
              <People />
            ) : route === 'integrations' ? (
              <Integrations />
            ) : route === 'import' ? (
              <Import />
            ) : route === 'sales' ? (
              <Sales />
            ) : route === 'tokens' ? (
              <Tokens />
            ) : route === 'reminders' ? (
              <Reminders />
            ) : (
              <Settings
                info={info}
                onLocale={(l) =>
                  void loadCatalogue(l).then(() => {
                    rememberLocale(l);
                    setLocale(l);
                  })
                }
              />
            )}
          </main>
        </div>
      </ToastProvider>
    </I18nContext.Provider>
  );
}
