// Token API and Promemoria in Debian's Chromium, in Italian (PayTourist's users are Italian hotels:
// docs/PROTOCOLS.md#paytourist), against the real core (ponte-devhost: one per page, its own data folder,
// the OS keyring and the supplier simulator, whose PayTourist accepts the tokens it was told about) with
// the app's real CSP and a frozen Object.prototype.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Expiry } from '../src/bindings/Expiry';
import type { ReminderSettings } from '../src/bindings/ReminderSettings';
import { addMonths, formatDay, isoDay, masked } from '../src/tokens-model';
import type { AppPage, CAT, Host } from './harness';
import { launch, openApp, screenshot, text, watchApi } from './harness';
import type { TokensSeed } from './integrations-helpers';
import { ERICSOFT_2023, seedTokens, simAcceptToken, simRequestCount, simRevokeToken } from './integrations-helpers';
import { BELLAVISTA } from './seed';

let browser: Browser;
let current: AppPage | null = null;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  if (current) {
    const problems = await current.problems();
    await current.close();
    current = null;
    expect(problems).toEqual([]);
  }
});

type Locale = keyof typeof CAT;
const it = (key: string, params: Record<string, string> = {}) => text('it', key, params);

const SECRET = 'pt_live_7Hq2Lw9XcV4mN8bR3tY6uK1jF5dS0aZe';
const NEW_SECRET = 'pt_live_2Nd8Ke4Wq7Rz1Tx6Ym3Vb9Pc5Lh0Gj8A';

/** What this page's host was seeded with (`seedTokens`), when it was. */
let seeded: TokensSeed | null = null;
/** The agency with its Booking user and two tokens; PayTourist also knows the tokens the tests paste. */
async function seedAll(h: Host) {
  seeded = await seedTokens(h);
  for (const t of [SECRET, NEW_SECRET]) await simAcceptToken(h, t);
}

async function open(opts: Parameters<typeof openApp>[1] = {}): Promise<Page> {
  seeded = null;
  current = await openApp(browser, { locale: 'it', hash: '#/tokens', prepare: seedAll, ...opts });
  // What these journeys paste: the end-of-journey scan looks for them too.
  for (const pasted of [SECRET, NEW_SECRET]) current.host.useSecret(pasted);
  await current.page.locator('h1').waitFor();
  const page = current.page;
  await expect.poll(() => page.locator('.content [aria-busy=true]').count()).toBe(0);
  return page;
}
const host = (): Host => current!.host;
const seed = (): TokensSeed => seeded!;

/** The tokens stored in the database (ids), and each one's keyring entry. */
const storedTokens = async () => (await host().sql('SELECT id FROM api_tokens ORDER BY id')).map((r) => Number(r[0]));
const tokenSecret = (id: number) => host().secret(`token/${id}/value`);
const tokenId = async (name: string) => Number((await host().sql(`SELECT id FROM api_tokens WHERE name = '${name.replace(/'/g, "''")}'`))[0]?.[0]);
const html = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);
/** Everything the page shows or holds in its fields. */
const pageText = (page: Page) =>
  page.evaluate(() => [document.documentElement.outerHTML, ...[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)].join('\n'));

const rows = (page: Page) => page.getByTestId('token-row');
const row = (page: Page, name: string) => rows(page).filter({ has: page.locator('.token-name-text', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });
const dialog = (page: Page, testid: string) => page.locator(`dialog[data-testid=${testid}][open]`);
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
const stepStates = (page: Page) =>
  page.evaluate(() => [1, 2, 3, 4, 5].map((n) => document.querySelector(`[data-testid=rotation-step-${n}]`)?.getAttribute('data-state')));

describe('Token API', () => {
  test('a Booking user and its token: spaces refused, a rejected token explained, "Bearer " removed; then masked; copy counts down', async () => {
    const page = await open();
    const api = await watchApi(page, { replies: true });
    await expect.poll(() => rows(page).count()).toBe(2);
    const software = await host().call<string[]>('booking_software');

    // Nuovo utente Booking: PayTourist's guidance under each field; required fields refused next to them.
    await page.getByTestId('tokens-new-user').click();
    const userForm = dialog(page, 'booking-user-form');
    await userForm.waitFor();
    expect(await userForm.textContent()).toContain(it('tokens.user.before'));
    expect(await userForm.locator('#bu-email-help').textContent()).toBe(it('tokens.field.email_help'));
    expect(it('tokens.field.email_help')).toContain('legato alla struttura e facilmente consultabile');
    expect(await userForm.locator('#bu-software-help').textContent()).toBe(it('tokens.field.software_help'));
    // The only PayTourist integration is already chosen.
    expect(await userForm.locator('[name=integration_id] option:checked').textContent()).toBe(BELLAVISTA);
    // The core's list of hotel software, "Other" in the user's language.
    expect(software).toContain('Octorate');
    expect(software.at(-1)).toBe('Other');
    expect(await userForm.locator('[name=software] option').allTextContents()).toEqual([
      it('tokens.software.none'),
      ...software.slice(0, -1),
      'Altro',
    ]);
    await userForm.getByTestId('form-save').click();
    await expect.poll(() => userForm.getByTestId('error-name').textContent()).toBe(it('error.field.required'));
    expect(await userForm.getByTestId('error-email').textContent()).toBe(it('error.email.invalid'));
    expect(await focusedName(page)).toBe('name');
    await userForm.locator('[name=name]').fill('Ricevimento Bellavista');
    await userForm.locator('[name=email]').fill('ricevimento@bellavista.example.it');
    await userForm.locator('[name=software]').selectOption('Octorate');
    await page.keyboard.press('Enter');

    // Saved: the next step of PayTourist's procedure opens at once — the token of this user.
    const form = dialog(page, 'token-form');
    await form.waitFor();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(it('tokens.user.created', { name: 'Ricevimento Bellavista' }));
    expect(await page.locator('#token-form-title').textContent()).toBe(it('tokens.form.title', { user: 'Ricevimento Bellavista' }));
    const steps = (await form.getByTestId('token-steps').textContent()) ?? '';
    for (const k of ['tokens.form.step1', 'tokens.form.step2', 'tokens.form.step3']) expect(steps).toContain(it(k));
    for (const words of ['Impostazioni profilo', 'Token di accesso API', '+ Crea nuovo Token', 'senza spazi e senza alterarne il contenuto'])
      expect(steps).toContain(words);
    // Created today, expires in 36 months (PayTourist also mentions 12: one click).
    const today = isoDay(new Date());
    expect(await form.locator('[name=created_on]').inputValue()).toBe(formatDay('it', today));
    expect(await form.locator('[name=expires_on]').inputValue()).toBe(formatDay('it', addMonths(today, 36) ?? ''));
    expect(await form.getByTestId('expiry-months-36').getAttribute('aria-pressed')).toBe('true');
    await form.getByTestId('expiry-months-12').click();
    expect(await form.locator('[name=expires_on]').inputValue()).toBe(formatDay('it', addMonths(today, 12) ?? ''));
    await form.getByTestId('expiry-months-36').click();
    expect(await form.locator('[name=token]').evaluate((e) => e.tagName)).toBe('TEXTAREA');

    // A space inside: refused next to the field, nothing sent to PayTourist or stored.
    const asked = await simRequestCount(host(), 'paytourist');
    await form.locator('[name=name]').fill('Octorate 2026');
    await form.locator('[name=token]').fill('pt_live_7Hq2 Lw9XcV4m');
    await form.getByTestId('form-save').click();
    await expect.poll(() => form.getByTestId('error-token').textContent()).toBe(it('error.token.inner_space'));
    expect(await form.locator('[name=token]').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedName(page)).toBe('token');
    expect(await simRequestCount(host(), 'paytourist')).toBe(asked);
    expect(await storedTokens()).toEqual([seed().ericsoft, seed().channel]);

    // PayTourist answers 401: the fix is said next to the token; nothing stored.
    await form.locator('[name=token]').fill('rejected-token');
    expect(await form.getByTestId('error-token').count()).toBe(0);
    const release = api.hold('token_add');
    await form.getByTestId('form-save').click();
    await form.getByTestId('token-verifying').waitFor();
    expect(await form.getByTestId('token-verifying').textContent()).toBe(it('tokens.verifying'));
    expect(await form.getByTestId('form-save').getAttribute('aria-busy')).toBe('true');
    release();
    await expect.poll(() => form.getByTestId('error-token').textContent()).toBe(it('error.supplier.token_rejected'));
    expect(await simRequestCount(host(), 'paytourist')).toBe(asked + 1);
    expect(it('error.supplier.token_rejected')).toContain('crea un nuovo token su PayTourist');
    expect(await storedTokens()).toEqual([seed().ericsoft, seed().channel]);
    expect(await tokenSecret(seed().channel + 1)).toBeNull();

    // Pasted with "Bearer " and a line break: cleaned, verified live, stored; the notice says so.
    await form.locator('[name=token]').fill(`Bearer ${SECRET}\n`);
    await form.getByTestId('form-save').click();
    await form.getByTestId('token-saved').waitFor();
    expect(await form.getByTestId('token-notice').allTextContents()).toEqual([it('notice.token_bearer_removed'), it('notice.secret_trimmed')]);
    expect(await form.getByTestId('token-saved').textContent()).toContain(
      it('tokens.form.saved_body', { name: 'Octorate 2026', masked: masked(SECRET.slice(-4)) }),
    );
    expect(await form.locator('[name=token]').count()).toBe(0);
    expect(await form.textContent()).toContain(it('tokens.form.saved_paste', { software: 'Octorate' }));
    await form.getByTestId('form-close').click();
    await expect.poll(() => dialog(page, 'token-form').count()).toBe(0);

    // From now on masked: four characters, never the token — not in the page, not in any reply.
    const user = page.getByTestId('booking-user').filter({ hasText: 'Ricevimento Bellavista' });
    const mine = user.getByTestId('token-row');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.getAttribute('data-status')).toBe('valid');
    expect(await mine.getByTestId('token-mask').textContent()).toBe(`${masked(SECRET.slice(-4))}${it('tokens.ending_in', { last4: SECRET.slice(-4) })}`);
    expect(await mine.getByTestId('token-expires').textContent()).toBe(formatDay('it', addMonths(today, 36) ?? ''));
    expect(await user.getByTestId('booking-user-software').textContent()).toBe('Octorate');
    const id = await tokenId('Octorate 2026');
    expect(await storedTokens()).toEqual([seed().ericsoft, seed().channel, id]);
    expect(await tokenSecret(id)).toBe(SECRET);
    for (const s of [await pageText(page), api.replies()]) {
      expect(s).not.toContain(SECRET.slice(0, 12));
      expect(s).not.toContain(SECRET.slice(4, 20));
    }
    expect(api.repliesTo('token_add').at(-1)).toContain(`"last4":"${SECRET.slice(-4)}"`);

    // Copia: the backend copies it; the page only counts down the 30 seconds until it is cleared.
    await mine.getByTestId('token-copy').click();
    const countdown = user.getByTestId('token-copy-countdown');
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/^Octorate 2026Copiato — sparisce dagli appunti tra (30|29) s$/);
    expect(await host().recorded()).toMatchObject({ clipboard: SECRET, clipboard_clear_secs: 30 });
    await expect.poll(() => countdown.textContent(), { timeout: 4000 }).toMatch(/tra (2[0-7]) s$/);
    expect(it('tokens.copied', { seconds: '30' })).toBe('Copiato — sparisce dagli appunti tra 30 s');

    // Verifica ora: accepted; then PayTourist no longer knows it → rejected, with the fix and a notification.
    await mine.getByTestId('token-verify').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(it('tokens.verified_ok', { name: 'Octorate 2026' }));
    expect((await host().recorded()).notifications).toEqual([]);
    await simRevokeToken(host(), SECRET);
    await mine.getByTestId('token-verify').click();
    await expect.poll(() => mine.getAttribute('data-status')).toBe('rejected');
    expect(await page.getByTestId('action-error').textContent()).toBe(it('error.supplier.token_rejected'));
    expect(await mine.getByTestId('token-status').textContent()).toContain(it('tokens.status.rejected'));
    expect(await host().sql(`SELECT last_check FROM api_tokens WHERE id = ${id}`)).toEqual([['rejected']]);
    // A desktop notification, at once, in the user's language.
    const expiry = (await host().call<Expiry[]>('expiries_list')).find((e) => e.token_id === id)!;
    const params = { label: expiry.label, integration: expiry.integration, days: String(expiry.days_left), date: formatDay('it', expiry.expires_on) };
    expect((await host().recorded()).notifications).toEqual([['rejected', it('notify.rejected.title', params), it('notify.rejected.body', params)]]);

    // Elimina: the confirmation says it leaves the keyring and must be deleted on PayTourist too.
    await mine.getByTestId('token-delete').click();
    const message = it('tokens.confirm_delete', { name: 'Octorate 2026', last4: SECRET.slice(-4) });
    expect(await page.locator('#confirm-message').textContent()).toBe(message);
    expect(message).toContain('portachiavi di sistema');
    expect(message).toContain('eliminalo anche lì');
    await page.getByTestId('confirm-cancel').click();
    expect(await mine.count()).toBe(1);
    await mine.getByTestId('token-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => mine.count()).toBe(0);
    expect(await storedTokens()).toEqual([seed().ericsoft, seed().channel]);
    expect(await tokenSecret(id)).toBeNull();
    expect(await user.getByTestId('tokens-user-empty').textContent()).toBe(it('tokens.user.no_tokens'));
  });

  test('Sostituisci from a notification (#/tokens/1): every step, closed and resumed halfway, the old token deleted', async () => {
    // The tray and the notifications open #/tokens/<id>: the expiring token is shown and its rotation opens.
    // A fresh data folder: Ericsoft 2023, the first token stored, is token 1.
    const page = await open({ hash: '#/tokens/1' });
    expect(seed().ericsoft).toBe(1);
    const api = await watchApi(page, { replies: true });
    const wizard = dialog(page, 'token-rotation');
    await wizard.waitFor();
    expect(new URL(page.url()).hash).toBe('#/tokens');
    expect(await row(page, 'Ericsoft 2023').getAttribute('class')).toContain('row-highlight');
    expect(await row(page, 'Ericsoft 2023').getAttribute('data-status')).toBe('expiring');
    expect(await page.locator('#rotation-title').textContent()).toBe(it('tokens.rotation.title', { name: 'Ericsoft 2023' }));
    expect(await stepStates(page)).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    expect(await wizard.textContent()).toContain(it('tokens.rotation.body1', { user: 'Bellavista Booking' }));
    expect(await wizard.locator('[name=name]').inputValue()).toBe('Ericsoft 2023 (nuovo)');
    await expect.poll(() => focusedName(page)).toBe('token');

    // 1: the old token pasted again is refused (the usual mistake) — PayTourist needs a new one.
    await wizard.locator('[name=token]').fill(ERICSOFT_2023);
    await wizard.getByTestId('rotation-next').click();
    await expect.poll(() => wizard.getByTestId('error-token').textContent()).toBe(it('error.token.duplicate'));
    await wizard.locator('[name=token]').fill(NEW_SECRET);
    await wizard.getByTestId('rotation-next').click();

    // 2: verified (shown).
    await wizard.getByTestId('rotation-verified').waitFor();
    expect(await stepStates(page)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(await wizard.getByTestId('rotation-verified').textContent()).toContain(masked(NEW_SECRET.slice(-4)));
    expect(await wizard.locator('[name=token]').count()).toBe(0);
    await wizard.getByTestId('rotation-next').click();
    await expect.poll(() => stepStates(page)).toEqual(['done', 'done', 'current', 'todo', 'todo']);

    // Continua più tardi: the list says a replacement is under way; it resumes at step 3.
    await wizard.getByTestId('rotation-later').click();
    await expect.poll(() => dialog(page, 'token-rotation').count()).toBe(0);
    const old = row(page, 'Ericsoft 2023');
    await expect.poll(() => old.getByTestId('rotation-continue').textContent()).toBe(it('tokens.rotation.in_progress'));
    const fresh = row(page, 'Ericsoft 2023 (nuovo)');
    expect(await fresh.getByTestId('token-mask').textContent()).toContain(it('tokens.rotation.replaces', { name: 'Ericsoft 2023' }));
    expect(await old.getAttribute('data-active')).toBe('true');
    // Elsewhere and back: the step is the backend's, not the page's.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('nav-tokens').click();
    await old.getByTestId('rotation-continue').click();
    await wizard.waitFor();
    expect(await stepStates(page)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(await wizard.textContent()).toContain(
      it('tokens.rotation.body3', { masked: masked(NEW_SECRET.slice(-4)), old: `Ericsoft 2023 (${masked('k7Q2')})` }),
    );

    // 3: make it the active token.
    await wizard.getByTestId('rotation-next').click();
    await expect.poll(() => stepStates(page)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    await expect.poll(() => fresh.getAttribute('data-active')).toBe('true');
    expect(await old.getAttribute('data-active')).toBe('false');

    // 4: paste it into the hotel software: Copia, with its countdown; then "Fatto".
    expect(await wizard.textContent()).toContain(it('tokens.rotation.software', { software: 'Ericsoft' }));
    await wizard.getByTestId('token-copy').click();
    await expect.poll(() => wizard.getByTestId('token-copy-countdown').textContent()).toMatch(/Copiato — sparisce dagli appunti tra (30|29) s/);
    expect((await host().recorded()).clipboard).toBe(NEW_SECRET);
    await screenshot(page, 'token-rotation-it');
    await wizard.getByTestId('rotation-next').click();
    await expect.poll(() => stepStates(page)).toEqual(['done', 'done', 'done', 'done', 'current']);

    // 5: PayTourist's warning (docs/PROTOCOLS.md#paytourist-api-tokens) — delete the old one before its natural
    // expiry, here and on PayTourist.
    const attention = (await wizard.getByTestId('rotation-attention').textContent()) ?? '';
    expect(attention).toBe(it('tokens.rotation.body5', { old: `Ericsoft 2023 (${masked('k7Q2')})` }));
    expect(attention).toContain('prima della sua naturale scadenza');
    await wizard.getByTestId('rotation-next').click();
    await wizard.getByTestId('rotation-done').waitFor();
    expect(await stepStates(page)).toEqual(['done', 'done', 'done', 'done', 'done']);
    await expect.poll(() => old.count()).toBe(0);
    const freshId = await tokenId('Ericsoft 2023 (nuovo)');
    expect(await storedTokens()).toEqual([seed().channel, freshId]);
    expect(await tokenSecret(seed().ericsoft)).toBeNull();
    expect(await tokenSecret(freshId)).toBe(NEW_SECRET);
    const steps = api.requests
      .filter((c) => c.cmd === 'token_rotation_step' || c.cmd === 'token_activate' || c.cmd === 'token_delete')
      .map((c) => [c.cmd, c.args.step ?? c.args.id]);
    expect(steps).toEqual([
      ['token_activate', freshId],
      ['token_rotation_step', 'pasted'],
      ['token_delete', seed().ericsoft],
      ['token_rotation_step', 'done'],
    ]);
    expect(await host().sql(`SELECT rotation_step, active FROM api_tokens WHERE id = ${freshId}`)).toEqual([['done', 1]]);
    await wizard.getByTestId('rotation-next').click();
    await expect.poll(() => dialog(page, 'token-rotation').count()).toBe(0);
    expect(await fresh.getByTestId('rotation-continue').count()).toBe(0);
    expect(await fresh.getByTestId('token-mask').textContent()).not.toContain(it('tokens.rotation.replaces', { name: 'Ericsoft 2023' }));
    for (const s of [await html(page), api.replies()]) expect(s).not.toContain(NEW_SECRET.slice(0, 12));
    expect(api.replies()).toContain('token_add');

    // A valid token opened from the tray is only shown, not rotated.
    const channel = seed().channel;
    await page.evaluate((id) => {
      window.location.hash = `#/tokens/${id}`;
    }, channel);
    await expect.poll(() => row(page, 'Channel manager').getAttribute('class')).toContain('row-highlight');
    expect(await dialog(page, 'token-rotation').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.id)).toBe(String(channel));
  });

  test('the expiry is editable: 12 or 36 months, a date before the creation refused next to the field', async () => {
    const page = await open();
    const r = row(page, 'Channel manager');
    await r.getByTestId('token-expiry-edit').click();
    const d = dialog(page, 'token-expiry');
    await d.waitFor();
    expect(await d.locator('[name=expires_on]').inputValue()).toBe(await r.getByTestId('token-expires').textContent());
    await d.locator('[name=expires_on]').fill('01/01/2020');
    await d.getByTestId('form-save').click();
    await expect.poll(() => d.getByTestId('error-expires_on').textContent()).toBe(it('error.token.expiry_before_creation'));
    await d.locator('[name=expires_on]').fill('31/02/2029');
    await d.getByTestId('form-save').click();
    await expect.poll(() => d.getByTestId('error-expires_on').textContent()).toBe(it('error.import.date_format'));
    const created = await d.locator('[name=created_on]').inputValue();
    await d.getByTestId('expiry-months-12').click();
    const [dd, mm, yyyy] = created.split('/');
    expect(await d.locator('[name=expires_on]').inputValue()).toBe(`${dd}/${mm}/${Number(yyyy) + 1}`);
    await d.getByTestId('form-save').click();
    await expect.poll(() => dialog(page, 'token-expiry').count()).toBe(0);
    await expect.poll(() => r.getByTestId('token-expires').textContent()).toBe(`${dd}/${mm}/${Number(yyyy) + 1}`);
    expect(await page.getByTestId('toast').textContent()).toContain(it('tokens.expiry.saved', { name: 'Channel manager', date: `${dd}/${mm}/${Number(yyyy) + 1}` }));
    // Stored as the core keeps dates; the creation date is untouched.
    expect(await host().sql(`SELECT created_on, expires_on FROM api_tokens WHERE id = ${seed().channel}`)).toEqual([
      [`${yyyy}-${mm}-${dd}`, `${Number(yyyy) + 1}-${mm}-${dd}`],
    ]);
  });

  test('without a PayTourist integration the screen says where to start', async () => {
    const page = await open({ prepare: undefined });
    await page.getByTestId('tokens-empty').waitFor();
    expect(await page.getByTestId('tokens-empty').textContent()).toContain(it('tokens.no_paytourist'));
    expect(await page.getByTestId('tokens-new-user').isDisabled()).toBe(true);
    await page.getByTestId('tokens-open-integrations').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(it('integrations.title'));
  });
});

describe('Promemoria', () => {
  test('every expiring credential, soonest first; an item opens its token; thresholds with a duplicate refused', async () => {
    const page = await open({ hash: '#/reminders' });
    const items = page.getByTestId('expiry-row');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-days'))))).toEqual([18, 45, 600]);
    expect(await items.getByTestId('expiry-label').allTextContents()).toEqual([
      'Ericsoft 2023 (Bellavista Booking)',
      'Rota Sul (Wooba)',
      'Channel manager (Bellavista Booking)',
    ]);
    expect(await items.getByTestId('expiry-days').allTextContents()).toEqual(['18 giorni', '45 giorni', '600 giorni']);
    expect(await items.getByTestId('expiry-status').evaluateAll((b) => b.map((x) => x.firstChild?.textContent))).toEqual([
      it('tokens.status.expiring'),
      it('tokens.status.expiring'),
      it('tokens.status.valid'),
    ]);

    // A token added in Token API appears in its place (PayTourist still accepts it; its recorded expiry is past).
    await simAcceptToken(host(), 'pt_expired_demo_1');
    await host().call('token_add', {
      bookingUserId: seed().user,
      name: 'Scaduto',
      token: 'pt_expired_demo_1',
      dates: { created_on: '2023-01-01', expires_on: '2026-01-01' },
      replaces: null,
    });
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('nav-reminders').click();
    await expect.poll(() => items.count()).toBe(4);
    expect(await items.first().getByTestId('expiry-label').textContent()).toBe('Scaduto (Bellavista Booking)');
    expect(await items.first().getByTestId('expiry-status').textContent()).toContain(it('tokens.status.expired'));

    // Thresholds: 60, 30, 7, 1, 0 to start; a duplicate and a negative refused next to the field.
    const settings = page.getByTestId('reminder-settings');
    const chips = settings.getByTestId('threshold-chip');
    await expect.poll(() => chips.evaluateAll((c) => c.map((x) => Number(x.getAttribute('data-days'))))).toEqual([60, 30, 7, 1, 0]);
    expect(await chips.allTextContents()).toEqual(['60 giorni', '30 giorni', '7 giorni', '1 giorno', 'il giorno stesso']);
    const input = settings.locator('[name=threshold]');
    await input.fill('30');
    await input.press('Enter');
    await expect.poll(() => settings.getByTestId('error-thresholds').textContent()).toBe(it('error.reminders.thresholds_duplicate'));
    expect(await settings.locator('.chips').evaluate((e) => e.closest('.field')?.classList.contains('invalid'))).toBe(true);
    await input.fill('-5');
    await input.press('Enter');
    await expect.poll(() => settings.getByTestId('error-thresholds').textContent()).toBe(it('error.reminders.thresholds_range'));
    await input.fill('14');
    await input.press('Enter');
    expect(await settings.getByTestId('error-thresholds').count()).toBe(0);
    await expect.poll(() => chips.count()).toBe(6);
    await chips.filter({ hasText: '1 giorno' }).getByTestId('threshold-remove').click();
    await settings.locator('[name=quiet_start]').fill('23:00');
    await settings.getByTestId('reminder-save').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(it('reminders.saved'));
    const settingsNow = () => host().call<ReminderSettings>('reminder_settings_get');
    expect(await settingsNow()).toEqual({ thresholds: [60, 30, 14, 7, 0], quiet_hours: { start: '23:00', end: '08:00' }, clipboard_clear_secs: 30 });

    // The clipboard delay: out of range is refused next to its field; a valid one is kept.
    await settings.locator('[name=clipboard_clear_secs]').fill('2');
    await settings.getByTestId('reminder-save').click();
    await expect.poll(() => settings.getByTestId('error-clipboard_clear_secs').textContent()).toBe(it('error.reminders.clipboard_secs'));
    await settings.locator('[name=clipboard_clear_secs]').fill('45');
    await settings.getByTestId('reminder-save').click();
    await expect.poll(async () => (await settingsNow()).clipboard_clear_secs).toBe(45);

    // What only the backend checks is said next to its field too.
    await settings.locator('[name=quiet_end]').fill('8');
    await settings.getByTestId('reminder-save').click();
    await expect.poll(() => settings.getByTestId('error-quiet_end').textContent()).toBe(it('error.reminders.time'));
    for (let i = 0; i < 5; i++) await chips.first().getByTestId('threshold-remove').click();
    await settings.locator('[name=quiet_end]').fill('08:00');
    await settings.getByTestId('reminder-save').click();
    await expect.poll(() => settings.getByTestId('error-thresholds').textContent()).toBe(it('error.reminders.thresholds_count'));
    await settings.getByTestId('reminder-defaults').click();
    expect(await chips.count()).toBe(5);

    // An item opens its token (expiring: straight into its replacement).
    await items.filter({ hasText: 'Ericsoft 2023' }).click();
    await dialog(page, 'token-rotation').waitFor();
    expect(await page.locator('h1').textContent()).toBe(it('menu.tokens'));
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-reminders').click();
    await items.filter({ hasText: 'Rota Sul' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(it('integrations.title'));
  });
});

describe('screenshots', () => {
  for (const locale of ['it', 'pt-BR'] as Locale[]) {
    test(locale, async () => {
      const page = await open({ locale });
      await expect.poll(() => rows(page).count()).toBe(2);
      await rows(page).first().getByTestId('token-copy').click();
      await page.getByTestId('token-copy-countdown').waitFor();
      await page.mouse.move(0, 0);
      await screenshot(page, `tokens-${locale}`);

      await page.getByTestId('tokens-new').click();
      const form = dialog(page, 'token-form');
      await form.waitFor();
      await form.locator('[name=name]').fill('Ericsoft 2026');
      await form.locator('[name=token]').fill('pt_live_7Hq2 Lw9XcV4m');
      await form.getByTestId('form-save').click();
      await form.getByTestId('error-token').waitFor();
      expect(await form.getByTestId('error-token').textContent()).toBe(text(locale, 'error.token.inner_space'));
      await screenshot(page, `token-new-${locale}`);
      await page.keyboard.press('Escape');

      if (locale !== 'it') {
        await rows(page).first().getByTestId('token-rotate').click();
        const wizard = dialog(page, 'token-rotation');
        await wizard.locator('[name=token]').fill(NEW_SECRET);
        await wizard.getByTestId('rotation-next').click();
        await wizard.getByTestId('rotation-verified').waitFor();
        await wizard.getByTestId('rotation-next').click();
        await wizard.getByTestId('rotation-next').click();
        await wizard.getByTestId('token-copy').waitFor();
        await wizard.getByTestId('token-copy').click();
        await wizard.getByTestId('token-copy-countdown').waitFor();
        await screenshot(page, `token-rotation-${locale}`);
        await page.keyboard.press('Escape');
      }

      await page.getByTestId('nav-reminders').click();
      await expect.poll(() => page.getByTestId('expiry-row').count()).toBeGreaterThan(2);
      await screenshot(page, `reminders-${locale}`);
    });
  }
});
