import './styles/app.css';
import { render } from 'preact';
import { App } from './App';
import { localeFromTag } from './i18n';
import { api } from './api.gen';
import { toErrorReply } from './transport';
import { StartupError } from './screens/StartupError';

async function start(root: HTMLElement) {
  try {
    const info = await api.appInfo();
    document.documentElement.lang = info.locale;
    if (info.startup_error) render(<StartupError locale={info.locale} error={info.startup_error} />, root);
    else render(<App info={info} />, root);
  } catch (e) {
    // No backend at all (e.g. the page was opened in a plain browser): say so in the OS language.
    render(<StartupError locale={localeFromTag(navigator.language)} error={toErrorReply(e)} />, root);
  }
}

const root = document.getElementById('app');
if (root) void start(root);
