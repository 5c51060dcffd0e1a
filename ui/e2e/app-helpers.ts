// Helpers of app.e2e.ts and demo.e2e.ts: realistic data seeded through the real commands (what the mock's
// `seed=demo` used to hold), a page on a host whose data folder cannot be opened, and the commands a
// page sends (observed on its network, as the mock's call log was).
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import type { Integration } from '../src/bindings/Integration';
import type { IntegrationInput } from '../src/bindings/IntegrationInput';
import type { Person } from '../src/bindings/Person';
import type { PersonInput } from '../src/bindings/PersonInput';
import type { SaveOutcome } from '../src/bindings/SaveOutcome';
import type { AppPage, Host } from './harness';
import { startHost } from './harness';

/** A realistic set of people (valid documents, as the core stores them). */
export const PEOPLE: PersonInput[] = [
  { kind: 'company', name: 'Atlântica Operadora de Viagens Ltda', trade_name: 'Atlântica Operadora', document: '45.781.392/0001-01', email: 'comercial@atlantica.example.com.br', phone: '+55 11 3456-7890' },
  { kind: 'company', name: 'Hotel Bellavista Firenze S.r.l.', trade_name: 'Hotel Bellavista', document: '12.ABC.345/01DE-35', email: 'booking@bellavista.example.it', phone: '+39 055 123 4567' },
  { kind: 'company', name: 'Rota Sul Turismo S.A.', trade_name: 'Rota Sul', document: '30.915.486/0001-59', email: 'reservas@rotasul.example.com.br', phone: '+55 48 3222-1100' },
  { kind: 'company', name: 'Litoral Receptivo Ltda', trade_name: 'Litoral Receptivo', document: '72.840.615/0001-37', email: null, phone: '+55 21 4002-8922' },
  { kind: 'individual', name: 'Ana Beatriz Conceição', trade_name: null, document: '529.982.247-25', email: 'ana.conceicao@example.com.br', phone: '+55 11 91234-5678' },
  { kind: 'individual', name: 'João Pedro Álvares', trade_name: null, document: '111.444.777-35', email: null, phone: '(21) 98765-4321' },
  { kind: 'individual', name: 'Giulia Rossi', trade_name: null, document: null, email: 'giulia.rossi@example.it', phone: '+39 333 123 4567' },
  { kind: 'company', name: 'Serra Azul Hotéis S.A.', trade_name: 'Serra Azul', document: '18.039.477/0001-46', email: 'contato@serraazul.example.com.br', phone: null },
];

/** Creates PEOPLE (in order) through `person_create`; returns them by name. */
export async function seedPeople(host: Host): Promise<Map<string, Person>> {
  const out = new Map<string, Person>();
  for (const input of PEOPLE) {
    const p = await host.call<Person>('person_create', { input });
    out.set(p.name, p);
  }
  return out;
}

/** Creates an integration through `integration_create`. */
export async function createIntegration(host: Host, input: IntegrationInput): Promise<Integration> {
  return (await host.call<SaveOutcome>('integration_create', { input })).integration;
}

/** The host simulator's Infotravel account, for `person`. */
export function infotravelInput(host: Host, description: string, personId: number): IntegrationInput {
  const s = host.sim.infotravel;
  return {
    type: 'infotravel',
    description,
    person_id: personId,
    values: { url: s.url, supplier_id: s.client, agency_code: s.agency, username: s.username },
    secrets: { password: s.password },
  };
}

/**
 * PEOPLE and four integrations linked to them, in this order (ids 1–4): Atlântica (Infotravel), Rota Sul
 * (Wooba), Hotel Bellavista (PayTourist) and Litoral Receptivo (Infotravel, disabled). The Infotravel and
 * Wooba ones point at the host's supplier simulator.
 */
export async function seedAgency(host: Host): Promise<{ people: Map<string, Person>; integrations: Integration[] }> {
  const people = await seedPeople(host);
  const id = (name: string) => {
    const p = people.get(name);
    if (!p) throw new Error(`seed: no person ${name}`);
    return p.id;
  };
  const w = host.sim.wooba;
  await host.call('wooba_settings_set', { input: { developer_token: w.developer_token, public_key_pem: w.public_key_pem } });
  const integrations = [
    await createIntegration(host, infotravelInput(host, 'Atlântica Operadora (Infotravel)', id('Atlântica Operadora de Viagens Ltda'))),
    await createIntegration(host, {
      type: 'wooba',
      description: 'Rota Sul (Wooba)',
      person_id: id('Rota Sul Turismo S.A.'),
      values: { url: w.url, username: w.identifier },
      secrets: { password: w.password },
    }),
    await createIntegration(host, {
      type: 'paytourist',
      description: 'Hotel Bellavista (PayTourist Firenze)',
      person_id: id('Hotel Bellavista Firenze S.r.l.'),
      values: { comune: 'firenze', structure_id: '1042', software_id: '77', api_url: host.sim.paytourist.url },
      secrets: {},
    }),
    await createIntegration(host, infotravelInput(host, 'Litoral Receptivo (Infotravel)', id('Litoral Receptivo Ltda'))),
  ];
  const last = integrations[3];
  if (last) integrations[3] = await host.call<Integration>('integration_set_enabled', { id: last.id, enabled: false });
  return { people, integrations };
}

/** A day `days` days from today on this machine (the browser's clock and zone), as `YYYY-MM-DD`. */
export function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One command the page sent to its host: name and arguments. */
export interface SentCall {
  cmd: string;
  args: Record<string, unknown>;
}

/** Records every command the page sends from now on (its `POST /api/{command}` requests). */
export function recordCalls(page: Page): SentCall[] {
  const calls: SentCall[] = [];
  page.on('request', (r: Request) => {
    const m = /\/api\/([a-z_]+)$/.exec(new URL(r.url()).pathname);
    if (r.method() !== 'POST' || !m?.[1]) return;
    calls.push({ cmd: m[1], args: (r.postDataJSON() as Record<string, unknown> | null) ?? {} });
  });
  return calls;
}

/**
 * Holds the page's next `POST /api/{cmd}` until `release()` is called, so a test can look at the screen
 * while the command is still running (the core does the work once released).
 */
export async function holdCommand(page: Page, cmd: string): Promise<{ release: () => void; held: Promise<void> }> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((ok) => (release = ok));
  let seen: () => void = () => undefined;
  const held = new Promise<void>((ok) => (seen = ok));
  await page.route(`**/api/${cmd}`, async (route) => {
    seen();
    await gate;
    await route.continue();
  });
  return { release, held };
}

/**
 * A host whose data folder cannot be opened (it lies under a regular file), started with `lang` as the
 * OS language — the only language the core knows when it has no database.
 */
export async function startBrokenHost(lang: string): Promise<Host> {
  const file = join(tmpdir(), `ponte-e2e-not-a-folder-${process.pid}-${Date.now()}`);
  await writeFile(file, 'a regular file, not a folder\n');
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  // startHost spawns synchronously, with this process's environment.
  process.env.LC_ALL = lang;
  process.env.LC_MESSAGES = lang;
  process.env.LANG = lang;
  const started = startHost({ dataDir: join(file, 'ponte') });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const host = await started;
  return {
    ...host,
    close: async () => {
      await host.close();
      await rm(file, { force: true });
    },
  };
}

/**
 * Like harness.openApp on an existing host, without saving a language first (a host without a database
 * cannot): the page, its problems (console errors, exceptions, CSP violations).
 */
export async function openOnHost(browser: Browser, host: Host, hash = ''): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1180, height: 760 }, locale: 'pt-BR', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    Object.freeze(Object.prototype);
  });
  await page.goto(`${host.url}/?token=${host.token}${hash}`);
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
      await host.close();
    },
  };
}
