// An in-memory fake of the Rust backend, reproducing the IPC contract (commands, argument names,
// replies and ErrorReply shapes) for browser tests and for working on the UI without Rust.
// Used only by mock.html; the shipped build never contains it.
import type { AppInfo } from '../bindings/AppInfo';
import type { DemoStatus } from '../bindings/DemoStatus';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { Integration } from '../bindings/Integration';
import type { IntegrationFilter } from '../bindings/IntegrationFilter';
import type { IntegrationInput } from '../bindings/IntegrationInput';
import type { IntegrationType } from '../bindings/IntegrationType';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { LastTest } from '../bindings/LastTest';
import type { Locale } from '../bindings/Locale';
import type { Person } from '../bindings/Person';
import type { PersonInput } from '../bindings/PersonInput';
import type { PersonKind } from '../bindings/PersonKind';
import type { Preset } from '../bindings/Preset';
import type { Rule } from '../bindings/Rule';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import type { TestSuccess } from '../bindings/TestSuccess';
import type { WoobaSettings } from '../bindings/WoobaSettings';
import type { WoobaSettingsInput } from '../bindings/WoobaSettingsInput';
import { documentProblemKey, formatDocument, validateDocument } from '../documents';
import { isLocale, translate } from '../i18n';
import presetsJson from '../../../src-tauri/crates/ponte-core/presets.json';
import { MOCK_TYPES } from './integration-types';
import type { MockSalesOptions } from './sales';
import { MockSales } from './sales';
import type { MockTokensOptions } from './tokens';
import { MockTokens } from './tokens';

export const MAX_NAME_CHARS = 200;
export const MAX_EMAIL_CHARS = 254;
export const MAX_SEARCH_RESULTS = 200;
export const MAX_DESCRIPTION_CHARS = 200;
export const MAX_SECRET_CHARS = 4096;
/** The password the mock suppliers accept in "Testar conexão"; anything else is "Credencial inválida". */
export const GOOD_PASSWORD = 'certa';

/** The supplier presets: ponte-core's presets.json itself. */
export const PRESETS = presetsJson as Preset[];

/** An integration to start with; `person` is the name of a seeded person. */
export interface IntegrationSeed {
  type: IntegrationType;
  description: string;
  person: string;
  values: Record<string, string>;
  secrets: Record<string, string>;
  enabled?: boolean;
  /** The last connection test, `daysAgo` days before now. */
  test?: { daysAgo: number; ok: boolean; code?: string };
  /** The last successful test, when it is not the last test. */
  successDaysAgo?: number;
}

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
  /** Integrations to start with (after the people). */
  integrations?: IntegrationSeed[];
  /** Wooba vendor settings to start with. */
  wooba?: { developerToken?: string; publicKeyPem?: string };
  /** Importar vendas and Vendas (mock/sales.ts). */
  sales?: MockSalesOptions;
  /** Tokens de API and Lembretes (mock/tokens.ts). */
  tokens?: MockTokensOptions;
  /** Whether Ponte starts with the system (tauri-plugin-autostart). */
  autostart?: boolean;
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

interface IntegrationRow {
  id: number;
  type: IntegrationType;
  description: string;
  person_id: number;
  values: Record<string, string>;
  secrets_set: string[];
  enabled: boolean;
  last_test: LastTest | null;
  last_success_at: string | null;
  last_import_at: string | null;
  created_at: string;
  updated_at: string;
}

function isLoopback(url: URL): boolean {
  const h = url.hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  const m = /^(\d+)\.\d+\.\d+\.\d+$/.exec(h);
  return m !== null && m[1] === '127';
}

/** ponte-core's url_rules::check: the address trimmed, or the catalogue key of what is wrong with it. */
export function checkUrl(input: string): { ok: true; value: string } | { ok: false; key: string } {
  const s = input.trim();
  const bad = (key: string) => ({ ok: false as const, key });
  if (/\s/.test(s)) return bad('error.url.spaces');
  if (!s.includes('://')) return bad('error.url.no_scheme');
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return bad('error.url.invalid');
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme === 'http' && !isLoopback(url)) return bad('error.url.https_required');
  if (scheme !== 'https' && scheme !== 'http') return bad('error.url.scheme');
  if (url.hostname === '') return bad('error.url.invalid');
  if (url.username !== '' || url.password !== '') return bad('error.url.credentials');
  return { ok: true, value: s };
}

function checkRule(rule: Rule, v: string): boolean {
  switch (rule) {
    case 'none':
      return true;
    case 'digits':
      return /^[0-9]*$/.test(v);
    case 'identifier':
      return /^[A-Za-z0-9_-]*$/.test(v);
    case 'subdomain':
      return /^[a-z0-9-]*$/.test(v) && !v.startsWith('-') && !v.endsWith('-');
  }
}

const RULE_KEYS: Record<Rule, string> = {
  none: 'error.field.invalid',
  digits: 'error.field.digits_only',
  identifier: 'error.field.identifier',
  subdomain: 'error.field.subdomain',
};

/** ponte-core's integration_types::validate_values. */
export function validateValues(spec: IntegrationTypeSpec, values: Record<string, string>, issues: FieldIssue[]): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const key of Object.keys(values).sort()) {
    const f = spec.fields.find((x) => x.key === key);
    if (!f) issues.push(issue(key, 'error.field.unknown'));
    else if (f.kind === 'secret') issues.push(issue(key, 'error.field.secret_as_value'));
  }
  for (const f of spec.fields.filter((x) => x.kind !== 'secret')) {
    const typed = (values[f.key] ?? '').trim();
    const v = typed !== '' ? typed : f.default;
    if (v === null) {
      if (f.required) issues.push(issue(f.key, 'error.field.required'));
      continue;
    }
    if (chars(v) > f.max_len) {
      issues.push(issue(f.key, 'error.field.too_long', { max: String(f.max_len) }));
      continue;
    }
    if (f.kind === 'url') {
      const u = checkUrl(v);
      if (u.ok) clean[f.key] = u.value;
      else issues.push(issue(f.key, u.key));
      continue;
    }
    if (!checkRule(f.rule, v)) {
      issues.push(issue(f.key, RULE_KEYS[f.rule]));
      continue;
    }
    clean[f.key] = v;
  }
  return clean;
}

function supplierError(code: string, params: Record<string, string> = {}, field: string | null = null): ErrorReply {
  return { code, key: `error.supplier.${code}`, field, fields: [], params };
}

const integrationSecret = (id: number, field: string) => `integration/${id}/${field}`;
const WOOBA_TOKEN = 'settings/0/wooba_developer_token';

/** Where the demo's supplier simulator listens (src-tauri/src/demo.rs starts ponte-sim on loopback). */
export const DEMO_SIM_URL = 'http://127.0.0.1:47810';
const NO_DEMO: DemoStatus = { active: false, person_id: null, integration_ids: [], set_wooba_settings: false };

export class MockBackend {
  locale: Locale;
  readonly version: string;
  readonly dataDir: string;
  readonly startupError: ErrorReply | null;
  private rows: Row[] = [];
  private nextId = 1;
  private linked = new Set<number>();
  private integrationRows: IntegrationRow[] = [];
  private nextIntegrationId = 1;
  private woobaPem: string | null = null;
  /** The OS keyring: secrets by entry name. Never part of a reply. */
  readonly keyring = new Map<string, string>();
  private readonly now: () => Date;
  /** Every command received, for tests. */
  readonly calls: { cmd: string; args: unknown }[] = [];
  /** Importar vendas and Vendas (mock/sales.ts). */
  readonly sales: MockSales;
  /** Tokens de API and Lembretes (mock/tokens.ts). */
  readonly tokens: MockTokens;
  /** tauri-plugin-autostart's state. */
  autostart: boolean;
  /** What the demo created (src-tauri/src/demo.rs's DemoStatus, kept in the settings table). */
  private demo: DemoStatus = { ...NO_DEMO, integration_ids: [] };

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
    for (const seed of opts.integrations ?? []) this.seedIntegration(seed);
    if (opts.wooba?.developerToken) this.keyring.set(WOOBA_TOKEN, opts.wooba.developerToken);
    this.woobaPem = opts.wooba?.publicKeyPem ?? null;
    this.sales = new MockSales(this, { now: opts.now, ...opts.sales });
    this.tokens = new MockTokens(this, { now: opts.now, ...opts.tokens });
    this.autostart = opts.autostart ?? false;
  }

  private seedIntegration(seed: IntegrationSeed) {
    const person = this.rows.find((r) => r.name === seed.person);
    if (!person) throw new Error(`seed: no person ${seed.person}`);
    const { integration } = this.integrationCreate({
      type: seed.type,
      description: seed.description,
      person_id: person.id,
      values: seed.values,
      secrets: seed.secrets,
    });
    const row = this.integrationRow(integration.id);
    const daysAgo = (n: number) => this.stamp(new Date(this.now().getTime() - n * 86_400_000));
    row.enabled = seed.enabled ?? true;
    if (seed.test) {
      const at = daysAgo(seed.test.daysAgo);
      row.last_test = { at, ok: seed.test.ok, code: seed.test.ok ? null : (seed.test.code ?? 'invalid_credentials') };
      if (seed.test.ok) row.last_success_at = at;
    }
    if (seed.successDaysAgo !== undefined) row.last_success_at = daysAgo(seed.successDaysAgo);
  }

  get people(): readonly Person[] {
    return this.rows.map(({ search: _s, ...p }) => p);
  }

  private stamp(at: Date = this.now()): string {
    return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
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
    const count = this.integrationRows.filter((i) => i.person_id === id).length || (this.linked.has(id) ? 1 : 0);
    if (count > 0) throw reply('person_in_use', [], { count: String(count) });
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

  // ---- integrations (ponte-core's integrations.rs) ----

  get integrations(): readonly Integration[] {
    return this.integrationRows.map((r) => this.integrationOut(r));
  }

  private spec(type: unknown): IntegrationTypeSpec {
    const spec = MOCK_TYPES.find((s) => s.type === type);
    // What Tauri answers when an argument does not deserialize.
    if (!spec) throw reply('ipc', [], { detail: `unknown variant \`${String(type)}\`` });
    return spec;
  }

  private integrationRow(id: number): IntegrationRow {
    const r = this.integrationRows.find((x) => x.id === id);
    if (!r) throw reply('not_found');
    return r;
  }

  private integrationOut(r: IntegrationRow): Integration {
    const person = this.rows.find((p) => p.id === r.person_id);
    return {
      ...r,
      person_name: person?.name ?? '',
      values: { ...r.values },
      secrets_set: [...r.secrets_set],
      last_test: r.last_test ? { ...r.last_test } : null,
    };
  }

  private validateIntegration(input: IntegrationInput, exceptId: number | null, alreadySet: readonly string[]) {
    const spec = this.spec(input.type);
    const issues: FieldIssue[] = [];
    const notices: FieldIssue[] = [];
    const description = (input.description ?? '').trim();
    if (description === '') issues.push(issue('description', 'error.field.required'));
    else if (chars(description) > MAX_DESCRIPTION_CHARS)
      issues.push(issue('description', 'error.field.too_long', { max: String(MAX_DESCRIPTION_CHARS) }));
    else if (
      this.integrationRows.some(
        (r) => r.type === input.type && r.description.toLowerCase() === description.toLowerCase() && r.id !== exceptId,
      )
    )
      issues.push(issue('description', 'error.integration.duplicate_description'));
    const personId = input.person_id ?? null;
    if (personId === null) issues.push(issue('person', 'error.field.required'));
    else if (!this.rows.some((p) => p.id === personId)) issues.push(issue('person', 'error.integration.person_missing'));
    const values = validateValues(spec, input.values ?? {}, issues);
    const secrets: Record<string, string> = {};
    const secretKeys = spec.fields.filter((f) => f.kind === 'secret').map((f) => f.key);
    for (const key of Object.keys(input.secrets ?? {}).sort()) {
      const raw = input.secrets[key] ?? '';
      if (!secretKeys.includes(key)) {
        issues.push(issue(key, 'error.field.unknown'));
        continue;
      }
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      if (trimmed.length !== raw.length) notices.push(issue(key, 'notice.secret_trimmed'));
      if (chars(trimmed) > MAX_SECRET_CHARS) {
        issues.push(issue(key, 'error.field.too_long', { max: String(MAX_SECRET_CHARS) }));
        continue;
      }
      secrets[key] = trimmed;
    }
    for (const f of spec.fields.filter((x) => x.kind === 'secret' && x.required))
      if (!(f.key in secrets) && !alreadySet.includes(f.key)) issues.push(issue(f.key, 'error.field.required'));
    if (issues.length > 0) throw reply('invalid_input', issues);
    return { clean: { description, person_id: personId ?? 0, values, secrets }, notices };
  }

  integrationCreate(input: IntegrationInput): SaveOutcome {
    const { clean, notices } = this.validateIntegration(input, null, []);
    const ts = this.stamp();
    const row: IntegrationRow = {
      id: this.nextIntegrationId++,
      type: input.type,
      description: clean.description,
      person_id: clean.person_id,
      values: clean.values,
      secrets_set: Object.keys(clean.secrets),
      enabled: true,
      last_test: null,
      last_success_at: null,
      last_import_at: null,
      created_at: ts,
      updated_at: ts,
    };
    for (const [k, v] of Object.entries(clean.secrets)) this.keyring.set(integrationSecret(row.id, k), v);
    this.integrationRows.push(row);
    return { integration: this.integrationOut(row), notices };
  }

  integrationUpdate(id: number, input: IntegrationInput): SaveOutcome {
    const row = this.integrationRow(id);
    if (row.type !== input.type) throw reply('invalid_input', [issue('type', 'error.integration.type_change')]);
    const { clean, notices } = this.validateIntegration(input, id, row.secrets_set);
    for (const [k, v] of Object.entries(clean.secrets)) this.keyring.set(integrationSecret(id, k), v);
    Object.assign(row, {
      description: clean.description,
      person_id: clean.person_id,
      values: clean.values,
      secrets_set: [...new Set([...row.secrets_set, ...Object.keys(clean.secrets)])].sort(),
      updated_at: this.stamp(),
    });
    return { integration: this.integrationOut(row), notices };
  }

  integrationDuplicate(id: number): IntegrationInput {
    const r = this.integrationRow(id);
    return {
      type: r.type,
      description: `${r.description} ${translate(this.locale, 'common.copy_suffix')}`,
      person_id: r.person_id,
      values: { ...r.values },
      secrets: {},
    };
  }

  integrationSetEnabled(id: number, enabled: boolean): Integration {
    const r = this.integrationRow(id);
    r.enabled = enabled;
    r.updated_at = this.stamp();
    return this.integrationOut(r);
  }

  integrationDelete(id: number): null {
    const r = this.integrationRow(id);
    for (const k of r.secrets_set) this.keyring.delete(integrationSecret(id, k));
    this.integrationRows = this.integrationRows.filter((x) => x.id !== id);
    this.sales.forget(id);
    return null;
  }

  integrationsList(filter: Partial<IntegrationFilter>): Integration[] {
    const words = fold(filter.query ?? '').split(' ').filter(Boolean);
    const collator = new Intl.Collator('en', { sensitivity: 'accent' });
    return this.integrationRows
      .map((r) => this.integrationOut(r))
      .filter((i) => {
        if (filter.type && filter.type !== i.type) return false;
        switch (filter.status ?? null) {
          case 'enabled':
            if (!i.enabled) return false;
            break;
          case 'disabled':
            if (i.enabled) return false;
            break;
          case 'failing':
            if (!i.last_test || i.last_test.ok) return false;
            break;
          case 'untested':
            if (i.last_test) return false;
            break;
        }
        const hay = fold(`${i.description} ${i.person_name} ${i.type}`);
        return words.every((w) => hay.includes(w));
      })
      .sort((a, b) => collator.compare(a.description.toLowerCase(), b.description.toLowerCase()) || a.id - b.id);
  }

  /** "Testar conexão" against pretend suppliers: the password `certa` is accepted, anything else is not. */
  integrationTest(id: number | null, draft: IntegrationInput | null): TestSuccess {
    const saved = id === null ? null : this.integrationRow(id);
    let type: IntegrationType;
    if (draft) {
      const issues: FieldIssue[] = [];
      validateValues(this.spec(draft.type), draft.values ?? {}, issues);
      if (issues.length > 0) throw reply('invalid_input', issues);
      type = draft.type;
    } else if (saved) type = saved.type;
    else throw reply('not_found');
    const secrets: Record<string, string> = {};
    for (const k of saved?.secrets_set ?? []) {
      const v = this.keyring.get(integrationSecret(saved?.id ?? 0, k));
      if (v !== undefined) secrets[k] = v;
    }
    for (const [k, v] of Object.entries(draft?.secrets ?? {})) if (v.trim() !== '') secrets[k] = v.trim();
    let outcome: TestSuccess | ErrorReply;
    const password = secrets.password;
    if (type === 'paytourist') outcome = supplierError('missing_secret', { field: 'token' }, 'token');
    else if (type === 'wooba' && !this.keyring.has(WOOBA_TOKEN)) outcome = supplierError('developer_settings_missing', { what: 'Developer-Token' });
    else if (type === 'wooba' && this.woobaPem === null) outcome = supplierError('developer_settings_missing', { what: 'public key' });
    else if (password === undefined) outcome = supplierError('missing_secret', { field: 'password' }, 'password');
    else if (password !== GOOD_PASSWORD) outcome = supplierError('invalid_credentials');
    else if (type === 'infotravel') outcome = { key: 'test.ok.infotravel', params: { minutes: '60' } };
    else outcome = { key: 'test.ok.wooba', params: { pages: '1' } };
    if (saved) {
      const at = this.stamp();
      const ok = !('code' in outcome);
      saved.last_test = { at, ok, code: 'code' in outcome ? outcome.code : null };
      if (ok) saved.last_success_at = at;
    }
    if ('code' in outcome) throw outcome;
    return outcome;
  }

  woobaSettings(): WoobaSettings {
    return { developer_token_set: this.keyring.has(WOOBA_TOKEN), public_key_pem: this.woobaPem };
  }

  setWoobaSettings(input: WoobaSettingsInput): WoobaSettings {
    const pem = (input.public_key_pem ?? '').trim();
    if (pem !== '') {
      if (!pem.startsWith('-----BEGIN') || !pem.includes('PUBLIC KEY-----'))
        throw reply('invalid_input', [issue('public_key_pem', 'error.settings.pem')]);
      this.woobaPem = pem;
    }
    const token = (input.developer_token ?? '').trim();
    if (token !== '') this.keyring.set(WOOBA_TOKEN, token);
    return this.woobaSettings();
  }

  // ---- the demo (src-tauri/src/demo.rs) ----

  demoStatus(): DemoStatus {
    return { ...this.demo, integration_ids: [...this.demo.integration_ids] };
  }

  /**
   * A labelled demo company with Infotravel and Wooba integrations pointing at the supplier simulator (the mock's
   * pretend suppliers answer any integration, and accept the password `certa`). Wooba needs Ponte's vendor
   * settings: set only when there are none. Started twice, it keeps what it made.
   */
  demoStart(): DemoStatus {
    if (this.demo.active) return this.demoStatus();
    const suffix = translate(this.locale, 'demo.suffix');
    const person = this.create({ kind: 'company', name: `BWT Operadora ${suffix}`, trade_name: 'BWT (demo)', document: null, email: null, phone: null });
    const status: DemoStatus = { active: true, person_id: person.id, integration_ids: [], set_wooba_settings: false };
    const infotravel = this.integrationCreate({
      type: 'infotravel',
      description: `BWT Operadora (Infotravel) ${suffix}`,
      person_id: person.id,
      values: { url: `${DEMO_SIM_URL}/infotravel`, supplier_id: 'BWT', agency_code: '1001', username: 'agencia.demo' },
      secrets: { password: GOOD_PASSWORD },
    }).integration;
    status.integration_ids.push(infotravel.id);
    const wooba = this.woobaSettings();
    if (!wooba.developer_token_set && wooba.public_key_pem === null) {
      this.setWoobaSettings({ developer_token: DEMO_WOOBA.developerToken, public_key_pem: DEMO_WOOBA.publicKeyPem });
      status.set_wooba_settings = true;
      const w = this.integrationCreate({
        type: 'wooba',
        description: `BWT Operadora (Wooba) ${suffix}`,
        person_id: person.id,
        values: { url: `${DEMO_SIM_URL}/wooba/`, username: 'agencia.demo' },
        secrets: { password: GOOD_PASSWORD },
      }).integration;
      status.integration_ids.push(w.id);
    }
    this.demo = status;
    return this.demoStatus();
  }

  /** Everything the demo made goes (its sales with its integrations); what the user made is left alone. */
  demoRemove(): DemoStatus {
    const ignore = (f: () => unknown, codes: string[]) => {
      try {
        f();
      } catch (e) {
        if (!codes.includes((e as ErrorReply).code)) throw e;
      }
    };
    for (const id of this.demo.integration_ids) ignore(() => this.integrationDelete(id), ['not_found']);
    const person = this.demo.person_id;
    if (person !== null) ignore(() => this.remove(person), ['not_found', 'person_in_use']);
    if (this.demo.set_wooba_settings) {
      this.keyring.delete(WOOBA_TOKEN);
      this.woobaPem = null;
    }
    this.demo = { ...NO_DEMO, integration_ids: [] };
    return this.demoStatus();
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
      case 'integration_types':
        return structuredClone(MOCK_TYPES);
      case 'integration_presets':
        return structuredClone(PRESETS);
      case 'integrations_list':
        this.requireDb();
        return this.integrationsList((args.filter ?? {}) as Partial<IntegrationFilter>);
      case 'integration_get':
        this.requireDb();
        return this.integrationOut(this.integrationRow(Number(args.id)));
      case 'integration_create':
        this.requireDb();
        return this.integrationCreate(args.input as IntegrationInput);
      case 'integration_update':
        this.requireDb();
        return this.integrationUpdate(Number(args.id), args.input as IntegrationInput);
      case 'integration_duplicate':
        this.requireDb();
        return this.integrationDuplicate(Number(args.id));
      case 'integration_set_enabled':
        this.requireDb();
        return this.integrationSetEnabled(Number(args.id), args.enabled === true);
      case 'integration_delete':
        this.requireDb();
        return this.integrationDelete(Number(args.id));
      case 'integration_test':
        this.requireDb();
        return this.integrationTest(
          args.id === null || args.id === undefined ? null : Number(args.id),
          (args.input as IntegrationInput | null | undefined) ?? null,
        );
      case 'wooba_settings_get':
        this.requireDb();
        return this.woobaSettings();
      case 'wooba_settings_set':
        this.requireDb();
        return this.setWoobaSettings(args.input as WoobaSettingsInput);
      case 'autostart_get':
        return this.autostart;
      case 'autostart_set':
        if (typeof args.enabled !== 'boolean') throw `invalid args \`enabled\` for command \`autostart_set\`: command autostart_set missing required key enabled`;
        this.autostart = args.enabled;
        return this.autostart;
      case 'demo_status':
        this.requireDb();
        return this.demoStatus();
      case 'demo_start':
        this.requireDb();
        return this.demoStart();
      case 'demo_remove':
        this.requireDb();
        return this.demoRemove();
      default:
        if (this.tokens.handles(cmd)) {
          this.requireDb();
          return this.tokens.handle(cmd, args);
        }
        if (this.sales.handles(cmd)) {
          this.requireDb();
          return this.sales.handle(cmd, args);
        }
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

/** Integrations for demos and screenshots, linked to DEMO_PEOPLE (with `seed=demo`). */
export const DEMO_INTEGRATIONS: IntegrationSeed[] = [
  {
    type: 'infotravel',
    description: 'Atlântica Operadora (Infotravel)',
    person: 'Atlântica Operadora de Viagens Ltda',
    values: { url: 'https://atlantica.infotravel.com.br', supplier_id: 'ATL', agency_code: '004512', username: 'agencia.horizonte' },
    secrets: { password: GOOD_PASSWORD },
    test: { daysAgo: 2, ok: true },
  },
  {
    type: 'wooba',
    description: 'Rota Sul (Wooba)',
    person: 'Rota Sul Turismo S.A.',
    values: { username: 'horizonte.api', url: 'https://rotasul.travellink.com.br/' },
    secrets: { password: 'senha-antiga' },
    test: { daysAgo: 1, ok: false, code: 'invalid_credentials' },
    successDaysAgo: 40,
  },
  {
    type: 'paytourist',
    description: 'Hotel Bellavista (PayTourist Firenze)',
    person: 'Hotel Bellavista Firenze S.r.l.',
    values: { comune: 'firenze', structure_id: '1042', software_id: '77' },
    secrets: {},
  },
  {
    type: 'infotravel',
    description: 'Litoral Receptivo (Infotravel)',
    person: 'Litoral Receptivo Ltda',
    values: { url: 'https://litoral.infotravel.com.br', supplier_id: 'LITORAL', agency_code: '88', username: 'horizonte' },
    secrets: { password: GOOD_PASSWORD },
    enabled: false,
    test: { daysAgo: 95, ok: true },
  },
];

/** Wooba vendor settings for demos (a made-up token and a well-formed, made-up key). */
export const DEMO_WOOBA = {
  developerToken: 'demo-developer-token',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END PUBLIC KEY-----',
};
