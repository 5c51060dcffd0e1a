// An in-memory fake of the Rust backend, reproducing the IPC contract (commands, argument names,
// replies and ErrorReply shapes) for browser tests and for working on the UI without Rust.
// Used only by mock.html; the shipped build never contains it.
import type { AppInfo } from '../bindings/AppInfo';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { Locale } from '../bindings/Locale';
import type { Person } from '../bindings/Person';
import type { PersonInput } from '../bindings/PersonInput';
import type { PersonKind } from '../bindings/PersonKind';
import { documentProblemKey, formatDocument, validateDocument } from '../documents';
import { isLocale } from '../i18n';

export const MAX_NAME_CHARS = 200;
export const MAX_EMAIL_CHARS = 254;
export const MAX_SEARCH_RESULTS = 200;

export interface MockOptions {
  locale?: Locale;
  version?: string;
  dataDir?: string;
  /** Start as if the data folder could not be opened. */
  startupError?: ErrorReply | null;
  /** People to start with (ids are assigned in order). */
  seed?: PersonInput[];
  /** Names of seeded people that an integration links to (deleting them is refused). */
  linked?: string[];
  now?: () => Date;
}

function reply(code: string, fields: FieldIssue[] = [], params: Record<string, string> = {}): ErrorReply {
  return { code, key: `error.${code}`, field: fields.length === 1 ? (fields[0]?.field ?? null) : null, fields, params };
}

function issue(field: string, key: string, params: Record<string, string> = {}): FieldIssue {
  return { field, key, params };
}

/** Lower-case, accent-free, single-spaced (ponte-core's text::fold). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

const blankToNull = (s: string | null | undefined): string | null => {
  const v = (s ?? '').trim();
  return v === '' ? null : v;
};

const chars = (s: string) => [...s].length;

function validPhone(p: string): boolean {
  const digits = [...p].filter((c) => c >= '0' && c <= '9').length;
  return /^[0-9 +().-]*$/.test(p) && digits >= 8 && digits <= 15;
}

function validEmail(e: string): boolean {
  return chars(e) <= MAX_EMAIL_CHARS && /^[^\s@]+@[^\s@]+$/.test(e) && e.includes('.');
}

interface Row extends Person {
  search: string;
}

export class MockBackend {
  locale: Locale;
  readonly version: string;
  readonly dataDir: string;
  readonly startupError: ErrorReply | null;
  private rows: Row[] = [];
  private nextId = 1;
  private linked = new Set<number>();
  private readonly now: () => Date;
  /** Every command received, for tests. */
  readonly calls: { cmd: string; args: unknown }[] = [];

  constructor(opts: MockOptions = {}) {
    this.locale = opts.locale ?? 'pt-BR';
    this.version = opts.version ?? '0.1.0';
    this.dataDir = opts.dataDir ?? '/home/agencia/.local/share/io.ponte.desktop';
    this.startupError = opts.startupError ?? null;
    this.now = opts.now ?? (() => new Date());
    for (const input of opts.seed ?? []) {
      const p = this.create(input);
      if (opts.linked?.includes(p.name)) this.linked.add(p.id);
    }
  }

  get people(): readonly Person[] {
    return this.rows.map(({ search: _s, ...p }) => p);
  }

  private stamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private validate(input: PersonInput) {
    const kind = input.kind;
    if (kind !== 'company' && kind !== 'individual') throw reply('invalid_input', [issue('kind', 'error.field.required')]);
    const issues: FieldIssue[] = [];
    const name = (input.name ?? '').trim();
    if (name === '') issues.push(issue('name', 'error.field.required'));
    else if (chars(name) > MAX_NAME_CHARS) issues.push(issue('name', 'error.field.too_long', { max: String(MAX_NAME_CHARS) }));
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) issues.push(issue('name', 'error.field.control_chars'));
    const trade_name = kind === 'company' ? blankToNull(input.trade_name) : null;
    if (trade_name !== null && chars(trade_name) > MAX_NAME_CHARS)
      issues.push(issue('trade_name', 'error.field.too_long', { max: String(MAX_NAME_CHARS) }));
    let document: string | null = null;
    const rawDoc = blankToNull(input.document);
    if (rawDoc !== null) {
      const r = validateDocument(kind, rawDoc);
      if (r.ok) document = r.value;
      else issues.push(issue('document', documentProblemKey(kind, r.problem)));
    }
    const email = blankToNull(input.email);
    if (email !== null && !validEmail(email)) issues.push(issue('email', 'error.email.invalid'));
    const phone = blankToNull(input.phone);
    if (phone !== null && !validPhone(phone)) issues.push(issue('phone', 'error.phone.invalid'));
    if (issues.length > 0) throw reply('invalid_input', issues);
    return { kind, name, trade_name, document, email, phone };
  }

  private checkDuplicate(kind: PersonKind, document: string | null, exceptId: number | null) {
    if (document === null) return;
    const other = this.rows.find((r) => r.kind === kind && r.document === document && r.id !== exceptId);
    if (other)
      throw reply('duplicate_document', [issue('document', 'error.duplicate_document', { name: other.name })], {
        name: other.name,
        id: String(other.id),
      });
  }

  private index(p: Person): string {
    const parts = [fold(p.name)];
    if (p.trade_name) parts.push(fold(p.trade_name));
    if (p.document) parts.push(p.document.toLowerCase(), formatDocument(p.kind, p.document).toLowerCase());
    return parts.join(' ');
  }

  private row(id: number): Row {
    const r = this.rows.find((x) => x.id === id);
    if (!r) throw reply('not_found');
    return r;
  }

  private strip(r: Row): Person {
    const { search: _s, ...p } = r;
    return { ...p };
  }

  create(input: PersonInput): Person {
    const c = this.validate(input);
    this.checkDuplicate(c.kind, c.document, null);
    const ts = this.stamp();
    const p: Person = {
      id: this.nextId++,
      ...c,
      document_display: c.document === null ? null : formatDocument(c.kind, c.document),
      created_at: ts,
      updated_at: ts,
    };
    this.rows.push({ ...p, search: this.index(p) });
    return { ...p };
  }

  update(id: number, input: PersonInput): Person {
    const c = this.validate(input);
    const r = this.row(id);
    this.checkDuplicate(c.kind, c.document, id);
    Object.assign(r, c, {
      document_display: c.document === null ? null : formatDocument(c.kind, c.document),
      updated_at: this.stamp(),
    });
    r.search = this.index(r);
    return this.strip(r);
  }

  remove(id: number): null {
    this.row(id);
    if (this.linked.has(id)) throw reply('person_in_use', [], { count: '1' });
    this.rows = this.rows.filter((r) => r.id !== id);
    return null;
  }

  search(query: string, kind: PersonKind | null): Person[] {
    const words = fold(query).split(' ').filter(Boolean);
    const collator = new Intl.Collator('en', { sensitivity: 'accent' });
    return this.rows
      .filter((r) => words.every((w) => r.search.includes(w)) && (kind === null || r.kind === kind))
      .sort((a, b) => collator.compare(a.name.toLowerCase(), b.name.toLowerCase()) || a.id - b.id)
      .slice(0, MAX_SEARCH_RESULTS)
      .map((r) => this.strip(r));
  }

  private requireDb() {
    if (this.startupError) throw this.startupError;
  }

  /** One IPC command, as the Rust side receives it. Throws an ErrorReply like a rejected invoke. */
  handle(cmd: string, rawArgs: unknown): unknown {
    const args = (rawArgs ?? {}) as Record<string, unknown>;
    this.calls.push({ cmd, args });
    switch (cmd) {
      case 'app_info': {
        const info: AppInfo = {
          version: this.version,
          data_dir: this.dataDir,
          locale: this.locale,
          startup_error: this.startupError,
        };
        return info;
      }
      case 'set_locale':
        this.requireDb();
        if (!isLocale(args.locale)) throw reply('ipc', [], { detail: `unknown variant \`${String(args.locale)}\`` });
        this.locale = args.locale;
        return null;
      case 'people_search':
        this.requireDb();
        return this.search(String(args.query ?? ''), (args.kind as PersonKind | null) ?? null);
      case 'person_get':
        this.requireDb();
        return this.strip(this.row(Number(args.id)));
      case 'person_create':
        this.requireDb();
        return this.create(args.input as PersonInput);
      case 'person_update':
        this.requireDb();
        return this.update(Number(args.id), args.input as PersonInput);
      case 'person_delete':
        this.requireDb();
        return this.remove(Number(args.id));
      default:
        // What Tauri answers for a command that is not registered.
        throw `command ${cmd} not found`;
    }
  }
}

/** A realistic set of people for demos and screenshots (documents valid, as the backend would store them). */
export const DEMO_PEOPLE: PersonInput[] = [
  { kind: 'company', name: 'Atlântica Operadora de Viagens Ltda', trade_name: 'Atlântica Operadora', document: '45.781.392/0001-01', email: 'comercial@atlantica.example.com.br', phone: '+55 11 3456-7890' },
  { kind: 'company', name: 'Hotel Bellavista Firenze S.r.l.', trade_name: 'Hotel Bellavista', document: '12.ABC.345/01DE-35', email: 'booking@bellavista.example.it', phone: '+39 055 123 4567' },
  { kind: 'company', name: 'Rota Sul Turismo S.A.', trade_name: 'Rota Sul', document: '30.915.486/0001-59', email: 'reservas@rotasul.example.com.br', phone: '+55 48 3222-1100' },
  { kind: 'company', name: 'Litoral Receptivo Ltda', trade_name: 'Litoral Receptivo', document: '72.840.615/0001-37', email: null, phone: '+55 21 4002-8922' },
  { kind: 'individual', name: 'Ana Beatriz Conceição', trade_name: null, document: '529.982.247-25', email: 'ana.conceicao@example.com.br', phone: '+55 11 91234-5678' },
  { kind: 'individual', name: 'João Pedro Álvares', trade_name: null, document: '111.444.777-35', email: null, phone: '(21) 98765-4321' },
  { kind: 'individual', name: 'Giulia Rossi', trade_name: null, document: null, email: 'giulia.rossi@example.it', phone: '+39 333 123 4567' },
  { kind: 'company', name: 'Serra Azul Hotéis S.A.', trade_name: 'Serra Azul', document: '18.039.477/0001-46', email: 'contato@serraazul.example.com.br', phone: null },
];
