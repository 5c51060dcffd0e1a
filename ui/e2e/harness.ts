// Browser-test harness: a tiny static server for dist-e2e that sends the app's real CSP (read from
// tauri.conf.json), and Debian's Chromium driven by playwright-core (no browser is ever downloaded).
import { readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export const UI_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const REPO_ROOT = resolve(UI_ROOT, '..');
export const DIST = join(UI_ROOT, 'dist-e2e');
export const SCREENSHOTS = join(REPO_ROOT, 'target', 'screenshots');
export const CHROMIUM = process.env.PONTE_CHROMIUM ?? '/usr/bin/chromium';

type Catalogue = Record<string, string>;
const catalogue = (l: string): Catalogue =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'src-tauri/crates/ponte-core/locales', `${l}.json`), 'utf8')) as Catalogue;
export const CAT: Record<'pt-BR' | 'it' | 'en', Catalogue> = { 'pt-BR': catalogue('pt-BR'), it: catalogue('it'), en: catalogue('en') };

/** The catalogue text with `{param}` filled, as the UI shows it. */
export function text(locale: keyof typeof CAT, key: string, params: Record<string, string> = {}): string {
  const s = CAT[locale][key];
  if (s === undefined) throw new Error(`no catalogue key ${key}`);
  return s.replace(/\{(\w+)\}/g, (w, k: string) => params[k] ?? w);
}

/** The Content-Security-Policy the Tauri window enforces, from tauri.conf.json. */
export function appCsp(): string {
  const conf = JSON.parse(readFileSync(join(REPO_ROOT, 'tauri.conf.json'), 'utf8')) as {
    app: { security: { csp: Record<string, string> | string } };
  };
  const csp = conf.app.security.csp;
  return typeof csp === 'string' ? csp : Object.entries(csp).map(([k, v]) => `${k} ${v}`).join('; ');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export async function startServer(root = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  await stat(join(root, 'mock.html')).catch(() => {
    throw new Error(`${root}/mock.html is missing: run "npm run e2e" (it builds with --mode e2e first)`);
  });
  const csp = appCsp();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': csp,
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
    ],
  });
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** CSP violations, console errors and uncaught exceptions seen so far. */
  problems: () => Promise<string[]>;
}

export async function openApp(
  browser: Browser,
  base: string,
  opts: { locale?: string; seed?: 'demo'; colorScheme?: 'light' | 'dark'; query?: Record<string, string>; hash?: string } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: 1180, height: 760 },
    colorScheme: opts.colorScheme ?? 'light',
    locale: 'pt-BR',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // Like Tauri's `freezePrototype: true`, and record CSP violations.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    Object.freeze(Object.prototype);
  });
  const q = new URLSearchParams(opts.query ?? {});
  if (opts.locale) q.set('locale', opts.locale);
  if (opts.seed) q.set('seed', opts.seed);
  await page.goto(`${base}/mock.html?${q.toString()}${opts.hash ?? ''}`);
  return {
    page,
    context,
    problems: async () => [
      ...errors,
      ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `csp: ${v}`),
    ],
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `ui-${name}.png`);
  await page.screenshot({ path });
  return path;
}
