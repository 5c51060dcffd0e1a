// Browser-test harness: each page gets its own ponte-devhost — the real Rust core (commands, SQLite in a
// temporary folder, the OS keyring, the supplier simulator) over loopback HTTP, serving dist-e2e with the
// app's real CSP — and Debian's Chromium driven by playwright-core (no browser is ever downloaded).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { ErrorReply } from '../src/bindings/ErrorReply';

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

/** After this long, and every time again, a host still starting or a call still unanswered is reported on stderr. */
const SLOW_CALL_MS = 15_000;
export const DEVHOST = process.env.PONTE_DEVHOST ?? join(REPO_ROOT, 'target', 'debug', 'ponte-devhost');

/** What the simulator answers to (its `ClientInfo`): URLs and credentials of each supplier. */
export interface SimInfo {
  base_url: string;
  infotravel: { url: string; prefixed_urls: string[]; client: string; agency: string; username: string; password: string; token_ttl_secs: number };
  wooba: { url: string; identifier: string; password: string; developer_token: string; public_key_pem: string };
  paytourist: {
    url: string;
    valid_tokens: string[];
    expired_tokens: string[];
    revoked_tokens: string[];
    structures: { id: number; name: string }[];
    software_id: number;
  };
  [k: string]: unknown;
}

/** A running ponte-devhost: the real core behind one page. */
export interface Host {
  url: string;
  token: string;
  dataDir: string;
  sim: SimInfo;
  /** Runs a command as the page would (same JSON); rejects with its ErrorReply. */
  call: <T = unknown>(cmd: string, args?: Record<string, unknown>) => Promise<T>;
  /** What the host recorded: clipboard, notifications, autostart. */
  recorded: () => Promise<{ clipboard: string | null; clipboard_clear_secs: number | null; notifications: [string, string, string][]; autostart: boolean }>;
  /** A keyring entry of this host's run (`integration/1/password`), or null. */
  secret: (id: string) => Promise<string | null>;
  /** A read-only SQL query on the data folder's database. */
  sql: (query: string) => Promise<unknown[][]>;
  /** Registers a secret a test typed (or made the simulator accept): the end-of-journey scan looks for it. */
  useSecret: (secret: string) => void;
  /**
   * Looks for every secret of this run (the simulator's credentials and tokens, and those registered with
   * `useSecret`) in the data folder (database, WAL, logs, exports), in every reply the page received, and in
   * the host's stdout/stderr. Returns where it found any.
   */
  scanSecrets: () => Promise<{ hits: string[]; secrets: number; files: number; replyBytes: number }>;
  /** Bulk-inserts `count` historical sales (plain SQL) for an existing integration, for list tests. */
  seedSales: (integrationId: number, count: number) => Promise<void>;
  /** Sets a simulator fault (`POST /__sim/faults`), e.g. `{ supplier: 'infotravel', kind: 'bad_credentials', count: 1 }`. */
  fault: (f: Record<string, unknown>) => Promise<void>;
  close: () => Promise<void>;
}

export async function startHost(opts: { simBookings?: number; dataDir?: string } = {}): Promise<Host> {
  const args = ['--ui', process.env.PONTE_E2E_DIST || DIST, '--tauri-conf', join(REPO_ROOT, 'tauri.conf.json')];
  if (opts.simBookings !== undefined) args.push('--sim-bookings', String(opts.simBookings));
  if (opts.dataDir) args.push('--data-dir', opts.dataDir);
  const proc: ChildProcess = spawn(DEVHOST, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // The host's own output is part of the secret scan (and still shown).
  let output = '';
  proc.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
    process.stderr.write(b);
  });
  // A host slow to start (a large simulated supplier, a busy machine) is waited for, and says so, so that a
  // test timing out while it starts names it.
  const starting = setInterval(() => console.error(`e2e harness: ponte-devhost has not printed its address yet; so far:\n${output}`), SLOW_CALL_MS);
  const first = await new Promise<string>((ok, fail) => {
    proc.once('error', fail);
    proc.once('exit', (code) => fail(new Error(`ponte-devhost exited (${code}): build it with cargo build -p ponte-devhost`)));
    createInterface({ input: proc.stdout! }).once('line', ok);
  }).finally(() => clearInterval(starting));
  const info = JSON.parse(first) as { url: string; token: string; data_dir: string; sim: SimInfo };
  proc.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const used = new Set<string>([
    info.sim.infotravel.password,
    info.sim.wooba.password,
    info.sim.wooba.developer_token,
    ...info.sim.paytourist.valid_tokens,
    ...info.sim.paytourist.expired_tokens,
    ...info.sim.paytourist.revoked_tokens,
  ]);
  const auth = { Authorization: `Bearer ${info.token}`, 'Content-Type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    // Some calls legitimately take minutes (seeding 300 000 sales), so a slow one is not cut off; it says
    // what it is waiting for, so that a test timing out names the call it was stuck in.
    const slow = setInterval(() => console.error(`e2e harness: still waiting for ${path} (${SLOW_CALL_MS} ms more)`), SLOW_CALL_MS);
    const r = await fetch(`${info.url}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) }).finally(() =>
      clearInterval(slow),
    );
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
    return r;
  };
  return {
    url: info.url,
    token: info.token,
    dataDir: info.data_dir,
    sim: info.sim,
    call: async <T>(cmd: string, a: Record<string, unknown> = {}) => {
      const text = await (await post(`/api/${cmd}`, a)).text();
      const last = JSON.parse(text.trim().split('\n').pop() ?? '{}') as { ok?: T; err?: ErrorReply };
      if ('err' in last) throw last.err;
      return last.ok as T;
    },
    recorded: async () => {
      const r = await fetch(`${info.url}/__test/state`, { headers: auth });
      return ((await r.json()) as { recorded: Awaited<ReturnType<Host['recorded']>> }).recorded;
    },
    secret: async (id) => ((await (await post('/__test/secret', { id })).json()) as { value: string | null }).value,
    sql: async (query) => ((await (await post('/__test/sql', { sql: query })).json()) as { rows: unknown[][] }).rows,
    useSecret: (secret) => {
      used.add(secret);
    },
    scanSecrets: async () => {
      const secrets = [...used].filter((x) => x.length >= 4);
      const r = (await (await post('/__test/scan', { secrets })).json()) as { hits: string[]; files: number; reply_bytes: number };
      const hits = [...r.hits];
      secrets.forEach((x, i) => {
        if (output.includes(x) || output.includes(JSON.stringify(x).slice(1, -1))) hits.push(`the host's output: secret #${i}`);
      });
      return { hits, secrets: secrets.length, files: r.files, replyBytes: r.reply_bytes };
    },
    seedSales: async (integrationId, count) => {
      await post('/__test/seed-sales', { integration_id: integrationId, count });
    },
    fault: async (f) => {
      const r = await fetch(`${info.sim.base_url}/__sim/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(f) });
      if (!r.ok) throw new Error(`sim fault: HTTP ${r.status} ${await r.text()}`);
    },
    close: () =>
      new Promise<void>((ok) => {
        if (proc.exitCode !== null) return ok();
        proc.once('exit', () => ok());
        proc.kill('SIGINT');
      }),
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
  /** The real core behind this page. */
  host: Host;
  /** CSP violations, console errors and uncaught exceptions seen so far. */
  problems: () => Promise<string[]>;
  /** Closes the page and its host. */
  close: () => Promise<void>;
}

/**
 * Opens the app on a fresh host (empty data folder; its simulator with `simBookings` bookings per supplier if
 * given) unless `host` is given. `locale` is the user's saved language (default pt-BR; null: none is saved, as
 * a host without a database cannot); `prepare` runs against the host before the page loads (seed data through
 * the real commands). Closing the page closes the host too when openApp started it, or with `closeHost`.
 */
export async function openApp(
  browser: Browser,
  opts: {
    locale?: string | null;
    colorScheme?: 'light' | 'dark';
    hash?: string;
    host?: Host;
    closeHost?: boolean;
    simBookings?: number;
    prepare?: (host: Host) => Promise<void>;
  } = {},
): Promise<AppPage> {
  const host = opts.host ?? (await startHost(opts.simBookings === undefined ? {} : { simBookings: opts.simBookings }));
  const ownsHost = opts.closeHost ?? !opts.host;
  try {
    return await openPage(browser, host, ownsHost, opts);
  } catch (e) {
    if (ownsHost) await host.close();
    throw e;
  }
}

async function openPage(
  browser: Browser,
  host: Host,
  ownsHost: boolean,
  opts: { locale?: string | null; colorScheme?: 'light' | 'dark'; hash?: string; prepare?: (host: Host) => Promise<void> },
): Promise<AppPage> {
  // The user's saved language (pt-BR unless told), not the test machine's.
  if (opts.locale !== null) await host.call('set_locale', { locale: opts.locale ?? 'pt-BR' });
  if (opts.prepare) await opts.prepare(host);
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
  await page.goto(`${host.url}/?token=${host.token}${opts.hash ?? ''}`);
  return {
    page,
    context,
    host,
    problems: async () => [
      ...errors,
      ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).map((v) => `csp: ${v}`),
    ],
    close: async () => {
      await context.close();
      // Every journey ends with a secret scan: no secret it used may be anywhere but the keyring.
      const scan = await host.scanSecrets();
      await recordScan(scan);
      if (ownsHost) await host.close();
      if (scan.hits.length > 0) throw new Error(`secrets found outside the keyring: ${scan.hits.join('; ')}`);
    },
  };
}

/** One command the page sent to its host: name and arguments. */
export interface SentCall {
  cmd: string;
  args: Record<string, unknown>;
}

/** What watchApi saw: the commands the page sent and, with `replies`, what came back. */
export interface ApiWatch {
  /** The commands the page called, in order, with their arguments. */
  requests: SentCall[];
  /** The arguments of each call of `cmd` so far. */
  of: (cmd: string) => Record<string, unknown>[];
  /** Every reply body handed to the page so far, each prefixed by its command. */
  replies: () => string;
  /** The replies to `cmd` handed to the page so far. */
  repliesTo: (cmd: string) => string[];
  /**
   * Holds the core's reply to the next `cmd` back from the page until the returned function is called (to
   * look at the page while it waits, however fast the core is).
   */
  hold: (cmd: string) => () => void;
}

/**
 * Every exchange of the page with the backend (`POST /api/{command}`) from now on. The requests are only
 * listened to, so the page gets its replies as the core streams them (an import run's progress). With
 * `replies`, each call also goes through `page.route`, which fetches the reply, keeps its text and hands it to
 * the page unchanged but whole, not streamed (fine for screens without progress): Chromium keeps no copy of a
 * body the page reads as a stream, so `response.text()` would have nothing to give. To include what a screen
 * asks while it loads, reload the page after this.
 */
export async function watchApi(page: Page, opts: { replies?: boolean } = {}): Promise<ApiWatch> {
  const requests: SentCall[] = [];
  const bodies: { cmd: string; body: string }[] = [];
  const held = new Map<string, Promise<void>>();
  const cmdOf = (url: string) => /^\/api\/([a-z_]+)$/.exec(new URL(url).pathname)?.[1] ?? null;
  page.on('request', (r) => {
    const cmd = cmdOf(r.url());
    if (cmd !== null && r.method() === 'POST') requests.push({ cmd, args: (r.postDataJSON() as Record<string, unknown> | null) ?? {} });
  });
  const noReplies = () => {
    throw new Error('watchApi: replies are kept only with { replies: true }');
  };
  if (opts.replies) {
    await page.route(
      (url) => url.pathname.startsWith('/api/'),
      async (route) => {
        const cmd = cmdOf(route.request().url()) ?? '';
        let body: string;
        try {
          const response = await route.fetch();
          body = await response.text();
          const hold = held.get(cmd);
          if (hold) {
            held.delete(cmd);
            await hold;
          }
          await route.fulfill({ response, body });
        } catch {
          return; // the page (or its host) closed meanwhile: nothing reached it
        }
        bodies.push({ cmd, body });
      },
    );
  }
  return {
    requests,
    of: (cmd) => requests.filter((c) => c.cmd === cmd).map((c) => c.args),
    replies: () => (opts.replies ? bodies.map((b) => `${b.cmd} ${b.body}`).join('\n') : noReplies()),
    repliesTo: (cmd) => (opts.replies ? bodies.filter((b) => b.cmd === cmd).map((b) => b.body) : noReplies()),
    hold: (cmd) => {
      if (!opts.replies) noReplies();
      let release = () => {};
      held.set(cmd, new Promise<void>((ok) => (release = ok)));
      return () => release();
    },
  };
}

/** One line per journey in target/secret-scan.jsonl: what was scanned and what was found. */
async function recordScan(scan: { hits: string[]; secrets: number; files: number; replyBytes: number }): Promise<void> {
  const { expect } = await import('vitest');
  const line = JSON.stringify({ test: expect.getState().currentTestName ?? null, ...scan });
  await mkdir(join(REPO_ROOT, 'target'), { recursive: true });
  await appendFile(join(REPO_ROOT, 'target', 'secret-scan.jsonl'), `${line}\n`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `ui-${name}.png`);
  await page.screenshot({ path });
  return path;
}
