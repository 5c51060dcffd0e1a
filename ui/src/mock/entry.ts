// mock.html: installs the in-memory backend behind Tauri's IPC, then starts the real app.
// Query string: ?locale=it|en|pt-BR  &seed=demo  &startup_error=data_dir  &latency=ms  &test_delay=ms (Testar conexão,
//   and a token's live check with PayTourist)
//   &sales=N (historic sales, e.g. 1000000)  &import_delay=ms (per supplier page)  &import_retry=page (supplier asks to wait)
//   &demo_delay=ms (how long "Experimentar com dados de demonstração" takes to start the simulator)  &autostart=1
import { mockIPC } from '@tauri-apps/api/mocks';
import type { ErrorReply } from '../bindings/ErrorReply';
import { isLocale } from '../i18n';
import { DEMO_INTEGRATIONS, DEMO_PEOPLE, DEMO_WOOBA, MockBackend } from './backend';

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
// A connection test talks to a supplier: it takes a while, long enough to see (and cancel) it.
const testDelay = Number(q.get('test_delay') ?? '400');
// Starting the demo starts the supplier simulator: a few seconds in the app.
const demoDelay = Number(q.get('demo_delay') ?? '1500');
const demo = q.get('seed') === 'demo';

const backend = new MockBackend({
  locale: isLocale(locale) ? locale : 'pt-BR',
  startupError,
  seed: demo ? DEMO_PEOPLE : [],
  linked: ['Atlântica Operadora de Viagens Ltda'],
  integrations: demo ? DEMO_INTEGRATIONS : [],
  wooba: demo ? DEMO_WOOBA : {},
  sales: {
    count: Number(q.get('sales') ?? '0'),
    pageDelayMs: Number(q.get('import_delay') ?? '250'),
    retryOnPage: q.has('import_retry') ? Number(q.get('import_retry')) : null,
    history: demo,
  },
  tokens: { demo },
  autostart: q.get('autostart') === '1',
});

declare global {
  interface Window {
    __ponteMock?: MockBackend;
    /** Every reply the page received (resolved or rejected), serialized: tests check no secret ever comes back. */
    __ponteReplies?: string[];
  }
}
window.__ponteMock = backend;
const replies: string[] = [];
window.__ponteReplies = replies;

mockIPC(
  (cmd, args) =>
    new Promise((resolve, reject) => {
      window.setTimeout(
        () => {
          try {
            // Like Tauri, hand the page a structured clone, never the backend's own objects.
            // Imports answer with a Promise (they report progress on their Channel meanwhile).
            Promise.resolve(backend.handle(cmd, args)).then(
              (value) => {
                const out: unknown = structuredClone(value);
                replies.push(`${cmd} ${JSON.stringify(out)}`);
                resolve(out);
              },
              (e: unknown) => {
                replies.push(`${cmd} ${JSON.stringify(e)}`);
                reject(e);
              },
            );
          } catch (e) {
            replies.push(`${cmd} ${JSON.stringify(e)}`);
            reject(e);
          }
        },
        cmd === 'integration_test' || cmd === 'token_add' || cmd === 'token_verify' ? testDelay : cmd === 'demo_start' ? demoDelay : latency,
      );
    }),
);

void import('../main');
