// Setup shared by import.e2e.ts and sales.e2e.ts: an agency's integrations pointing at the host's supplier
// simulator (real commands), a history of real runs, the sales list's data, and a log of the page's calls.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Integration } from '../src/bindings/Integration';
import type { ImportRun } from '../src/bindings/ImportRun';
import type { RunSummary } from '../src/bindings/RunSummary';
import type { SalesFilter } from '../src/bindings/SalesFilter';
import type { SaveOutcome } from '../src/bindings/SaveOutcome';
import type { AppPage, Host } from './harness';
import { openApp, startHost } from './harness';

/**
 * Opens the app on a host of its own whose simulator serves `simBookings` bookings per supplier (over 2026);
 * closing the page closes that host too.
 */
export async function openOwnHost(browser: Browser, opts: Parameters<typeof openApp>[1] & { simBookings?: number } = {}): Promise<AppPage> {
  const { simBookings, ...rest } = opts;
  const host = await startHost(simBookings === undefined ? {} : { simBookings });
  try {
    const app = await openApp(browser, { ...rest, host });
    return {
      ...app,
      close: async () => {
        await app.close();
        await host.close();
      },
    };
  } catch (e) {
    await host.close();
    throw e;
  }
}

/** A day `daysAgo` days before today (this machine's local time, as the browser's), `YYYY-MM-DD`. */
export function isoDay(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const dates = (from: string, to: string) => ({ mode: 'dates' as const, from, to });

async function company(host: Host, name: string, tradeName: string, document: string): Promise<number> {
  const p = await host.call<{ id: number }>('person_create', {
    input: { kind: 'company', name, trade_name: tradeName, document, email: null, phone: null },
  });
  return p.id;
}

async function integration(host: Host, input: Record<string, unknown>): Promise<number> {
  return (await host.call<SaveOutcome>('integration_create', { input })).integration.id;
}

const infotravelValues = (host: Host) => ({
  url: host.sim.infotravel.url,
  supplier_id: host.sim.infotravel.client,
  agency_code: host.sim.infotravel.agency,
  username: host.sim.infotravel.username,
});

/** Ponte's Wooba vendor settings (Developer-Token, public key) as the simulator expects them. */
async function woobaVendor(host: Host): Promise<void> {
  await host.call('wooba_settings_set', {
    input: { developer_token: host.sim.wooba.developer_token, public_key_pem: host.sim.wooba.public_key_pem },
  });
}

export interface Agency {
  /** Infotravel, the right credentials. */
  atlantica: number;
  /** Wooba with an outdated password: every call is refused with invalid credentials. */
  rotaSul: number;
  /** PayTourist (not importable). */
  bellavista: number;
  /** Infotravel, disabled. */
  litoral: number;
  /** The history, oldest first: a run with a malformed booking, Rota Sul's failed run, yesterday's import. */
  runs: { malformed: number; failed: number; yesterday: number };
}

/**
 * An agency after some use, through the real commands against the host's simulator: three companies, the
 * integrations of [`Agency`], and three real runs in the history (the first one hit a malformed booking,
 * Rota Sul's was refused, then yesterday's sales of Atlântica were imported).
 */
export async function seedAgency(host: Host): Promise<Agency> {
  host.useSecret('senha-antiga');
  await woobaVendor(host);
  const atl = await company(host, 'Atlântica Operadora de Viagens Ltda', 'Atlântica Operadora', '45.781.392/0001-01');
  const rota = await company(host, 'Rota Sul Turismo S.A.', 'Rota Sul', '30.915.486/0001-59');
  const lit = await company(host, 'Litoral Receptivo Ltda', 'Litoral Receptivo', '72.840.615/0001-37');
  const bella = await company(host, 'Hotel Bellavista Firenze S.r.l.', 'Hotel Bellavista', '12.ABC.345/01DE-35');
  const atlantica = await integration(host, {
    type: 'infotravel',
    description: 'Atlântica Operadora (Infotravel)',
    person_id: atl,
    values: infotravelValues(host),
    secrets: { password: host.sim.infotravel.password },
  });
  const rotaSul = await integration(host, {
    type: 'wooba',
    description: 'Rota Sul (Wooba)',
    person_id: rota,
    values: { url: host.sim.wooba.url, username: host.sim.wooba.identifier },
    secrets: { password: 'senha-antiga' },
  });
  const bellavista = await integration(host, {
    type: 'paytourist',
    description: 'Hotel Bellavista (PayTourist Firenze)',
    person_id: bella,
    values: { comune: 'firenze', structure_id: '1042', software_id: '77' },
    secrets: {},
  });
  const litoral = await integration(host, {
    type: 'infotravel',
    description: 'Litoral Receptivo (Infotravel)',
    person_id: lit,
    values: infotravelValues(host),
    secrets: { password: host.sim.infotravel.password },
  });
  await host.call<Integration>('integration_set_enabled', { id: litoral, enabled: false });

  const run = async (id: number, from: string, to: string, outcome: string) => {
    const s = await host.call<RunSummary>('import_run', { integrationId: id, query: dates(from, to) });
    if (s.outcome !== outcome || s.run_id === null) throw new Error(`seed run: ${JSON.stringify({ ...s, items: [] })}`);
    return s.run_id;
  };
  // One booking of the next booking page comes with a date and an amount that cannot be read.
  await host.fault({ kind: 'malformed_booking', supplier: 'infotravel', count: 1 });
  const malformed = await run(atlantica, isoDay(16), isoDay(16), 'completed');
  const failed = await run(rotaSul, isoDay(1), isoDay(1), 'failed');
  const yesterday = await run(atlantica, isoDay(1), isoDay(1), 'completed');
  return { atlantica, rotaSul, bellavista, litoral, runs: { malformed, failed, yesterday } };
}

export const importRuns = (host: Host) => host.call<ImportRun[]>('import_runs', { integrationId: null });

export interface SalesWorld {
  infotravel: number;
  wooba: number;
  /** How many plain historical rows were added to the imported ones. */
  seeded: number;
}

/** Simulator size for the sales list: a few hundred sales a month per supplier, every product kind and status. */
export const SALES_SIM_BOOKINGS = 4000;

/**
 * The sales list's data: Infotravel and Wooba integrations, January 2026 and the last 30 days imported from
 * the simulator (real imports: products, passengers, payments, the supplier's record), then `seeded` plain
 * historical rows (hotel, confirmed, 30 to 729 days old, one in ten flagged) under the Infotravel one.
 */
export async function seedSalesWorld(host: Host, seeded: number): Promise<SalesWorld> {
  await woobaVendor(host);
  const atl = await company(host, 'Atlântica Operadora de Viagens Ltda', 'Atlântica Operadora', '45.781.392/0001-01');
  const rota = await company(host, 'Rota Sul Turismo S.A.', 'Rota Sul', '30.915.486/0001-59');
  const infotravel = await integration(host, {
    type: 'infotravel',
    description: 'Atlântica Operadora (Infotravel)',
    person_id: atl,
    values: infotravelValues(host),
    secrets: { password: host.sim.infotravel.password },
  });
  const wooba = await integration(host, {
    type: 'wooba',
    description: 'Rota Sul (Wooba)',
    person_id: rota,
    values: { url: host.sim.wooba.url, username: host.sim.wooba.identifier },
    secrets: { password: host.sim.wooba.password },
  });
  for (const id of [infotravel, wooba])
    for (const q of [dates('2026-01-01', '2026-01-31'), dates(isoDay(29), isoDay(0))]) {
      const s = await host.call<RunSummary>('import_run', { integrationId: id, query: q });
      if (s.outcome !== 'completed') throw new Error(`seed import: ${JSON.stringify({ ...s, items: [] })}`);
    }
  await host.seedSales(infotravel, seeded);
  return { infotravel, wooba, seeded };
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** How many stored sales match a filter, counted with plain SQL on the database (not through the core). */
export async function storedSales(host: Host, f: Partial<SalesFilter> = {}): Promise<number> {
  const w = ['1 = 1'];
  if (f.integration_id !== undefined && f.integration_id !== null) w.push(`s.integration_id = ${Number(f.integration_id)}`);
  if (f.status) w.push(`s.status = ${sqlText(f.status)}`);
  if (f.flagged_only) w.push('s.needs_manual_payment = 1');
  if (f.date_from) w.push(`s.sale_date >= ${sqlText(f.date_from)}`);
  if (f.date_to) w.push(`s.sale_date <= ${sqlText(f.date_to)}`);
  if (f.kind) w.push(`s.id IN (SELECT sale_id FROM sale_products WHERE kind = ${sqlText(f.kind)})`);
  if (f.query) throw new Error('storedSales: no text search');
  return Number((await host.sql(`SELECT count(*) FROM sales s WHERE ${w.join(' AND ')}`))[0]?.[0]);
}

export interface Call {
  cmd: string;
  args: Record<string, unknown>;
}

/**
 * Every command the page sends from now on (its `/api/…` requests), with its arguments. To include what a
 * screen asks while it loads, reload the page after this.
 */
export function watchCalls(page: Page): { all: Call[]; of: (cmd: string) => Record<string, unknown>[] } {
  const all: Call[] = [];
  page.on('request', (r) => {
    const m = /^\/api\/([a-z_]+)$/.exec(new URL(r.url()).pathname);
    if (m?.[1] && r.method() === 'POST') all.push({ cmd: m[1], args: (r.postDataJSON() as Record<string, unknown> | null) ?? {} });
  });
  return { all, of: (cmd) => all.filter((c) => c.cmd === cmd).map((c) => c.args) };
}

/** Where the host's save "dialog" puts the CSV export. */
export const exportPath = (host: Host) => join(host.dataDir, 'exports', 'vendas.csv');
