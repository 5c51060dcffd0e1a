// The mock of Tokens de API and Lembretes (src-tauri/src/commands/tokens.rs and reminders.rs, ponte-core's
// tokens.rs and expiries.rs): Booking users, their tokens (values only in the keyring), expiry dates of
// integration secrets, and the reminder settings. A pretend PayTourist accepts every token except
// `rejected-token` and the ones a test revoked. Never part of the shipped build.
import type { ApiToken } from '../bindings/ApiToken';
import type { BookingUser } from '../bindings/BookingUser';
import type { BookingUserInput } from '../bindings/BookingUserInput';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Expiry } from '../bindings/Expiry';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { Integration } from '../bindings/Integration';
import type { QuietHours } from '../bindings/QuietHours';
import type { ReminderSettings } from '../bindings/ReminderSettings';
import type { ReminderSettingsInput } from '../bindings/ReminderSettingsInput';
import type { TokenDates } from '../bindings/TokenDates';
import type { TokenSaved } from '../bindings/TokenSaved';
import { DEFAULT_QUIET, DEFAULT_THRESHOLDS, sortThresholds, thresholdsProblem, validTime } from '../reminders-model';
import { addMonths, DEFAULT_VALIDITY_MONTHS, isoDay, ROTATION_STEPS, tokenStatus } from '../tokens-model';

/** ponte-core's tokens::SOFTWARE. */
export const SOFTWARE = ['Ericsoft', 'Passepartout', 'Scrigno', 'Hotel Cube', 'Zucchetti Hospitality', 'Bedzzle', 'Octorate', 'Kross Booking', 'Slope', 'Other'];
export const MAX_TOKEN_CHARS = 4096;
/** What the pretend PayTourist answers 401 to. */
export const REJECTED_TOKEN = 'rejected-token';
/** tauri-plugin's DEFAULT_CLEAR_AFTER, in seconds. */
export const CLEAR_AFTER_S = 30;

/** What the tokens mock needs from MockBackend. */
export interface TokensHost {
  readonly integrations: readonly Integration[];
  readonly keyring: Map<string, string>;
}

export interface MockTokensOptions {
  /** Start with a Booking user and tokens on the PayTourist integration, and a Wooba password that expires. */
  demo?: boolean;
  now?: (() => Date) | undefined;
}

interface UserRow {
  id: number;
  integration_id: number;
  name: string;
  email: string;
  software: string | null;
}

interface TokenRow {
  id: number;
  booking_user_id: number;
  name: string;
  last4: string;
  created_on: string;
  expires_on: string;
  active: boolean;
  replaces: number | null;
  rotation_step: string | null;
  last_verified_at: string | null;
  last_check: string | null;
}

function issue(field: string, key: string, params: Record<string, string> = {}): FieldIssue {
  return { field, key, params };
}

/** CoreError::Invalid(issues).reply(). */
function invalid(...issues: FieldIssue[]): ErrorReply {
  return { code: 'invalid_input', key: 'error.invalid_input', field: issues.length === 1 ? (issues[0]?.field ?? null) : null, fields: issues, params: {} };
}

const notFound = (): ErrorReply => ({ code: 'not_found', key: 'error.not_found', field: null, fields: [], params: {} });

/** Rust's char::is_whitespace, near enough. */
const WHITESPACE = /[\s\u0085]/u;

/** ponte-core's tokens::clean_pasted: the token, and what was done to it; or the reason it is refused. */
export function cleanPasted(pasted: string): { value: string; notices: FieldIssue[] } {
  const notices: FieldIssue[] = [];
  const trimmed = pasted.trim();
  let t = trimmed;
  if (t.startsWith('Bearer ') || t.startsWith('bearer ')) {
    t = t.slice('Bearer '.length).trimStart();
    notices.push(issue('token', 'notice.token_bearer_removed'));
  }
  if (trimmed.length !== pasted.length) notices.push(issue('token', 'notice.secret_trimmed'));
  if (t === '') throw invalid(issue('token', 'error.field.required'));
  if ([...t].length > MAX_TOKEN_CHARS) throw invalid(issue('token', 'error.field.too_long', { max: String(MAX_TOKEN_CHARS) }));
  if (WHITESPACE.test(t)) throw invalid(issue('token', 'error.token.inner_space'));
  if (!/^[\x21-\x7e]+$/.test(t)) throw invalid(issue('token', 'error.token.characters'));
  return { value: t, notices };
}

const tokenSecret = (id: number) => `token/${id}/value`;

export class MockTokens {
  static readonly COMMANDS = [
    'booking_software',
    'booking_users',
    'booking_user_create',
    'token_add',
    'token_verify',
    'token_copy',
    'token_set_expiry',
    'token_activate',
    'token_rotation_step',
    'token_delete',
    'expiries_list',
    'reminder_settings_get',
    'reminder_settings_set',
    'secret_expiry_set',
  ];

  private users: UserRow[] = [];
  private tokens: TokenRow[] = [];
  private secretExpiries = new Map<string, { integration_id: number; field: string; expires_on: string }>();
  private nextUser = 1;
  private nextToken = 1;
  private thresholds: number[] = [...DEFAULT_THRESHOLDS];
  private quiet: QuietHours = { ...DEFAULT_QUIET };
  private clipboardSecs = CLEAR_AFTER_S;
  private readonly now: () => Date;
  /** Token values the pretend PayTourist now answers 401 to (deleted or revoked on the portal). */
  readonly revoked = new Set<string>();
  /** What the backend put on the clipboard (never part of a reply). */
  clipboard: string | null = null;
  /** Desktop notifications shown: kind and the credential's key. */
  readonly notifications: { kind: string; key: string }[] = [];

  constructor(
    private readonly host: TokensHost,
    opts: MockTokensOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    if (opts.demo) this.seedDemo();
  }

  handles(cmd: string): boolean {
    return MockTokens.COMMANDS.includes(cmd);
  }

  private today(): string {
    return isoDay(this.now());
  }

  private stamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Makes PayTourist refuse a stored token from now on (as if deleted on the portal). */
  revoke(id: number) {
    const v = this.host.keyring.get(tokenSecret(id));
    if (v !== undefined) this.revoked.add(v);
  }

  private integration(id: number): Integration | undefined {
    return this.host.integrations.find((i) => i.id === id);
  }

  private userRow(id: number): UserRow {
    const u = this.users.find((x) => x.id === id && this.integration(x.integration_id));
    if (!u) throw notFound();
    return u;
  }

  private tokenRow(id: number): TokenRow {
    const t = this.tokens.find((x) => x.id === id);
    if (!t || !this.users.some((u) => u.id === t.booking_user_id && this.integration(u.integration_id))) throw notFound();
    return t;
  }

  private tokenOut(r: TokenRow): ApiToken {
    const { status, daysLeft } = tokenStatus(r.expires_on, r.last_check, this.today());
    return { ...r, days_left: daysLeft, status };
  }

  private userOut(u: UserRow): BookingUser {
    return {
      ...u,
      integration: this.integration(u.integration_id)?.description ?? '',
      tokens: this.tokens
        .filter((t) => t.booking_user_id === u.id)
        .sort((a, b) => (a.expires_on < b.expires_on ? -1 : a.expires_on > b.expires_on ? 1 : a.id - b.id))
        .map((t) => this.tokenOut(t)),
    };
  }

  /** Every Booking user (of an integration that still exists) with its tokens, by name. */
  bookingUsers(): BookingUser[] {
    return this.users
      .filter((u) => this.integration(u.integration_id))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))
      .map((u) => this.userOut(u));
  }

  createUser(input: BookingUserInput): BookingUser {
    const issues: FieldIssue[] = [];
    const name = (input.name ?? '').trim();
    if (name === '') issues.push(issue('name', 'error.field.required'));
    const email = (input.email ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) issues.push(issue('email', 'error.email.invalid'));
    const software = input.software ?? null;
    if (software !== null && software !== '' && !SOFTWARE.includes(software)) issues.push(issue('software', 'error.field.invalid'));
    if (this.integration(Number(input.integration_id))?.type !== 'paytourist') issues.push(issue('integration_id', 'error.token.not_paytourist'));
    if (issues.length > 0) throw invalid(...issues);
    const u: UserRow = { id: this.nextUser++, integration_id: Number(input.integration_id), name, email, software: software === '' ? null : software };
    this.users.push(u);
    return this.userOut(u);
  }

  /** ponte-core's tokens::check_dates. */
  private checkDates(d: TokenDates | null | undefined): { created: string; expires: string; notices: FieldIssue[] } {
    const given = (s: string | null | undefined) => (s ?? '').trim();
    const parse = (s: string, field: string) => {
      if (addMonths(s, 0) === null) throw invalid(issue(field, 'error.import.date_format'));
      return s;
    };
    const created = given(d?.created_on) === '' ? this.today() : parse(given(d?.created_on), 'created_on');
    const expires = given(d?.expires_on) === '' ? (addMonths(created, DEFAULT_VALIDITY_MONTHS) ?? created) : parse(given(d?.expires_on), 'expires_on');
    if (expires <= created) throw invalid(issue('expires_on', 'error.token.expiry_before_creation'));
    const notices = expires < this.today() ? [issue('expires_on', 'notice.token_already_expired')] : [];
    return { created, expires, notices };
  }

  /** The pretend PayTourist: 401 for `rejected-token` and revoked tokens. */
  private verify(value: string): boolean {
    return value !== REJECTED_TOKEN && !this.revoked.has(value);
  }

  tokenAdd(userId: number, name: string, pasted: string, dates: TokenDates | null | undefined, replaces: number | null): TokenSaved {
    const { value, notices } = cleanPasted(pasted);
    if (name.trim() === '') throw invalid(issue('name', 'error.field.required'));
    const { created, expires, notices: dateNotices } = this.checkDates(dates);
    notices.push(...dateNotices);
    if (this.tokens.some((t) => this.host.keyring.get(tokenSecret(t.id)) === value)) throw invalid(issue('token', 'error.token.duplicate'));
    this.userRow(userId);
    if (!this.verify(value))
      throw { code: 'token_rejected', key: 'error.supplier.token_rejected', field: 'token', fields: [], params: {} } satisfies ErrorReply;
    if (replaces !== null) this.tokenRow(replaces);
    const hasActive = this.tokens.some((t) => t.booking_user_id === userId && t.active);
    const row: TokenRow = {
      id: this.nextToken++,
      booking_user_id: userId,
      name: name.trim(),
      last4: [...value].slice(-4).join(''),
      created_on: created,
      expires_on: expires,
      active: !hasActive && replaces === null,
      replaces,
      rotation_step: replaces === null ? null : 'verified',
      last_verified_at: this.stamp(),
      last_check: 'ok',
    };
    this.tokens.push(row);
    this.host.keyring.set(tokenSecret(row.id), value);
    return { token: this.tokenOut(row), notices };
  }

  tokenVerify(id: number): ApiToken {
    const r = this.tokenRow(id);
    const value = this.host.keyring.get(tokenSecret(id));
    if (value === undefined) throw notFound();
    const ok = this.verify(value);
    r.last_check = ok ? 'ok' : 'rejected';
    r.last_verified_at = this.stamp();
    if (ok && r.rotation_step === 'added') r.rotation_step = 'verified';
    if (!ok) this.notifications.push({ kind: 'rejected', key: `token:${id}` });
    return this.tokenOut(r);
  }

  tokenCopy(id: number): number {
    this.tokenRow(id);
    const value = this.host.keyring.get(tokenSecret(id));
    if (value === undefined) throw notFound();
    this.clipboard = value;
    return this.clipboardSecs;
  }

  tokenSetExpiry(id: number, dates: TokenDates): ApiToken {
    const r = this.tokenRow(id);
    const { created, expires } = this.checkDates(dates);
    r.created_on = created;
    r.expires_on = expires;
    return this.tokenOut(r);
  }

  tokenActivate(id: number): ApiToken {
    const r = this.tokenRow(id);
    for (const t of this.tokens) if (t.booking_user_id === r.booking_user_id) t.active = false;
    r.active = true;
    if (r.replaces !== null) r.rotation_step = 'activated';
    return this.tokenOut(r);
  }

  tokenRotationStep(id: number, step: string): ApiToken {
    if (!(ROTATION_STEPS as readonly string[]).includes(step)) throw invalid(issue('step', 'error.field.invalid'));
    const r = this.tokenRow(id);
    r.rotation_step = step;
    return this.tokenOut(r);
  }

  /** Keyring first, then the row; a rotation that replaced it is done. */
  tokenDelete(id: number): null {
    this.tokenRow(id);
    this.host.keyring.delete(tokenSecret(id));
    for (const t of this.tokens)
      if (t.replaces === id) {
        t.rotation_step = 'done';
        t.replaces = null;
      }
    this.tokens = this.tokens.filter((t) => t.id !== id);
    return null;
  }

  expiries(): Expiry[] {
    const today = this.today();
    const out: Expiry[] = [];
    for (const u of this.bookingUsers())
      for (const t of u.tokens)
        out.push({
          key: `token:${t.id}`,
          label: `${t.name} (${u.name})`,
          integration: u.integration,
          integration_id: u.integration_id,
          token_id: t.id,
          expires_on: t.expires_on,
          days_left: t.days_left,
        });
    for (const s of this.secretExpiries.values()) {
      const i = this.integration(s.integration_id);
      if (!i) continue;
      const { daysLeft } = tokenStatus(s.expires_on, null, today);
      out.push({
        key: `secret:${s.integration_id}:${s.field}`,
        label: s.field,
        integration: i.description,
        integration_id: i.id,
        token_id: null,
        expires_on: s.expires_on,
        days_left: daysLeft,
      });
    }
    return out.sort((a, b) => (a.expires_on < b.expires_on ? -1 : a.expires_on > b.expires_on ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  reminderSettings(): ReminderSettings {
    return { thresholds: [...this.thresholds], quiet_hours: { ...this.quiet }, clipboard_clear_secs: this.clipboardSecs };
  }

  setReminderSettings(input: ReminderSettingsInput): ReminderSettings {
    const list = (input.thresholds ?? []).map(Number);
    const problem = thresholdsProblem(list);
    if (problem) throw invalid(issue('thresholds', problem));
    for (const [field, v] of [
      ['quiet_start', input.quiet_hours?.start],
      ['quiet_end', input.quiet_hours?.end],
    ] as const)
      if (typeof v !== 'string' || !validTime(v)) throw invalid(issue(field, 'error.reminders.time'));
    const secs = input.clipboard_clear_secs;
    if (secs !== undefined && !(Number.isInteger(secs) && secs >= 5 && secs <= 600))
      throw invalid(issue('clipboard_clear_secs', 'error.reminders.clipboard_secs'));
    if (secs !== undefined) this.clipboardSecs = secs;
    this.thresholds = sortThresholds(list);
    this.quiet = { start: input.quiet_hours.start, end: input.quiet_hours.end };
    return this.reminderSettings();
  }

  setSecretExpiry(integrationId: number, field: string, expiresOn: string | null): null {
    if (!this.integration(integrationId)) throw notFound();
    const k = `${integrationId}:${field}`;
    const d = (expiresOn ?? '').trim();
    if (d === '') this.secretExpiries.delete(k);
    else {
      if (addMonths(d, 0) === null) throw invalid(issue('expires_on', 'error.import.date_format'));
      this.secretExpiries.set(k, { integration_id: integrationId, field, expires_on: d });
    }
    return null;
  }

  private seedDemo() {
    const pt = this.host.integrations.find((i) => i.type === 'paytourist');
    const today = this.today();
    const shift = (days: number) => isoDay(new Date(this.now().getTime() + days * 86_400_000));
    const agoStamp = (days: number) => new Date(this.now().getTime() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (pt) {
      const u = this.createUser({ integration_id: pt.id, name: 'Bellavista Booking', email: 'booking@bellavista.example.it', software: 'Ericsoft' });
      const add = (name: string, value: string, expires: string, active: boolean, verifiedDaysAgo: number) => {
        const created = addMonths(expires, -DEFAULT_VALIDITY_MONTHS) ?? today;
        const row: TokenRow = {
          id: this.nextToken++,
          booking_user_id: u.id,
          name,
          last4: value.slice(-4),
          created_on: created,
          expires_on: expires,
          active,
          replaces: null,
          rotation_step: null,
          last_verified_at: agoStamp(verifiedDaysAgo),
          last_check: 'ok',
        };
        this.tokens.push(row);
        this.host.keyring.set(tokenSecret(row.id), value);
      };
      add('Ericsoft 2023', 'pt_demo_9f3c1a7e5b2d48c6a0e1f4b7c3d9e2a5k7Q2', shift(18), true, 3);
      add('Channel manager', 'pt_demo_4e8b2c6a1d9f37e5b0c2a8d6f1e4b9c3m4T8', shift(600), false, 1);
    }
    const wooba = this.host.integrations.find((i) => i.type === 'wooba');
    if (wooba) this.secretExpiries.set(`${wooba.id}:password`, { integration_id: wooba.id, field: 'password', expires_on: shift(45) });
  }

  /** One IPC command with its arguments as the page sends them (camelCase, as Tauri expects). */
  handle(cmd: string, args: Record<string, unknown>): unknown {
    // What Tauri answers when a required argument is missing (e.g. a snake_case name sent by mistake).
    const need = (k: string) => {
      if (args[k] === undefined) throw `invalid args \`${k}\` for command \`${cmd}\`: command ${cmd} missing required key ${k}`;
      return args[k];
    };
    const id = () => Number(need('id'));
    switch (cmd) {
      case 'booking_software':
        return [...SOFTWARE];
      case 'booking_users':
        return this.bookingUsers();
      case 'booking_user_create':
        return this.createUser(need('input') as BookingUserInput);
      case 'token_add': {
        const replaces = args.replaces;
        return this.tokenAdd(
          Number(need('bookingUserId')),
          String(need('name')),
          String(need('token')),
          need('dates') as TokenDates,
          replaces === null || replaces === undefined ? null : Number(replaces),
        );
      }
      case 'token_verify':
        return this.tokenVerify(id());
      case 'token_copy':
        return this.tokenCopy(id());
      case 'token_set_expiry':
        return this.tokenSetExpiry(id(), need('dates') as TokenDates);
      case 'token_activate':
        return this.tokenActivate(id());
      case 'token_rotation_step':
        return this.tokenRotationStep(id(), String(need('step')));
      case 'token_delete':
        return this.tokenDelete(id());
      case 'expiries_list':
        return this.expiries();
      case 'reminder_settings_get':
        return this.reminderSettings();
      case 'reminder_settings_set':
        return this.setReminderSettings(need('input') as ReminderSettingsInput);
      case 'secret_expiry_set': {
        // An Option argument: null or left out both mean "no expiry".
        const e = args.expiresOn;
        return this.setSecretExpiry(Number(need('integrationId')), String(need('field')), e === null || e === undefined ? null : String(e));
      }
      default:
        throw `command ${cmd} not found`;
    }
  }
}
