import './styles/app.css';
import { render } from 'preact';
import { App } from './App';
import { lastLocaleHint, loadCatalogue, localeFromTag, rememberLocale } from './i18n';
import { api } from './api.gen';
import { setHomeFirst } from './home-first';
import { DEFAULT_ROUTE, parseHash } from './router';
import { toErrorReply } from './transport';
import { StartupError } from './screens/StartupError';

async function start(root: HTMLElement) {
  // Início's data is asked for now, beside the app's info, when Início is the first screen; a failure is left
  // to Início, which asks again and shows the error with its retry.
  const home = (parseHash(window.location.hash) ?? DEFAULT_ROUTE) === 'home' ? api.homeSummary().catch(() => undefined) : undefined;
  // The last start's language is read meanwhile (a wrong or missing hint only means reading it after).
  const hint = lastLocaleHint();
  if (hint) loadCatalogue(hint).catch(() => undefined);
  try {
    const info = await api.appInfo();
    rememberLocale(info.locale);
    document.documentElement.lang = info.locale;
    await loadCatalogue(info.locale);
    if (info.startup_error) render(<StartupError locale={info.locale} error={info.startup_error} />, root);
    else {
      setHomeFirst(await home);
      render(<App info={info} />, root);
      // Rendering is synchronous: Início is in the document with its data and its handlers. The start-up bench
      // (ponte-bench, docs/STARTUP.md) takes the later of this mark and the first paint as the first screen.
      performance.mark('first-screen');
    }
    // English backs up a missing translation, as in the core; read once the first screen is painted (two
    // frames on), so that parsing it does not hold that paint back.
    requestAnimationFrame(() => requestAnimationFrame(() => void loadCatalogue('en')));
  } catch (e) {
    // No backend at all (e.g. the page was opened in a plain browser): say so in the OS language.
    const locale = localeFromTag(navigator.language);
    await loadCatalogue(locale).catch(() => undefined);
    render(<StartupError locale={locale} error={toErrorReply(e)} />, root);
  }
}

const root = document.getElementById('app');
if (root) void start(root);
