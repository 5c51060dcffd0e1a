// The demo, the scheduled import, start with the system and the expiry of integration secrets, in Debian's
// Chromium against the real core (ponte-devhost: one per page, its own data folder, the OS keyring, the
// supplier simulator), with the app's real CSP and a frozen Object.prototype.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DemoStatus } from '../src/bindings/DemoStatus';
import type { Expiry } from '../src/bindings/Expiry';
import type { Integration } from '../src/bindings/Integration';
import type { WoobaSettings } from '../src/bindings/WoobaSettings';
import { holdCommand } from './app-helpers';
import type { ApiWatch, AppPage, CAT, Host } from './harness';
import { launch, openApp, screenshot, text, watchApi } from './harness';
import { isoDay, seedAgency } from './seed';

let browser: Browser;
let current: AppPage | null = null;

/** expect.poll with room for a busy machine (1 s by default). */
const poll = <T>(f: () => T | Promise<T>, timeout = 5000) => expect.poll(f, { timeout });

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

/** Commands the current page sent (recorded from its opening). */
let calls: ApiWatch | null = null;
const sent = (cmd: string) => calls?.of(cmd) ?? [];

async function open(opts: Parameters<typeof openApp>[1] = {}): Promise<Page> {
  current = await openApp(browser, opts);
  calls = await watchApi(current.page);
  await current.page.locator('h1').waitFor();
  return current.page;
}

const host = (): Host => current!.host;
const count = async (table: string) => Number((await host().sql(`SELECT count(*) FROM ${table}`))[0]?.[0]);
const integrations = () => host().call<Integration[]>('integrations_list', { filter: { query: '', type: null, status: null } });
const h1 = (page: Page) => page.locator('h1').textContent();
const toast = (page: Page) => page.getByTestId('toast').textContent();
/** A day `days` days from today in the browser (negative: before), as `YYYY-MM-DD`. */
const localDay = (page: Page, days: number) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
/** `YYYY-MM-DD` as pt-BR and it write it. */
const typed = (iso: string) => iso.split('-').reverse().join('/');
const tile = async (page: Page, key: string) => Number(((await page.getByTestId(`import-count-${key}`).first().locator('.tile-value').textContent()) ?? '').replace(/\D/g, ''));

/** Clicks "Experimentar com dados de demonstração" and waits until Importar vendas is ready with the demo. */
async function startDemo(page: Page, locale: Locale) {
  const button = page.getByTestId('demo-start');
  // The core starts the simulator quickly: hold its reply to look at the button meanwhile.
  const hold = await holdCommand(page, 'demo_start');
  await button.click();
  await hold.held;
  // Starting the simulator takes a moment: the button says so and cannot be clicked twice.
  await poll(() => button.getAttribute('aria-busy')).toBe('true');
  expect(await button.isDisabled()).toBe(true);
  expect(await button.textContent()).toBe(text(locale, 'demo.starting'));
  await button.click({ force: true });
  hold.release();
  await page.getByTestId('import-demo-note').waitFor({ timeout: 15_000 });
  await page.unroute('**/api/demo_start');
  expect(sent('demo_start')).toHaveLength(1);
}

describe('the demo', () => {
  test('from the empty Importar vendas: the demo Infotravel integration and the last 30 days, ready to preview and import', async () => {
    const page = await open({ hash: '#/import' });
    const empty = page.getByTestId('import-empty');
    await empty.waitFor();
    expect(await empty.getByTestId('demo-start').textContent()).toBe(text('pt-BR', 'demo.start'));
    expect(await empty.textContent()).toContain(text('pt-BR', 'demo.start_help'));

    await startDemo(page, 'pt-BR');
    expect(await h1(page)).toBe(text('pt-BR', 'import.title'));
    const demo = await host().call<DemoStatus>('demo_status');
    expect(demo.active).toBe(true);
    const infotravel = (await integrations()).find((i) => i.type === 'infotravel');
    expect(demo.integration_ids).toContain(infotravel?.id);
    expect(infotravel?.description).toBe(`BWT Operadora (Infotravel) ${text('pt-BR', 'demo.suffix')}`);
    expect(await page.getByTestId('import-integration').inputValue()).toBe(String(infotravel?.id));
    expect(await page.getByTestId('import-mode-dates').isChecked()).toBe(true);
    expect(await page.inputValue('input[name=from]')).toBe(typed(await localDay(page, -30)));
    expect(await page.inputValue('input[name=to]')).toBe(typed(await localDay(page, 0)));
    await poll(() => toast(page)).toContain(text('pt-BR', 'demo.started', { name: infotravel?.description ?? '', action: text('pt-BR', 'import.preview') }));
    expect(await page.getByTestId('import-demo-note').textContent()).toContain(text('pt-BR', 'demo.import_note'));
    // Both demo integrations can be picked, labelled as demo.
    const options = await page.getByTestId('import-integration').locator('option').allTextContents();
    expect(options.every((o) => o.endsWith(text('pt-BR', 'demo.suffix')))).toBe(true);
    expect(options).toHaveLength(2);

    // Ready: Pré-visualizar, then Importar.
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-run').waitFor({ timeout: 15_000 });
    const found = await tile(page, 'new');
    expect(found).toBeGreaterThan(100);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 15_000 });
    expect(await count('sales')).toBe(found);
    expect(await host().sql('SELECT DISTINCT integration_id FROM sales')).toEqual([[infotravel?.id]]);
  });

  test('from the empty Integrações (Italian): labelled rows; Impostazioni shows it active and removes it with its sales', async () => {
    const page = await open({ locale: 'it', hash: '#/integrations' });
    await page.getByTestId('integrations-empty').waitFor();
    await startDemo(page, 'it');
    expect(await h1(page)).toBe(text('it', 'import.title'));
    // Import something, so that removing it has sales to remove.
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-run').click({ timeout: 15_000 });
    await page.getByTestId('import-summary').waitFor({ timeout: 15_000 });
    expect(await count('sales')).toBeGreaterThan(0);
    const demo = await host().call<DemoStatus>('demo_status');
    expect(demo.integration_ids).toHaveLength(2);
    for (const id of demo.integration_ids) expect(await host().secret(`integration/${id}/password`)).not.toBeNull();

    await page.getByTestId('nav-integrations').click();
    const rows = page.getByTestId('integration-row');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.getByTestId('integration-demo').allTextContents()).toEqual([text('it', 'demo.badge'), text('it', 'demo.badge')]);

    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('settings-demo');
    await poll(() => card.getAttribute('data-active')).toBe('true');
    expect(await card.getByTestId('demo-state').textContent()).toBe(text('it', 'demo.active'));
    // Asked first; Annulla keeps everything.
    await card.getByTestId('demo-remove').click();
    const confirm = page.locator('dialog[data-testid=confirm-dialog][open]');
    expect(await confirm.locator('#confirm-message').textContent()).toBe(text('it', 'demo.confirm_remove'));
    await confirm.getByTestId('confirm-cancel').click();
    expect(await count('integrations')).toBe(2);
    expect((await host().call<DemoStatus>('demo_status')).active).toBe(true);
    await card.getByTestId('demo-remove').click();
    await confirm.getByTestId('confirm-ok').click();
    await poll(() => toast(page)).toContain(text('it', 'demo.removed'));
    await poll(() => card.getAttribute('data-active')).toBe('false');
    expect(await card.getByTestId('demo-state').textContent()).toBe(text('it', 'demo.inactive'));
    expect(await card.getByTestId('demo-start').count()).toBe(1);
    expect([await count('integrations'), await count('people'), await count('sales')]).toEqual([0, 0, 0]);
    expect((await host().call<WoobaSettings>('wooba_settings_get')).developer_token_set).toBe(false);
    // Its passwords left the keyring with it.
    for (const id of demo.integration_ids) expect(await host().secret(`integration/${id}/password`)).toBeNull();
    await page.getByTestId('nav-integrations').click();
    await page.getByTestId('integrations-empty').waitFor();
  });
});

describe('Importar vendas: automatic import', () => {
  test('every day at a time, per integration: saved, refused when no time, turned off', async () => {
    let seeded: Integration[] = [];
    const page = await open({ hash: '#/import', prepare: async (h) => void (seeded = (await seedAgency(h)).integrations) });
    const [atlantica, rotaSul] = seeded;
    if (!atlantica || !rotaSul) throw new Error('seed: integrations missing');
    const card = page.getByTestId('import-schedule');
    const state = card.getByTestId('import-schedule-state');
    await poll(() => state.textContent()).toBe(text('pt-BR', 'import.schedule.off'));
    expect(await page.getByTestId('import-integration').inputValue()).toBe(String(atlantica.id));
    expect(await card.textContent()).toContain(text('pt-BR', 'import.schedule.enable'));
    expect(await card.getByTestId('import-schedule-cli').textContent()).toBe(text('pt-BR', 'import.schedule.cli_command', { id: String(atlantica.id) }));
    const time = card.locator('input[name=schedule_time]');
    expect(await time.isDisabled()).toBe(true);

    await card.getByTestId('import-schedule-enabled').check();
    await time.fill('7:30');
    await card.getByTestId('import-schedule-save').click();
    await poll(() => toast(page)).toContain(text('pt-BR', 'import.schedule.saved', { name: atlantica.description, time: '07:30' }));
    expect(await state.textContent()).toBe(text('pt-BR', 'import.schedule.on', { time: '07:30' }));
    expect(await time.inputValue()).toBe('07:30');
    expect(sent('import_schedule_set')).toEqual([{ integrationId: atlantica.id, time: '07:30' }]);
    const schedule = (id: number) => host().call<string | null>('import_schedule_get', { integrationId: id });
    expect(await schedule(atlantica.id)).toBe('07:30');

    // Each integration has its own.
    await page.getByTestId('import-integration').selectOption(String(rotaSul.id));
    await poll(() => state.textContent()).toBe(text('pt-BR', 'import.schedule.off'));
    expect(await card.getByTestId('import-schedule-enabled').isChecked()).toBe(false);
    expect(await schedule(rotaSul.id)).toBeNull();
    await page.getByTestId('import-integration').selectOption(String(atlantica.id));
    await poll(() => state.textContent()).toBe(text('pt-BR', 'import.schedule.on', { time: '07:30' }));
    expect(await card.getByTestId('import-schedule-enabled').isChecked()).toBe(true);

    // No time of day: refused next to the field, nothing sent.
    await time.fill('25:00');
    await card.getByTestId('import-schedule-save').click();
    expect(await card.getByTestId('error-schedule_time').textContent()).toBe(text('pt-BR', 'error.reminders.time'));
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('schedule_time');
    expect(sent('import_schedule_set')).toHaveLength(1);

    await card.getByTestId('import-schedule-enabled').uncheck();
    expect(await card.getByTestId('error-schedule_time').count()).toBe(0);
    await card.getByTestId('import-schedule-save').click();
    await poll(() => toast(page)).toContain(text('pt-BR', 'import.schedule.cleared', { name: atlantica.description }));
    expect(await state.textContent()).toBe(text('pt-BR', 'import.schedule.off'));
    expect(sent('import_schedule_set')).toEqual([
      { integrationId: atlantica.id, time: '07:30' },
      { integrationId: atlantica.id, time: null },
    ]);
    expect(await schedule(atlantica.id)).toBeNull();
  });
});

describe('Configurações: start with the system', () => {
  test('the checkbox says and sets whether Ponte starts hidden in the tray', async () => {
    const page = await open({ hash: '#/settings' });
    const box = page.getByTestId('autostart');
    await poll(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    expect(await page.getByTestId('settings-startup').textContent()).toContain(text('pt-BR', 'settings.autostart_help'));
    await box.check();
    await poll(() => toast(page)).toContain(text('pt-BR', 'settings.autostart_on'));
    expect((await host().recorded()).autostart).toBe(true);
    await poll(() => box.isEnabled()).toBe(true);
    await box.uncheck();
    await poll(() => toast(page)).toContain(text('pt-BR', 'settings.autostart_off'));
    expect((await host().recorded()).autostart).toBe(false);
    expect(sent('autostart_set')).toEqual([{ enabled: true }, { enabled: false }]);
  });
});

describe('Integrações: when a secret expires', () => {
  test('a date typed in the edit form appears in Lembretes; a stored one is shown; an empty one removes it', async () => {
    let seeded: Integration[] = [];
    const page = await open({
      hash: '#/integrations',
      prepare: async (h) => {
        seeded = (await seedAgency(h)).integrations;
        // Rota Sul's password expires in 45 days.
        const rotaSul = seeded.find((i) => i.description === 'Rota Sul (Wooba)');
        await h.call('secret_expiry_set', { integrationId: rotaSul?.id, field: 'password', expiresOn: isoDay(45) });
      },
    });
    const atlantica = seeded.find((i) => i.description === 'Atlântica Operadora (Infotravel)');
    if (!atlantica) throw new Error('seed: no Atlântica integration');
    const expiries = async () => (await host().call<Expiry[]>('expiries_list')).map((e) => e.key);
    const before = await expiries();
    const rows = page.getByTestId('integration-row');
    await poll(() => rows.count()).toBe(seeded.length);
    const form = page.locator('dialog[data-testid=integration-form][open]');
    const expires = form.locator('input[name=password_expires_on]');

    // Rota Sul's password already expires in 45 days (seeded): shown in the form.
    await rows.filter({ hasText: 'Rota Sul' }).click();
    await form.waitFor();
    await poll(() => expires.inputValue()).toBe(typed(await localDay(page, 45)));
    await page.keyboard.press('Escape');

    await rows.filter({ hasText: atlantica.description }).click();
    await form.waitFor();
    expect(await form.textContent()).toContain(text('pt-BR', 'integrations.secret.expires', { field: text('pt-BR', 'integration.infotravel.password.label') }));
    expect(await expires.inputValue()).toBe('');
    await expires.fill('31/02/2027');
    await form.getByTestId('form-save').click();
    expect(await form.getByTestId('error-password_expires_on').textContent()).toBe(text('pt-BR', 'error.import.date_format'));
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('password_expires_on');
    expect([...sent('integration_update'), ...sent('secret_expiry_set')]).toHaveLength(0);
    const day = await localDay(page, 20);
    await expires.fill(typed(day));
    await form.getByTestId('form-save').click();
    await poll(() => toast(page)).toContain(text('pt-BR', 'integrations.updated', { name: atlantica.description }));
    expect(sent('secret_expiry_set')).toEqual([{ integrationId: atlantica.id, field: 'password', expiresOn: day }]);
    const stored = () => host().sql(`SELECT field, expires_on FROM secret_expiries WHERE integration_id = ${atlantica.id}`);
    expect(await stored()).toEqual([['password', day]]);

    await page.getByTestId('nav-reminders').click();
    const key = `secret:${atlantica.id}:password`;
    expect(await expiries()).toContain(key);
    const item = page.locator(`[data-testid=expiry-row][data-key="${key}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-days')).toBe('20');
    expect(await item.getByTestId('expiry-label').textContent()).toBe(atlantica.description);
    expect(await item.textContent()).toContain(`${text('pt-BR', 'reminders.kind.secret')}: ${text('pt-BR', 'integration.infotravel.password.label')}`);
    expect(await item.textContent()).toContain(typed(day));

    // Saving the form unchanged sends nothing; emptied, the date goes.
    await item.click();
    await poll(() => h1(page)).toBe(text('pt-BR', 'integrations.title'));
    await rows.filter({ hasText: atlantica.description }).click();
    await poll(() => expires.inputValue()).toBe(typed(day));
    await form.getByTestId('form-save').click();
    await form.waitFor({ state: 'detached' });
    expect(sent('secret_expiry_set')).toHaveLength(1);
    await rows.filter({ hasText: atlantica.description }).click();
    await poll(() => expires.inputValue()).toBe(typed(day));
    await expires.fill('');
    await form.getByTestId('form-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('nav-reminders').click();
    await poll(() => page.getByTestId('expiry-row').count()).toBe(before.length);
    expect(await page.locator(`[data-testid=expiry-row][data-key="${key}"]`).count()).toBe(0);
    expect(await stored()).toEqual([]);
    expect(await expiries()).toEqual(before);
  });
});

describe('screenshots', () => {
  for (const locale of ['pt-BR', 'it'] as const) {
    test(locale, async () => {
      // The demo, just started from the empty Importar vendas.
      let page = await open({ locale, hash: '#/import' });
      await page.getByTestId('import-empty').waitFor();
      await startDemo(page, locale);
      await poll(() => toast(page)).toContain(text(locale, 'import.preview'));
      await screenshot(page, `demo-${locale}`);
      await page.getByTestId('nav-settings').click();
      await poll(() => page.getByTestId('settings-demo').getAttribute('data-active')).toBe('true');
      // Once the toast of the start has gone.
      await poll(() => toast(page), 8000).toBe('');
      await page.getByTestId('settings-demo').scrollIntoViewIfNeeded();
      await screenshot(page, `settings-demo-${locale}`);
      const first = current;
      current = null;
      expect(await first?.problems()).toEqual([]);
      await first?.close();

      // A saved schedule.
      page = await open({ locale, hash: '#/import', prepare: async (h) => void (await seedAgency(h)) });
      const card = page.getByTestId('import-schedule');
      await poll(() => card.getByTestId('import-schedule-state').textContent()).toBe(text(locale, 'import.schedule.off'));
      await card.getByTestId('import-schedule-enabled').check();
      await card.locator('input[name=schedule_time]').fill('06:45');
      await card.getByTestId('import-schedule-save').click();
      await poll(() => card.getByTestId('import-schedule-state').textContent()).toBe(text(locale, 'import.schedule.on', { time: '06:45' }));
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `import-schedule-${locale}`);
    });
  }
});
