// mock.html: installs the in-memory backend behind Tauri's IPC, then starts the real app.
// Query string: ?locale=it|en|pt-BR  &seed=demo  &startup_error=data_dir  &latency=ms
import { mockIPC } from '@tauri-apps/api/mocks';
import type { ErrorReply } from '../bindings/ErrorReply';
import { isLocale } from '../i18n';
import { DEMO_PEOPLE, MockBackend } from './backend';

const q = new URLSearchParams(window.location.search);
const locale = q.get('locale');
const startupError: ErrorReply | null =
  q.get('startup_error') === 'data_dir'
    ? {
        code: 'data_dir',
        key: 'error.data_dir',
        field: null,
        fields: [],
        params: { path: '/home/agencia/.local/share/io.ponte.desktop', detail: 'Permission denied (os error 13)' },
      }
    : null;
const latency = Number(q.get('latency') ?? '15');

const backend = new MockBackend({
  locale: isLocale(locale) ? locale : 'pt-BR',
  startupError,
  seed: q.get('seed') === 'demo' ? DEMO_PEOPLE : [],
  linked: ['Atlântica Operadora de Viagens Ltda'],
});

declare global {
  interface Window {
    __ponteMock?: MockBackend;
  }
}
window.__ponteMock = backend;

mockIPC(
  (cmd, args) =>
    new Promise((resolve, reject) => {
      window.setTimeout(() => {
        try {
          // Like Tauri, hand the page a structured clone, never the backend's own objects.
          resolve(structuredClone(backend.handle(cmd, args)));
        } catch (e) {
          reject(e);
        }
      }, latency);
    }),
);

void import('../main');
