import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AppInfo } from './bindings/AppInfo';
import type { Locale } from './bindings/Locale';
import { MENU_KEYS, Sidebar } from './components/Sidebar';
import { ToastProvider } from './components/toasts';
import { I18nContext, makeI18n } from './i18n';
import { useRoute } from './router';
import { Import } from './screens/Import';
import { Integrations } from './screens/Integrations';
import { Home } from './screens/Home';
import { People } from './screens/People';
import { Reminders } from './screens/Reminders';
import { Sales } from './screens/Sales';
import { Settings } from './screens/Settings';
import { Tokens } from './screens/Tokens';

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
              <Settings info={info} onLocale={setLocale} />
            )}
          </main>
        </div>
      </ToastProvider>
    </I18nContext.Provider>
  );
}
