// Setup shared by import.e2e.ts and sales.e2e.ts: seed.ts's agency with a history of real runs, the sales
// list's data, and what the database holds.
import { join } from 'node:path';
import type { ImportRun } from '../src/bindings/ImportRun';
import type { RunSummary } from '../src/bindings/RunSummary';
import type { SalesFilter } from '../src/bindings/SalesFilter';
import type { Host } from './harness';
import type { Agency } from './seed';
import {
  ATLANTICA,
  ATLANTICA_PERSON,
  createIntegration,
  infotravelInput,
  isoDay,
  ROTA_SUL,
  ROTA_SUL_PERSON,
  seedAgency,
  seedPeople,
  setWoobaVendor,
  woobaInput,
} from './seed';

export const dates = (from: string, to: string) => ({ mode: 'dates' as const, from, to });

/** The import tests' agency: seed.ts's, Rota Sul with an old password, and three real runs in the history. */
export interface ImportAgency extends Agency {
  /** The history, oldest first: a run with a malformed booking, Rota Sul's failed run, yesterday's import. */
  runs: { malformed: number; failed: number; yesterday: number };
}

/**
 * An agency after some use, through the real commands against the host's simulator: seed.ts's agency with
 * Rota Sul's old password, then three real runs in the history (the first one hit a malformed booking, Rota
 * Sul's was refused, then yesterday's sales of Atlântica were imported).
 */
export async function seedImportAgency(host: Host): Promise<ImportAgency> {
  const agency = await seedAgency(host, { rotaSulPassword: 'old' });
  const run = async (id: number, from: string, to: string, outcome: string) => {
    const s = await host.call<RunSummary>('import_run', { integrationId: id, query: dates(from, to) });
    if (s.outcome !== outcome || s.run_id === null) throw new Error(`seed run: ${JSON.stringify({ ...s, items: [] })}`);
    return s.run_id;
  };
  // One booking of the next booking page comes with a date and an amount that cannot be read.
  await host.fault({ kind: 'malformed_booking', supplier: 'infotravel', count: 1 });
  const malformed = await run(agency.atlantica, isoDay(-16), isoDay(-16), 'completed');
  const failed = await run(agency.rotaSul, isoDay(-1), isoDay(-1), 'failed');
  const yesterday = await run(agency.atlantica, isoDay(-1), isoDay(-1), 'completed');
  return { ...agency, runs: { malformed, failed, yesterday } };
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
  await setWoobaVendor(host);
  const people = await seedPeople(host, [ATLANTICA_PERSON, ROTA_SUL_PERSON]);
  const infotravel = (await createIntegration(host, infotravelInput(host, ATLANTICA, people[ATLANTICA_PERSON]!))).id;
  const wooba = (await createIntegration(host, woobaInput(host, ROTA_SUL, people[ROTA_SUL_PERSON]!))).id;
  for (const id of [infotravel, wooba])
    for (const q of [dates('2026-01-01', '2026-01-31'), dates(isoDay(-29), isoDay(0))]) {
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

/** Where the host's save "dialog" puts the CSV export. */
export const exportPath = (host: Host) => join(host.dataDir, 'exports', 'vendas.csv');
