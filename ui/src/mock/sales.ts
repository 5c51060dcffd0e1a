// The mock of Importar vendas and Vendas (src-tauri/src/commands/imports.rs and sales.rs): pretend suppliers
// that answer page by page, an import history, and a sales table that can hold a million rows without
// allocating them — "historic" sales are computed from their index on demand; imported ones are stored.
// Used by MockBackend (backend.ts) for mock.html and the unit tests; never part of the shipped build.
import type { Change } from '../bindings/Change';
import type { Counts } from '../bindings/Counts';
import type { CsvExport } from '../bindings/CsvExport';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { ImportIssue } from '../bindings/ImportIssue';
import type { ImportQuery } from '../bindings/ImportQuery';
import type { ImportRun } from '../bindings/ImportRun';
import type { Integration } from '../bindings/Integration';
import type { Outcome } from '../bindings/Outcome';
import type { Passenger } from '../bindings/Passenger';
import type { Payment } from '../bindings/Payment';
import type { PreviewItem } from '../bindings/PreviewItem';
import type { Product } from '../bindings/Product';
import type { ProductKind } from '../bindings/ProductKind';
import type { Progress } from '../bindings/Progress';
import type { RunSummary } from '../bindings/RunSummary';
import type { SaleDetail } from '../bindings/SaleDetail';
import type { SaleRow } from '../bindings/SaleRow';
import type { SalesCursor } from '../bindings/SalesCursor';
import type { SalesFilter } from '../bindings/SalesFilter';
import type { SalesPage } from '../bindings/SalesPage';
import type { SaleStatus } from '../bindings/SaleStatus';

/** ponte-import's MAX_RANGE_DAYS, PREVIEW_LIMIT; ponte-core's sales::MAX_PAGE. */
export const MAX_RANGE_DAYS = 366;
export const PREVIEW_LIMIT = 1000;
export const MAX_PAGE = 500;
/** The password the pretend suppliers accept (the same as backend.ts's GOOD_PASSWORD). */
const GOOD_PASSWORD = 'certa';
/** Where the pretend save dialog puts the CSV. */
export const EXPORT_PATH = '/home/agencia/Documentos/vendas.csv';

/** What the sales mock needs from MockBackend. */
export interface SalesHost {
  readonly integrations: readonly Integration[];
  readonly keyring: ReadonlyMap<string, string>;
}

export interface MockSalesOptions {
  /** Sales already in the table before any import ("historic", computed from their index). */
  count?: number;
  /** Sales per page of a pretend supplier, and how long each page takes (ms). */
  pageSize?: number;
  pageDelayMs?: number;
  /** The supplier asks to wait before this page (0-based), once per run: Progress.retry_in_s. */
  retryOnPage?: number | null;
  retrySeconds?: number;
  /** Start with a few past runs (and the sales they imported) in the history, as after some use. */
  history?: boolean;
  now?: () => Date;
}

/** Where a run reports progress: a Tauri Channel (mock.html) or a plain function (unit tests). */
export type ProgressTarget = ((p: Progress) => void) | { id: number; onmessage?: (p: Progress) => void } | null | undefined;

interface TauriInternals {
  runCallback?: (id: number, data: unknown) => void;
}

/** Delivers like Tauri does: `{ index, message }` to the Channel's callback, then `{ index, end }`. */
function sink(target: ProgressTarget): { send: (p: Progress) => void; end: () => void } {
  if (typeof target === 'function') return { send: (p) => target(structuredClone(p)), end: () => {} };
  if (!target || typeof target.id !== 'number') return { send: () => {}, end: () => {} };
  const id = target.id;
  const internals = (globalThis as { __TAURI_INTERNALS__?: TauriInternals }).__TAURI_INTERNALS__;
  let index = 0;
  const run = internals?.runCallback;
  if (run) return { send: (p) => run(id, { index: index++, message: structuredClone(p) }), end: () => run(id, { index: index++, end: true }) };
  return { send: (p) => target.onmessage?.(structuredClone(p)), end: () => {} };
}

// ---------- deterministic data ----------

/** A 32-bit integer hash (lowbias32). */
export function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
const mix2 = (a: number, b: number) => mix(mix(a) ^ Math.imul(b + 0x9e3779b9, 0x85ebca6b));
const pick = <T>(xs: readonly T[], h: number): T => xs[h % xs.length] as T;

const DAY_MS = 86_400_000;
const dayNumber = (d: Date) => Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
function dayOfIso(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const FIRST = ['Ana', 'Bruno', 'Carla', 'Daniel', 'Eduarda', 'Felipe', 'Giulia', 'Heitor', 'Isabela', 'João', 'Karina', 'Lucas', 'Mariana', 'Nicolas', 'Olívia', 'Paulo', 'Rafaela', 'Sérgio', 'Tatiane', 'Vitor', 'Alessandro', 'Chiara', 'Francesco', 'Lorenzo', 'Martina', 'Sofia', 'Matteo', 'Beatriz', 'Gabriel', 'Letícia', 'Rodrigo', 'Fernanda', 'Gustavo', 'Helena', 'Igor', 'Juliana', 'Marcelo', 'Natália', 'Otávio', 'Priscila'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Lima', 'Araújo', 'Fernandes', 'Carvalho', 'Gomes', 'Martins', 'Rocha', 'Ribeiro', 'Alves', 'Monteiro', 'Mendes', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Conceição', 'Barbosa', 'Cardoso', 'Teixeira', 'Moreira', 'Correia', 'Cavalcanti', 'Dias', 'Castro', 'Pinto'];
const CUSTOMERS = FIRST.length * LAST.length;
const customerName = (c: number) => `${FIRST[c % FIRST.length] ?? ''} ${LAST[Math.floor(c / FIRST.length) % LAST.length] ?? ''}`;

/** Product mixes, most common first in the table below. */
const MIXES: ProductKind[][] = [
  ['air_ticket'],
  ['hotel'],
  ['air_ticket', 'hotel'],
  ['air_ticket', 'hotel', 'travel_insurance'],
  ['tour_package'],
  ['car_rental'],
  ['hotel', 'ground_transport'],
  ['air_ticket', 'car_rental'],
  ['travel_insurance'],
  ['services'],
  ['tour_package', 'air_ticket', 'travel_insurance'],
  ['hotel', 'services', 'ground_transport'],
];
const MIX_WEIGHTS = [20, 16, 14, 8, 7, 6, 6, 5, 5, 5, 4, 4];
const MIX_TABLE = MIX_WEIGHTS.flatMap((w, i) => Array<number>(w).fill(i));
const KIND_BIT: Record<ProductKind, number> = {
  car_rental: 1,
  hotel: 2,
  tour_package: 4,
  air_ticket: 8,
  travel_insurance: 16,
  services: 32,
  ground_transport: 64,
  unmapped: 128,
};
const STATUS_TABLE: SaleStatus[] = [...Array<SaleStatus>(14).fill('confirmed'), 'reserved', 'reserved', 'reserved', 'cancelled', 'cancelled', 'other'];

type Flavour = 'infotravel' | 'wooba';

const SUPPLIER_TYPE: Record<Flavour, Record<ProductKind, string>> = {
  infotravel: {
    air_ticket: 'AEREO',
    hotel: 'HOTEL',
    car_rental: 'CARRO',
    travel_insurance: 'SEGURO',
    services: 'SERVICO',
    ground_transport: 'TRANSFER',
    tour_package: 'CIRCUITO',
    unmapped: 'CRUZEIRO',
  },
  wooba: {
    air_ticket: 'Flight',
    hotel: 'Hotel',
    car_rental: 'Car',
    travel_insurance: 'Insurance',
    services: 'Service',
    ground_transport: 'Transfer',
    tour_package: 'Package',
    unmapped: 'Cruise',
  },
};

const PROVIDERS: Record<ProductKind, string[]> = {
  air_ticket: ['LATAM', 'GOL', 'Azul', 'ITA Airways', 'TAP Air Portugal'],
  hotel: ['Hotel Bellavista Firenze', 'Pousada Mar Azul', 'Serra Azul Hotéis', 'Grand Hotel Roma', 'Hotel Copacabana Mar'],
  car_rental: ['Localiza', 'Movida', 'Hertz', 'Unidas'],
  travel_insurance: ['Assist Card', 'Affinity Seguro Viagem', 'GTA Global Travel Assistance'],
  services: ['Ingressos Museus Vaticanos', 'Passeio de escuna Arraial do Cabo', 'Degustação Chianti'],
  ground_transport: ['Litoral Receptivo', 'Transfer Toscana', 'Rota Sul Transportes'],
  tour_package: ['Atlântica Operadora', 'Circuito Itália Clássica', 'BWT Operadora'],
  unmapped: ['Costa Cruzeiros', 'MSC Cruzeiros'],
};
const DESCRIPTIONS: Record<ProductKind, string[]> = {
  air_ticket: ['GRU → FCO · ida e volta · econômica', 'GIG → LIS → FLR · ida e volta', 'CNF → REC · só ida', 'POA → GRU → MXP · ida e volta'],
  hotel: ['2 noites · quarto duplo · café da manhã', '5 noites · suíte superior · meia pensão', '3 noites · quarto triplo'],
  car_rental: ['Grupo C · econômico com ar · retirada no aeroporto', 'Grupo FX · SUV automático · 7 diárias'],
  travel_insurance: ['Plano Europa 60 mil €', 'Plano América do Sul', 'Plano Mundo 150 mil US$'],
  services: ['2 ingressos com hora marcada', 'Passeio de dia inteiro com almoço'],
  ground_transport: ['Aeroporto → hotel (privativo)', 'Hotel → estação Santa Maria Novella'],
  tour_package: ['Itália Clássica · 8 dias · Roma, Florença, Veneza', 'Nordeste encantado · 7 dias'],
  unmapped: ['Cruzeiro pelo Mediterrâneo · 7 noites · cabine externa'],
};
const PAYMENT_TYPES = ['Cartão de crédito', 'PIX', 'Faturado', 'Boleto'];
const SUPPLIER_STATUS: Record<Flavour, Record<SaleStatus, string>> = {
  infotravel: { confirmed: 'CONFIRMADA', reserved: 'RESERVADA', cancelled: 'CANCELADA', other: 'EM ANALISE' },
  wooba: { confirmed: 'Issued', reserved: 'Booked', cancelled: 'Cancelled', other: 'Pending' },
};

// Locators: 6 characters of [0-9A-Z], a bijection of a number below 36^6 (so a locator can be looked up).
const LOC_M = 36 ** 6;
/** Odd and not a multiple of 3, so invertible modulo 36^6 = 2^12·3^12. */
const LOC_A = 1_103_515_249;
const LOC_B = 12_345;
export function locatorOf(n: number): string {
  // (n·A + B) mod 36^6 without leaving the exact integers: A split in 16-bit halves.
  const hi = Math.floor(LOC_A / 65_536);
  const lo = LOC_A % 65_536;
  const v = ((((n * hi) % LOC_M) * 65_536) % LOC_M + ((n * lo) % LOC_M) + LOC_B) % LOC_M;
  return v.toString(36).toUpperCase().padStart(6, '0');
}
const LOC_A_INV = (() => {
  // Modular inverse of LOC_A mod 36^6 (extended Euclid, in BigInt).
  let [r0, r1] = [BigInt(LOC_A), BigInt(LOC_M)];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % BigInt(LOC_M)) + BigInt(LOC_M)) % BigInt(LOC_M);
})();
/** The number behind a locator, or null when the text is not one (exact: upper case only). */
export function locatorNumber(code: string): number | null {
  if (!/^[0-9A-Z]{6}$/.test(code)) return null;
  const v = BigInt(parseInt(code.toLowerCase(), 36));
  return Number((((v - BigInt(LOC_B)) % BigInt(LOC_M) + BigInt(LOC_M)) * LOC_A_INV) % BigInt(LOC_M));
}

/** Everything about a sale that follows from its seed, cheap enough to test a million of them. */
interface Facts {
  seed: number;
  mix: number;
  kinds: number;
  status: SaleStatus;
  flagged: boolean;
  customer: number;
  unmapped: boolean;
  eur: boolean;
}

function facts(seed: number, unmappedOdds: number): Facts {
  const h1 = mix2(seed, 1);
  const h2 = mix2(seed, 2);
  const m = MIX_TABLE[h1 % MIX_TABLE.length] ?? 0;
  const unmapped = h2 % unmappedOdds === 7;
  let kinds = 0;
  for (const k of MIXES[m] ?? []) kinds |= KIND_BIT[k];
  if (unmapped) kinds |= KIND_BIT.unmapped;
  return {
    seed,
    mix: m,
    kinds,
    status: pick(STATUS_TABLE, h1 >>> 8),
    flagged: (h2 >>> 4) % 11 === 0,
    customer: (h2 >>> 8) % CUSTOMERS,
    unmapped,
    eur: (h1 >>> 20) % 10 === 0,
  };
}

/** A whole sale as a supplier client would hand it over (ponte-core's SupplierSale). */
interface Sale {
  supplier_sale_id: string;
  locators: string[];
  sale_date: string;
  sold_at: string | null;
  status: SaleStatus;
  supplier_status: string;
  customer_name: string | null;
  customer_document: string | null;
  customer_email: string | null;
  total_cents: number;
  currency: string;
  products: Product[];
  payments: Payment[];
  needs_manual_payment: boolean;
  raw: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function cpfOf(h: number): string {
  // A valid CPF (check digits computed), formatted.
  const d = String(100_000_000 + (h % 899_999_999)).slice(0, 9).split('').map(Number);
  const dv = (ds: number[]) => {
    const s = ds.reduce((acc, x, i) => acc + x * (ds.length + 1 - i), 0);
    const r = (s * 10) % 11;
    return r === 10 ? 0 : r;
  };
  d.push(dv(d));
  d.push(dv(d));
  const t = d.join('');
  return `${t.slice(0, 3)}.${t.slice(3, 6)}.${t.slice(6, 9)}-${t.slice(9)}`;
}

const kindsOf = (f: Facts): ProductKind[] => (f.unmapped ? [...(MIXES[f.mix] ?? []), 'unmapped'] : [...(MIXES[f.mix] ?? [])]);

/** The locators of a sale (one per product but insurance), without building the rest. */
function saleLocators(f: Facts, locatorBase: number): string[] {
  const out: string[] = [];
  kindsOf(f).forEach((k, i) => {
    if (k !== 'travel_insurance') out.push(locatorOf(locatorBase + i));
  });
  return out;
}

/**
 * Builds the sale; `locatorBase` numbers its locators (product i's is locatorOf(locatorBase + i)). Without
 * `full`, only what a row of the list shows (no passengers' names, payments or supplier JSON): cheap.
 */
function buildSale(
  f: Facts,
  flavour: Flavour,
  id: string,
  locatorBase: number,
  day: number,
  revision: number,
  full = true,
): Sale {
  const h = mix2(f.seed, 3);
  const kinds = kindsOf(f);
  const currency = f.eur ? 'EUR' : 'BRL';
  const name = customerName(f.customer);
  const paxCount = full ? 1 + (h % 4) : 0;
  const passengers: Passenger[] = Array.from({ length: paxCount }, (_, p) => {
    const c = p === 0 ? f.customer : (f.customer + p * 41 + (h % 7)) % CUSTOMERS;
    const type = p === 0 || p === 1 ? 'ADT' : (h >>> (p * 3)) % 3 === 0 ? 'INF' : 'CHD';
    return { name: customerName(c).toUpperCase(), type };
  });
  const start = day + 7 + (h % 60);
  const products: Product[] = kinds.map((k, i) => {
    const hk = mix2(h, i + 10);
    const nights = 1 + (hk % 9);
    const description = pick(DESCRIPTIONS[k], hk >>> 9);
    // One-way flights and single services have no end date.
    const ends = k === 'services' ? null : k === 'air_ticket' && !description.includes('ida e volta') ? null : isoOfDay(start + nights);
    const amount = (k === 'travel_insurance' ? 9_000 : k === 'services' ? 15_000 : 40_000) + (hk % 480_000) + (f.eur ? 0 : 7 * (hk % 1000));
    return {
      kind: k,
      supplier_type: SUPPLIER_TYPE[flavour][k],
      locator: k === 'travel_insurance' ? `AC-${String(hk % 1_000_000).padStart(6, '0')}` : locatorOf(locatorBase + i),
      provider: pick(PROVIDERS[k], hk >>> 3),
      description,
      start_date: isoOfDay(start),
      end_date: ends,
      amount_cents: amount,
      currency,
      passengers: k === 'travel_insurance' ? passengers.slice(0, 1) : passengers,
    };
  });
  const total = products.reduce((s, p) => s + (p.amount_cents ?? 0), 0);
  const status: SaleStatus = revision > 0 && f.status === 'reserved' ? 'confirmed' : f.status;
  // The agency-direct part is not sent by the supplier (seed 000): flagged sales lack it.
  const paid = f.flagged ? Math.round(total * (0.3 + ((h >>> 5) % 5) / 10)) : total;
  const payments: Payment[] =
    f.flagged && (h >>> 12) % 3 === 0
      ? []
      : [{ type: pick(PAYMENT_TYPES, h >>> 14), amount_cents: paid, currency, confirmed: status === 'confirmed' ? true : status === 'reserved' ? false : null }];
  const locators = products.filter((p) => p.kind !== 'travel_insurance').map((p) => p.locator ?? '');
  const soldAt = `${isoOfDay(day)}T${String(9 + (h % 10)).padStart(2, '0')}:${String((h >>> 4) % 60).padStart(2, '0')}:00-03:00`;
  const email = full ? `${fold(name).replace(/\s+/g, '.')}@example.com.br` : null;
  const document = full ? cpfOf(mix2(f.customer, 77)) : null;
  const supplierStatus = SUPPLIER_STATUS[flavour][status];
  const money = (c: number) => Math.round(c) / 100;
  const raw = !full
    ? null
    : flavour === 'infotravel'
      ? {
          reserva: {
            id: Number(id),
            localizador: locators[0] ?? null,
            dataVenda: isoOfDay(day),
            dataHoraVenda: soldAt,
            situacao: supplierStatus,
            revisao: revision,
            cliente: { nome: name, cpf: document, email },
            valorTotal: { valor: money(total), moeda: currency },
            produtos: products.map((p) => ({
              tipo: p.supplier_type,
              localizador: p.locator,
              fornecedor: p.provider,
              descricao: p.description,
              dataInicio: p.start_date,
              dataFim: p.end_date,
              valor: { valor: money(p.amount_cents ?? 0), moeda: currency },
              passageiros: p.passengers.map((x) => ({ nome: x.name, tipo: x.type })),
            })),
            pagamentos: payments.map((p) => ({ forma: p.type, valor: money(p.amount_cents), confirmado: p.confirmed })),
          },
        }
      : {
          SaleId: id,
          Locators: locators,
          SaleDate: isoOfDay(day),
          Status: supplierStatus,
          Revision: revision,
          Customer: { Name: name, Document: document, Email: email },
          Total: { Amount: money(total), Currency: currency },
          Items: products.map((p) => ({
            Type: p.supplier_type,
            Locator: p.locator,
            Supplier: p.provider,
            Description: p.description,
            CheckIn: p.start_date,
            CheckOut: p.end_date,
            Amount: money(p.amount_cents ?? 0),
            Passengers: p.passengers.map((x) => ({ FullName: x.name, PaxType: x.type })),
          })),
          Payments: payments.map((p) => ({ Method: p.type, Amount: money(p.amount_cents), Confirmed: p.confirmed })),
        };
  return {
    supplier_sale_id: id,
    locators,
    sale_date: isoOfDay(day),
    sold_at: soldAt,
    status,
    supplier_status: supplierStatus,
    customer_name: name,
    customer_document: document,
    customer_email: email,
    total_cents: total,
    currency,
    products,
    payments,
    needs_manual_payment: f.flagged,
    raw: raw === null ? '' : JSON.stringify(raw),
  };
}

const kindsText = (mask: number) =>
  (Object.keys(KIND_BIT) as ProductKind[]).filter((k) => (mask & KIND_BIT[k]) !== 0).join(',');

// ---------- errors (ponte-core's ErrorReply shapes) ----------

function invalid(issues: FieldIssue[]): ErrorReply {
  return { code: 'invalid_input', key: 'error.invalid_input', field: issues.length === 1 ? (issues[0]?.field ?? null) : null, fields: issues, params: {} };
}
const fieldIssue = (field: string, key: string, params: Record<string, string> = {}): FieldIssue => ({ field, key, params });
const importError = (code: string): ErrorReply => ({ code, key: `error.import.${code}`, field: null, fields: [], params: {} });
const notFound = (): ErrorReply => ({ code: 'not_found', key: 'error.not_found', field: null, fields: [], params: {} });

type CheckedQuery = { mode: 'document'; document: string } | { mode: 'dates'; from: number; to: number };

/** ponte-import's ImportQuery::check. */
export function checkQuery(q: unknown): CheckedQuery {
  const o = (q ?? {}) as Record<string, unknown>;
  if (o.mode === 'document') {
    const d = String(o.document ?? '').trim();
    if (d === '') throw invalid([fieldIssue('document', 'error.field.required')]);
    if (/\s/.test(d) || [...d].length > 100) throw invalid([fieldIssue('document', 'error.import.document_format')]);
    return { mode: 'document', document: d };
  }
  if (o.mode === 'dates') {
    const f = dayOfIso(String(o.from ?? ''));
    const t = dayOfIso(String(o.to ?? ''));
    const issues: FieldIssue[] = [];
    if (f === null) issues.push(fieldIssue('from', 'error.import.date_format'));
    if (t === null) issues.push(fieldIssue('to', 'error.import.date_format'));
    if (f === null || t === null) throw invalid(issues);
    if (t < f) throw invalid([fieldIssue('to', 'error.import.date_order')]);
    if (t - f >= MAX_RANGE_DAYS) throw invalid([fieldIssue('to', 'error.import.range_too_long', { days: String(MAX_RANGE_DAYS) })]);
    return { mode: 'dates', from: f, to: t };
  }
  // What Tauri answers when the argument does not deserialize.
  throw { code: 'ipc', key: 'error.ipc', field: null, fields: [], params: { detail: `unknown variant \`${String(o.mode)}\`` } } satisfies ErrorReply;
}

// ---------- the store ----------

interface Stored extends Sale {
  id: number;
  integration_id: number;
  revision: number;
  kinds_mask: number;
  first_imported_at: string;
  updated_at: string;
}

/** A record from a pretend supplier: a sale, or one that cannot be read. */
type SupplierRecord = { ok: true; sale: Sale; revision: number; kinds: number } | { ok: false; id: string; detail: string };

interface Job {
  cancelled: boolean;
  wake: (() => void) | null;
}

interface RunRecord extends ImportRun {
  issues: ImportIssue[];
}

const zero = (): Counts => ({ new: 0, updated: 0, unchanged: 0, flagged: 0, unmapped: 0, errors: 0 });

export class MockSales {
  /** Historic sales (ids 1..count), computed from their index: index 0 is the newest. */
  readonly count: number;
  private readonly perDay: number;
  private readonly baseIntegrations: number[];
  private readonly stored = new Map<number, Stored>();
  private readonly byKey = new Map<string, number>();
  /** Stored sales, newest first (sale_date desc, id desc). */
  private storedOrder: Stored[] = [];
  private nextId: number;
  private readonly runs: RunRecord[] = [];
  private nextRunId = 1;
  private readonly jobs = new Map<number, Job>();
  /** Completed runs per integration: some supplier records change after each (they come back "updated"). */
  private readonly epochs = new Map<number, number>();
  private readonly countCache = new Map<string, number>();
  private readonly pageSize: number;
  private readonly pageDelayMs: number;
  private readonly retryOnPage: number | null;
  private readonly retrySeconds: number;
  private readonly now: () => Date;
  /** The last CSV export asked for (tests look at the separator). */
  lastExport: { filter: SalesFilter; separator: string; path: string | null } | null = null;

  constructor(
    private readonly host: SalesHost,
    opts: MockSalesOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.pageSize = Math.max(1, opts.pageSize ?? 20);
    this.pageDelayMs = Math.max(0, opts.pageDelayMs ?? 250);
    this.retryOnPage = opts.retryOnPage ?? null;
    this.retrySeconds = opts.retrySeconds ?? 2;
    this.baseIntegrations = host.integrations.filter((i) => i.type !== 'paytourist').map((i) => i.id);
    this.count = this.baseIntegrations.length === 0 ? 0 : Math.max(0, Math.floor(opts.count ?? 0));
    this.perDay = Math.max(20, Math.ceil(this.count / 3650));
    this.nextId = this.count + 1;
    if (opts.history) this.seedHistory();
  }

  private today(): number {
    return dayNumber(this.now());
  }

  private known: Map<number, Integration> | null = null;

  /** The host's integrations, read once per command (the host builds them on each read). */
  private integrations(): Map<number, Integration> {
    this.known ??= new Map(this.host.integrations.map((i) => [i.id, i]));
    return this.known;
  }

  private integration(id: number): Integration {
    const i = this.integrations().get(id);
    if (!i) throw notFound();
    return i;
  }

  private integrationName(id: number): string {
    return this.integrations().get(id)?.description ?? `#${id}`;
  }

  // ----- historic sales -----

  private baseDay(i: number): number {
    return this.today() - 2 - Math.floor(i / this.perDay);
  }

  private baseFacts(i: number): Facts {
    return facts(mix2(this.count - i, 0x5a1e), 97);
  }

  private baseIntegration(f: Facts): number {
    return this.baseIntegrations[(f.seed >>> 3) % this.baseIntegrations.length] ?? 0;
  }

  private baseSaleId(i: number): string {
    return String(5_000_000 + (this.count - i));
  }

  private baseRow(i: number): SaleRow {
    const f = this.baseFacts(i);
    const integration_id = this.baseIntegration(f);
    const sale = this.baseSale(i, f, false);
    return {
      id: this.count - i,
      integration_id,
      integration: this.integrationName(integration_id),
      supplier_sale_id: sale.supplier_sale_id,
      locators: sale.locators.join(' '),
      sale_date: sale.sale_date,
      status: sale.status,
      customer_name: sale.customer_name,
      total_cents: sale.total_cents,
      currency: sale.currency,
      needs_manual_payment: sale.needs_manual_payment,
      kinds: kindsText(f.kinds),
    };
  }

  private baseSale(i: number, f = this.baseFacts(i), full = true): Sale {
    const flavour = this.flavour(this.baseIntegration(f));
    return buildSale(f, flavour, this.baseSaleId(i), (this.count - i) * 4, this.baseDay(i), 0, full);
  }

  private flavour(integrationId: number): Flavour {
    return this.integrations().get(integrationId)?.type === 'wooba' ? 'wooba' : 'infotravel';
  }

  // ----- pretend suppliers -----

  /** How many sales a supplier has on a day (deterministic). */
  private perSupplierDay(integrationId: number, day: number): number {
    return 18 + (mix2(integrationId * 100_003, day) % 22);
  }

  private supplierSeed(integrationId: number, day: number, j: number): number {
    return mix2(mix2(integrationId, day), j);
  }

  private supplierLocatorBase(integrationId: number, day: number, j: number): number {
    return (integrationId * 10_000_000 + day * 100 + j) * 4 + 1_000_000_000;
  }

  private supplierRecord(integrationId: number, day: number, j: number): SupplierRecord {
    const seed = this.supplierSeed(integrationId, day, j);
    const id = String(day * 100 + j);
    if (seed % 47 === 5) return { ok: false, id, detail: 'missing field `dataVenda` at line 1 column 214' };
    const f = facts(seed, 23);
    // Every day has a few sales paid straight to the agency, so that demos and tests always meet some.
    if (j % 9 === 4) f.flagged = true;
    const epoch = this.epochs.get(integrationId) ?? 0;
    // One record in eight changes at the supplier after each completed import (status, revision).
    const revision = (seed >>> 7) % 8 === 0 ? epoch : 0;
    const sale = buildSale(f, this.flavour(integrationId), id, this.supplierLocatorBase(integrationId, day, j), day, revision);
    return { ok: true, sale, revision, kinds: f.kinds };
  }

  /** Whether the supplier's record (day, j) is the document: its id or one of its locators, exactly. */
  private isDocument(integrationId: number, day: number, j: number, doc: string): boolean {
    if (doc === String(day * 100 + j)) return true;
    const seed = this.supplierSeed(integrationId, day, j);
    return seed % 47 !== 5 && saleLocators(facts(seed, 23), this.supplierLocatorBase(integrationId, day, j)).includes(doc);
  }

  /** What the supplier answers to a query, in its order (oldest day first). */
  private supplierRecords(integrationId: number, q: CheckedQuery): SupplierRecord[] {
    const out: SupplierRecord[] = [];
    if (q.mode === 'dates') {
      for (let d = q.from; d <= q.to; d++) {
        const n = this.perSupplierDay(integrationId, d);
        for (let j = 0; j < n; j++) out.push(this.supplierRecord(integrationId, d, j));
      }
      return out;
    }
    // By document: the sale whose id or a locator is exactly the document (case-sensitive), in the last 400 days.
    const today = this.today();
    for (let d = today; d > today - 400; d--) {
      const n = this.perSupplierDay(integrationId, d);
      for (let j = 0; j < n; j++) if (this.isDocument(integrationId, d, j, q.document)) return [this.supplierRecord(integrationId, d, j)];
    }
    return out;
  }

  /** A document the supplier of `integrationId` knows (its first sale `daysAgo` days ago), for tests and demos. */
  documentFor(integrationId: number, daysAgo = 3, which: 'id' | 'locator' = 'locator'): string {
    const day = this.today() - daysAgo;
    for (let j = 0; ; j++) {
      const r = this.supplierRecord(integrationId, day, j);
      if (r.ok) return which === 'id' ? r.sale.supplier_sale_id : (r.sale.locators[0] ?? r.sale.supplier_sale_id);
    }
  }

  // ----- runs -----

  private classify(integrationId: number, r: SupplierRecord & { ok: true }): Change {
    const id = this.byKey.get(`${integrationId}/${r.sale.supplier_sale_id}`);
    if (id === undefined) return 'new';
    return this.stored.get(id)?.revision === r.revision ? 'unchanged' : 'updated';
  }

  private write(integrationId: number, r: SupplierRecord & { ok: true }, at: string): Change {
    const change = this.classify(integrationId, r);
    if (change === 'unchanged') return change;
    const key = `${integrationId}/${r.sale.supplier_sale_id}`;
    const id = this.byKey.get(key) ?? this.nextId++;
    const before = this.stored.get(id);
    this.stored.set(id, {
      ...r.sale,
      id,
      integration_id: integrationId,
      revision: r.revision,
      kinds_mask: r.kinds,
      first_imported_at: before?.first_imported_at ?? at,
      updated_at: at,
    });
    this.byKey.set(key, id);
    return change;
  }

  private reorder() {
    this.storedOrder = [...this.stored.values()].sort((a, b) => (a.sale_date < b.sale_date ? 1 : a.sale_date > b.sale_date ? -1 : b.id - a.id));
    this.countCache.clear();
  }

  /** Runs the pages; `dryRun` classifies without writing (preview). */
  private async drive(integrationId: number, rawQuery: unknown, target: ProgressTarget, dryRun: boolean): Promise<RunSummary> {
    const q = checkQuery(rawQuery);
    const integration = this.integration(integrationId);
    if (integration.type === 'paytourist') throw importError('not_importable');
    if (!integration.enabled) throw importError('integration_disabled');
    if (this.jobs.has(integrationId)) throw importError('import_running');
    const job: Job = { cancelled: false, wake: null };
    this.jobs.set(integrationId, job);
    const out = sink(target);
    const started = Date.now();
    const counts = zero();
    const items: PreviewItem[] = [];
    let pages = 0;
    let pagesTotal: number | null = null;
    let salesDone = 0;
    let salesTotal: number | null = null;
    const run: RunRecord | null = dryRun
      ? null
      : {
          id: this.nextRunId++,
          integration_id: integrationId,
          integration: integration.description,
          mode: q.mode,
          document: q.mode === 'document' ? q.document : null,
          date_from: q.mode === 'dates' ? isoOfDay(q.from) : null,
          date_to: q.mode === 'dates' ? isoOfDay(q.to) : null,
          started_at: stamp(this.now().getTime()),
          finished_at: null,
          outcome: 'running',
          pages_done: 0,
          pages_total: null,
          counts: zero(),
          error_code: null,
          error_detail: null,
          issues: [],
        };
    if (run) this.runs.push(run);
    const progress = (retry: number | null): Progress => {
      const elapsed = Date.now() - started;
      return {
        run_id: run?.id ?? null,
        pages_done: pages,
        pages_total: pagesTotal,
        sales_done: salesDone,
        sales_total: salesTotal,
        counts: { ...counts },
        elapsed_ms: elapsed,
        eta_ms: pagesTotal !== null && pages > 0 ? Math.floor(elapsed / pages) * Math.max(0, pagesTotal - pages) : null,
        retry_in_s: retry,
      };
    };
    const finish = (outcome: Outcome, error: ErrorReply | null, detail: string | null): RunSummary => {
      if (run) {
        run.outcome = outcome;
        run.finished_at = stamp(this.now().getTime());
        run.error_code = error?.code ?? null;
        run.error_detail = detail;
        if (outcome === 'completed') this.epochs.set(integrationId, (this.epochs.get(integrationId) ?? 0) + 1);
      }
      return { run_id: run?.id ?? null, outcome, counts: { ...counts }, pages, duration_ms: Date.now() - started, error, items };
    };
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          job.wake = null;
          resolve();
        }, ms);
        job.wake = () => {
          clearTimeout(timer);
          job.wake = null;
          resolve();
        };
      });
    try {
      const records = this.supplierRecords(integrationId, q);
      const accepted = this.host.keyring.get(`integration/${integrationId}/password`) === GOOD_PASSWORD;
      const total = Math.max(1, Math.ceil(records.length / this.pageSize));
      let retried = false;
      for (;;) {
        if (job.cancelled) return finish('cancelled', null, null);
        if (pages === this.retryOnPage && !retried) {
          retried = true;
          out.send(progress(this.retrySeconds));
          await sleep(this.retrySeconds * 1000);
          if (job.cancelled) return finish('cancelled', null, null);
        }
        // Fetching a page: a cancel now takes effect once the page is in (whole pages only).
        await new Promise((r) => setTimeout(r, this.pageDelayMs));
        if (!accepted) {
          const e: ErrorReply = { code: 'invalid_credentials', key: 'error.supplier.invalid_credentials', field: null, fields: [], params: {} };
          return finish('failed', e, 'the supplier refused the credentials (HTTP 401)');
        }
        pagesTotal = total;
        salesTotal = records.length;
        const page = records.slice(pages * this.pageSize, (pages + 1) * this.pageSize);
        const at = stamp(this.now().getTime());
        for (const r of page) {
          if (!r.ok) {
            counts.errors++;
            run?.issues.push({ supplier_sale_id: r.id, kind: 'malformed', detail: r.detail });
            if (items.length < PREVIEW_LIMIT)
              items.push({ supplier_sale_id: r.id, locators: '', sale_date: null, customer_name: null, total_cents: null, currency: null, change: null, flagged: false, unmapped: [], problem: r.detail });
            continue;
          }
          const change = dryRun ? this.classify(integrationId, r) : this.write(integrationId, r, at);
          counts[change]++;
          if (r.sale.needs_manual_payment) counts.flagged++;
          const unmapped = r.sale.products.filter((p) => p.kind === 'unmapped').map((p) => p.supplier_type);
          counts.unmapped += unmapped.length;
          for (const t of unmapped) run?.issues.push({ supplier_sale_id: r.sale.supplier_sale_id, kind: 'unmapped', detail: t });
          if (dryRun && items.length < PREVIEW_LIMIT)
            items.push({
              supplier_sale_id: r.sale.supplier_sale_id,
              locators: r.sale.locators.join(' '),
              sale_date: r.sale.sale_date,
              customer_name: r.sale.customer_name,
              total_cents: r.sale.total_cents,
              currency: r.sale.currency,
              change,
              flagged: r.sale.needs_manual_payment,
              unmapped,
              problem: null,
            });
        }
        if (!dryRun) this.reorder();
        pages++;
        salesDone += page.length;
        if (run) {
          run.pages_done = pages;
          run.pages_total = pagesTotal;
          run.counts = { ...counts };
        }
        out.send(progress(null));
        if (pages >= total) return finish('completed', null, null);
      }
    } finally {
      this.jobs.delete(integrationId);
      out.end();
    }
  }

  /** Stops a running import or preview after the page it is on; false when none is running. */
  cancel(integrationId: number): boolean {
    const job = this.jobs.get(integrationId);
    if (!job) return false;
    job.cancelled = true;
    job.wake?.();
    return true;
  }

  /** Past runs for demos: finished imports of the last month, a cancelled one and a failed one. */
  private seedHistory() {
    const today = this.today();
    const good = this.host.integrations.filter((i) => i.type !== 'paytourist' && i.enabled && this.host.keyring.get(`integration/${i.id}/password`) === GOOD_PASSWORD);
    const bad = this.host.integrations.find((i) => i.type !== 'paytourist' && i.enabled && this.host.keyring.get(`integration/${i.id}/password`) !== GOOD_PASSWORD);
    const first = good[0];
    const record = (integration: Integration, q: CheckedQuery, daysAgo: number, minutes: number, outcome: Outcome, keep: number | null) => {
      const startedMs = this.now().getTime() - daysAgo * DAY_MS - minutes * 60_000;
      const at = stamp(startedMs);
      const records = this.supplierRecords(integration.id, q);
      const taken = keep === null ? records : records.slice(0, keep);
      const counts = zero();
      const issues: ImportIssue[] = [];
      if (outcome !== 'failed')
        for (const r of taken) {
          if (!r.ok) {
            counts.errors++;
            issues.push({ supplier_sale_id: r.id, kind: 'malformed', detail: r.detail });
            continue;
          }
          counts[this.write(integration.id, r, at)]++;
          if (r.sale.needs_manual_payment) counts.flagged++;
          for (const p of r.sale.products)
            if (p.kind === 'unmapped') {
              counts.unmapped++;
              issues.push({ supplier_sale_id: r.sale.supplier_sale_id, kind: 'unmapped', detail: p.supplier_type });
            }
        }
      const pagesTotal = Math.max(1, Math.ceil(records.length / this.pageSize));
      const pagesDone = outcome === 'failed' ? 0 : Math.ceil(taken.length / this.pageSize);
      this.runs.push({
        id: this.nextRunId++,
        integration_id: integration.id,
        integration: integration.description,
        mode: q.mode,
        document: q.mode === 'document' ? q.document : null,
        date_from: q.mode === 'dates' ? isoOfDay(q.from) : null,
        date_to: q.mode === 'dates' ? isoOfDay(q.to) : null,
        started_at: at,
        finished_at: stamp(startedMs + 4_000 + pagesDone * 1_300),
        outcome,
        pages_done: pagesDone,
        pages_total: outcome === 'failed' ? null : pagesTotal,
        counts,
        error_code: outcome === 'failed' ? 'invalid_credentials' : null,
        error_detail: outcome === 'failed' ? 'the supplier refused the credentials (HTTP 401)' : null,
        issues,
      });
      if (outcome === 'completed') this.epochs.set(integration.id, (this.epochs.get(integration.id) ?? 0) + 1);
    };
    if (first) {
      record(first, { mode: 'dates', from: today - 30, to: today - 8 }, 8, 30, 'completed', null);
      record(first, { mode: 'dates', from: today - 7, to: today - 1 }, 1, 45, 'cancelled', 60);
    }
    if (bad) record(bad, { mode: 'dates', from: today - 7, to: today - 1 }, 1, 20, 'failed', null);
    if (first) {
      record(first, { mode: 'dates', from: today - 7, to: today - 1 }, 1, 10, 'completed', null);
      record(first, { mode: 'document', document: this.documentFor(first.id, 12) }, 0, 90, 'completed', null);
    }
    this.reorder();
  }

  runsList(integrationId: number | null): ImportRun[] {
    return this.runs
      .filter((r) => integrationId === null || r.integration_id === integrationId)
      .sort((a, b) => b.id - a.id)
      .slice(0, 200)
      .map(({ issues: _i, ...r }) => ({ ...r, counts: { ...r.counts } }));
  }

  issues(runId: number): ImportIssue[] {
    return (this.runs.find((r) => r.id === runId)?.issues ?? []).map((i) => ({ ...i }));
  }

  // ----- the sales table -----

  private matcher(filter: Partial<SalesFilter>) {
    const q = (filter.query ?? '').trim();
    const name = q.toLowerCase();
    const customers = new Set<number>();
    const docIds = new Set<number>();
    if (q !== '') {
      for (let c = 0; c < CUSTOMERS; c++) if (customerName(c).toLowerCase().includes(name)) customers.add(c);
      if (/^\d+$/.test(q)) docIds.add(Number(q) - 5_000_000);
      const n = locatorNumber(q);
      if (n !== null) docIds.add(Math.floor(n / 4));
    }
    const kindBit = filter.kind ? KIND_BIT[filter.kind] : 0;
    const keep = (f: { kinds: number; status: SaleStatus; flagged: boolean; integration: number }) =>
      (filter.integration_id === null || filter.integration_id === undefined || f.integration === filter.integration_id) &&
      (!filter.status || f.status === filter.status) &&
      (!filter.flagged_only || f.flagged) &&
      (kindBit === 0 || (f.kinds & kindBit) !== 0);
    return {
      base: (i: number) => {
        const f = this.baseFacts(i);
        if (!keep({ kinds: f.kinds, status: f.status, flagged: f.flagged, integration: this.baseIntegration(f) })) return false;
        if (q === '') return true;
        if (customers.has(f.customer)) return true;
        if (!docIds.has(this.count - i)) return false;
        return this.baseSaleId(i) === q || saleLocators(f, (this.count - i) * 4).includes(q);
      },
      stored: (s: Stored) =>
        keep({ kinds: s.kinds_mask, status: s.status, flagged: s.needs_manual_payment, integration: s.integration_id }) &&
        (!filter.date_from || s.sale_date >= filter.date_from) &&
        (!filter.date_to || s.sale_date <= filter.date_to) &&
        (q === '' || s.supplier_sale_id === q || s.locators.includes(q) || (s.customer_name ?? '').toLowerCase().includes(name)),
    };
  }

  /** Indices [lo, hi) of the historic sales within the filter's dates. */
  private baseRange(filter: Partial<SalesFilter>): [number, number] {
    const today = this.today();
    let lo = 0;
    let hi = this.count;
    const to = filter.date_to ? dayOfIso(filter.date_to) : null;
    const from = filter.date_from ? dayOfIso(filter.date_from) : null;
    if (to !== null) lo = Math.max(lo, (today - 2 - to) * this.perDay);
    if (from !== null) hi = Math.min(hi, (today - 2 - from + 1) * this.perDay);
    return [Math.max(0, Math.min(lo, this.count)), Math.max(0, Math.min(hi, this.count))];
  }

  private key(filter: Partial<SalesFilter>): string {
    return JSON.stringify([filter.query?.trim() ?? '', filter.integration_id ?? null, filter.kind ?? null, filter.status ?? null, !!filter.flagged_only, filter.date_from ?? null, filter.date_to ?? null]);
  }

  salesCount(filter: Partial<SalesFilter>): number {
    const key = this.key(filter);
    const cached = this.countCache.get(key);
    if (cached !== undefined) return cached;
    const m = this.matcher(filter);
    const [lo, hi] = this.baseRange(filter);
    let n = 0;
    const plain = !filter.query?.trim() && !filter.kind && !filter.status && !filter.flagged_only && (filter.integration_id ?? null) === null;
    if (plain) n = hi - lo;
    else for (let i = lo; i < hi; i++) if (m.base(i)) n++;
    for (const s of this.storedOrder) if (m.stored(s)) n++;
    this.countCache.set(key, n);
    return n;
  }

  salesPage(filter: Partial<SalesFilter>, cursor: SalesCursor | null, limit: number): SalesPage {
    const lim = Math.min(MAX_PAGE, Math.max(1, Math.floor(limit) || 1));
    const m = this.matcher(filter);
    const before = (date: string, id: number) => cursor === null || date < cursor.sale_date || (date === cursor.sale_date && id < cursor.id);
    // Historic sales: (date, id) strictly decrease with the index, so the cursor is found by bisection.
    const [from, hi] = this.baseRange(filter);
    let lo = from;
    if (cursor !== null) {
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (before(isoOfDay(this.baseDay(mid)), this.count - mid)) b = mid;
        else a = mid + 1;
      }
      lo = a;
    }
    const base: SaleRow[] = [];
    for (let i = lo; i < hi && base.length < lim; i++) if (m.base(i)) base.push(this.baseRow(i));
    const stored: SaleRow[] = [];
    for (const s of this.storedOrder) {
      if (stored.length >= lim) break;
      if (before(s.sale_date, s.id) && m.stored(s)) stored.push(this.storedRow(s));
    }
    const rows: SaleRow[] = [];
    let a = 0;
    let b = 0;
    while (rows.length < lim && (a < base.length || b < stored.length)) {
      const x = base[a];
      const y = stored[b];
      const takeBase = y === undefined || (x !== undefined && (x.sale_date > y.sale_date || (x.sale_date === y.sale_date && x.id > y.id)));
      if (takeBase && x) {
        rows.push(x);
        a++;
      } else if (y) {
        rows.push(y);
        b++;
      }
    }
    const last = rows[rows.length - 1];
    return { rows, next: rows.length === lim && last ? { sale_date: last.sale_date, id: last.id } : null };
  }

  private storedRow(s: Stored): SaleRow {
    return {
      id: s.id,
      integration_id: s.integration_id,
      integration: this.integrationName(s.integration_id),
      supplier_sale_id: s.supplier_sale_id,
      locators: s.locators.join(' '),
      sale_date: s.sale_date,
      status: s.status,
      customer_name: s.customer_name,
      total_cents: s.total_cents,
      currency: s.currency,
      needs_manual_payment: s.needs_manual_payment,
      kinds: kindsText(s.kinds_mask),
    };
  }

  detail(id: number): SaleDetail {
    let sale: Sale;
    let row: SaleRow;
    let first: string;
    let updated: string;
    const s = this.stored.get(id);
    if (s) {
      sale = s;
      row = this.storedRow(s);
      first = s.first_imported_at;
      updated = s.updated_at;
    } else if (Number.isInteger(id) && id >= 1 && id <= this.count) {
      const i = this.count - id;
      sale = this.baseSale(i);
      row = this.baseRow(i);
      first = `${isoOfDay(this.baseDay(i) + 1)}T06:${String(id % 60).padStart(2, '0')}:00Z`;
      updated = first;
    } else throw notFound();
    return {
      sale: row,
      sold_at: sale.sold_at,
      supplier_status: sale.supplier_status,
      customer_document: sale.customer_document,
      customer_email: sale.customer_email,
      products: structuredClone(sale.products),
      payments: structuredClone(sale.payments),
      raw: sale.raw,
      first_imported_at: first,
      updated_at: updated,
    };
  }

  exportCsv(filter: Partial<SalesFilter>, separator: string, path: string | null): CsvExport | null {
    this.lastExport = { filter: structuredClone(filter) as SalesFilter, separator, path };
    if (path !== null && !path.toLowerCase().endsWith('.csv'))
      throw invalid([fieldIssue('path', 'error.export.extension')]);
    return { path: path ?? EXPORT_PATH, rows: this.salesCount(filter) };
  }

  // ----- scheduled imports (ponte-import's schedule.rs) -----

  /** Daily import times ("07:00") by integration. */
  private readonly schedules = new Map<number, string>();

  scheduleGet(integrationId: number): string | null {
    return this.schedules.get(integrationId) ?? null;
  }

  /** Sets ("07:00") or clears (null, blank) the daily import of yesterday's sales, like schedule::set. */
  scheduleSet(integrationId: number, time: string | null): null {
    const t = (time ?? '').trim();
    if (t === '') this.schedules.delete(integrationId);
    else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) throw invalid([fieldIssue('time', 'error.reminders.time')]);
    else this.schedules.set(integrationId, t);
    return null;
  }

  /** An integration was deleted: its sales and runs go with it (ON DELETE CASCADE), and its schedule. */
  forget(integrationId: number) {
    for (const [id, s] of this.stored)
      if (s.integration_id === integrationId) {
        this.stored.delete(id);
        this.byKey.delete(`${integrationId}/${s.supplier_sale_id}`);
      }
    this.reorder();
    for (let i = this.runs.length - 1; i >= 0; i--) if (this.runs[i]?.integration_id === integrationId) this.runs.splice(i, 1);
    this.epochs.delete(integrationId);
    this.schedules.delete(integrationId);
  }

  /** Every command this mock answers. */
  static readonly COMMANDS = [
    'import_preview',
    'import_run',
    'import_cancel',
    'import_runs',
    'import_issues',
    'import_schedule_get',
    'import_schedule_set',
    'sales_page',
    'sales_count',
    'sale_detail',
    'sales_export_csv',
  ];

  handles(cmd: string): boolean {
    return MockSales.COMMANDS.includes(cmd);
  }

  /** One IPC command with its arguments as the page sends them (camelCase). Imports answer with a Promise. */
  handle(cmd: string, args: Record<string, unknown>): unknown {
    this.known = null;
    const num = (v: unknown) => Number(v);
    const filter = (args.filter ?? {}) as Partial<SalesFilter>;
    switch (cmd) {
      case 'import_preview':
      case 'import_run':
        return this.drive(num(args.integrationId), args.query as ImportQuery, args.onProgress as ProgressTarget, cmd === 'import_preview');
      case 'import_cancel':
        return this.cancel(num(args.integrationId));
      case 'import_runs':
        return this.runsList(args.integrationId === null || args.integrationId === undefined ? null : num(args.integrationId));
      case 'import_issues':
        return this.issues(num(args.runId));
      case 'import_schedule_get':
        return this.scheduleGet(num(args.integrationId));
      case 'import_schedule_set': {
        // An Option argument: null or left out both mean "no schedule".
        const t = args.time;
        return this.scheduleSet(num(args.integrationId), t === null || t === undefined ? null : String(t));
      }
      case 'sales_page':
        return this.salesPage(filter, (args.cursor as SalesCursor | null | undefined) ?? null, num(args.limit ?? 100));
      case 'sales_count':
        return this.salesCount(filter);
      case 'sale_detail':
        return this.detail(num(args.id));
      case 'sales_export_csv':
        return this.exportCsv(filter, String(args.separator ?? ','), (args.path as string | null | undefined) ?? null);
      default:
        throw `command ${cmd} not found`;
    }
  }
}
