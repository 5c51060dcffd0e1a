// Cadastros > Integrações in Debian's Chromium, against the real core (ponte-devhost: one per page, its own
// data folder, the OS keyring and the supplier simulator on loopback), with the app's real CSP and a
// frozen Object.prototype, as in the Tauri window.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { IntegrationTypeSpec } from '../src/bindings/IntegrationTypeSpec';
import type { Preset } from '../src/bindings/Preset';
import type { AppPage, CAT, Host } from './harness';
import { launch, openApp, screenshot, text, watchApi } from './harness';
import { LIST_AGENCY } from './integrations-helpers';
import { ATLANTICA, LITORAL, ROTA_SUL, seedAgency } from './seed';

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

async function open(opts: Parameters<typeof openApp>[1] = {}): Promise<Page> {
  current = await openApp(browser, { hash: '#/integrations', ...opts });
  // What these journeys type into secret fields: the end-of-journey scan looks for them too.
  for (const typed of ['errada', 'certa', 'tok-123']) current.host.useSecret(typed);
  await current.page.locator('h1').waitFor();
  await current.page.locator('.table-card [aria-busy]').waitFor({ state: 'detached' });
  return current.page;
}
/** The page on the agency of `seedAgency` (four integrations on this host's simulator). */
const openAgency = (opts: Parameters<typeof openApp>[1] = {}) => open({ prepare: (h) => seedAgency(h, LIST_AGENCY).then(() => undefined), ...opts });
const host = (): Host => current!.host;

/** What the database holds (not what the page shows). */
const storedDescriptions = async () => (await host().sql('SELECT description FROM integrations ORDER BY id')).map((r) => r[0] as string);
const storedPeople = async () => (await host().sql('SELECT name FROM people ORDER BY id')).map((r) => r[0] as string);
const integrationId = async (description: string) =>
  Number((await host().sql(`SELECT id FROM integrations WHERE description = '${description.replace(/'/g, "''")}'`))[0]?.[0]);

const rows = (page: Page) => page.getByTestId('integration-row');
const formOpen = (page: Page) => page.locator('dialog[data-testid=integration-form][open]').count();
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
const value = (page: Page, name: string) => page.inputValue(`[data-testid=integration-form] [name=${name}]`);
const field = (page: Page, name: string) => page.locator(`[data-testid=integration-form] [name=${name}]`);

async function pick(page: Page, testid: string) {
  await page.getByTestId('integrations-new').click();
  await page.getByTestId(testid).click();
  await page.locator('dialog[data-testid=integration-form][open]').waitFor();
}

describe('Cadastros > Integrações: the form', () => {
  test("each type's form is rendered from its declaration", async () => {
    const page = await open();
    // The declaration as the core serves it (the same list `integration-types.gen.json` is generated from).
    const types = await host().call<IntegrationTypeSpec[]>('integration_types');
    expect(types.map((t) => t.type)).toEqual(['infotravel', 'wooba', 'paytourist']);
    for (const spec of types) {
      await pick(page, `type-${spec.type}`);
      const form = page.getByTestId('integration-form');
      expect(await form.getAttribute('data-type')).toBe(spec.type);
      expect(await page.locator('#integration-form-title').textContent()).toBe(
        text('pt-BR', 'integrations.form.title_new', { type: text('pt-BR', spec.name_key) }),
      );
      expect(await form.getByTestId('before').textContent()).toContain(text('pt-BR', spec.before_key));
      expect(await field(page, 'description').getAttribute('type')).toBe('text');
      expect(await field(page, 'person').getAttribute('role')).toBe('combobox');
      for (const f of spec.fields) {
        const input = field(page, f.key);
        expect(await input.count(), `${spec.type}.${f.key}`).toBe(1);
        expect(await input.getAttribute('type')).toBe(f.kind === 'secret' ? 'password' : 'text');
        expect(await input.getAttribute('aria-required')).toBe(String(f.required));
        expect(await form.locator(`label[for=if-${f.key}]`).textContent()).toContain(text('pt-BR', f.label_key));
        if (f.help_key) expect(await form.locator(`#if-${f.key}-help`).textContent()).toBe(text('pt-BR', f.help_key));
        expect(await input.isVisible()).toBe(f.section !== 'advanced');
      }
      const apiAccess = spec.fields.some((f) => f.section === 'api_access');
      expect(await form.getByTestId('section-api_access').count()).toBe(apiAccess ? 1 : 0);
      if (apiAccess) {
        expect(await form.locator('#if-section-api_access').textContent()).toBe(text('pt-BR', 'integrations.section.api_access'));
        for (const f of spec.fields.filter((x) => x.section === 'api_access'))
          expect(await form.getByTestId('section-api_access').locator(`[name=${f.key}]`).count()).toBe(1);
      }
      const advanced = spec.fields.filter((f) => f.section === 'advanced');
      if (advanced.length > 0) {
        // Collapsed until opened.
        await form.getByTestId('section-advanced').locator('summary').click();
        for (const f of advanced) expect(await field(page, f.key).isVisible()).toBe(true);
      }
      expect(await form.getByTestId('tokens-elsewhere').count()).toBe(spec.tokens_elsewhere ? 1 : 0);
      await page.keyboard.press('Escape');
      await expect.poll(() => formOpen(page)).toBe(0);
    }
    expect(await storedDescriptions()).toEqual([]);
  });

  test('BWT Operadora (Infotravel): preset, new Pessoa Jurídica via “…”, test (wrong, then right), save, edit', async () => {
    const page = await open();
    const api = await watchApi(page, { replies: true });
    const sim = host().sim.infotravel;
    await expect.poll(() => page.getByTestId('integrations-empty').textContent()).toContain(text('pt-BR', 'integrations.empty'));
    expect(text('pt-BR', 'integrations.empty')).toContain('BWT Operadora (Infotravel)');

    await pick(page, 'preset-bwt-infotravel');
    expect(await value(page, 'description')).toBe('BWT Operadora (Infotravel)');
    expect(await value(page, 'url')).toBe('https://bwt.infotravel.com.br');
    expect(await value(page, 'supplier_id')).toBe('BWT');
    // The person is searched with the preset's hint: nobody yet, so the form says to create it with “…”.
    expect(await value(page, 'person')).toBe('BWT Operadora');
    await expect.poll(() => page.getByTestId('person-status').textContent()).toBe(
      text('pt-BR', 'integrations.person.none_found', { query: 'BWT Operadora' }),
    );
    expect(await focusedName(page)).toBe('person');

    // The preset's address is BWT's real server; here BWT is the simulator on this machine.
    await field(page, 'url').fill(sim.url);
    await field(page, 'agency_code').fill(sim.agency);
    await field(page, 'username').fill(sim.username);
    await field(page, 'password').fill('errada');

    // “…” → Nova Pessoa Jurídica on top of the form, pre-filled with what was searched.
    await page.getByTestId('person-new').click();
    const personForm = page.locator('dialog[data-testid=person-form][open]');
    await personForm.waitFor();
    expect(await page.locator('#person-form-title').textContent()).toBe(text('pt-BR', 'people.form.title_new_company'));
    expect(await personForm.locator('[name=name]').inputValue()).toBe('BWT Operadora');
    await personForm.locator('[name=name]').fill('BWT Operadora Ltda');
    await personForm.locator('[name=document]').fill('11.222.333/0001-81');
    await personForm.getByTestId('form-save').click();
    await expect.poll(() => personForm.count()).toBe(0);
    expect(await formOpen(page)).toBe(1);
    // Linked, and everything typed before is still there.
    await expect.poll(() => value(page, 'person')).toBe('BWT Operadora Ltda');
    expect(await page.getByTestId('person-status').count()).toBe(0);
    expect(await value(page, 'agency_code')).toBe(sim.agency);
    expect(await value(page, 'username')).toBe(sim.username);
    expect(await value(page, 'password')).toBe('errada');
    expect(await storedPeople()).toEqual(['BWT Operadora Ltda']);

    // Testar conexão before saving: busy (the core's answer held back meanwhile), then “Credencial inválida”
    // with the fix and Tentar de novo.
    const release = api.hold('integration_test');
    await page.getByTestId('integration-test').click();
    await page.getByTestId('test-running').waitFor();
    expect(await page.getByTestId('integration-test').getAttribute('aria-busy')).toBe('true');
    release();
    const result = page.getByTestId('test-result');
    await expect.poll(() => result.getAttribute('data-ok')).toBe('false');
    expect(await result.getByTestId('test-message').textContent()).toBe(text('pt-BR', 'error.supplier.invalid_credentials'));
    expect(text('pt-BR', 'error.supplier.invalid_credentials')).toMatch(/^Credencial inválida: .*Atualize/);
    await field(page, 'password').fill(sim.password);
    await page.getByTestId('test-retry').click();
    await expect.poll(() => result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toBe(text('pt-BR', 'test.ok.infotravel', { minutes: String(sim.token_ttl_secs / 60) }));
    expect(await storedDescriptions()).toEqual([]);

    await page.getByTestId('form-save').click();
    await expect.poll(() => formOpen(page)).toBe(0);
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(
      text('pt-BR', 'integrations.created', { name: 'BWT Operadora (Infotravel)' }),
    );
    await expect.poll(() => rows(page).count()).toBe(1);
    const row = rows(page).first();
    expect(await row.locator('.cell-main').textContent()).toBe('BWT Operadora (Infotravel)');
    expect(await row.locator('.col-type').textContent()).toBe(text('pt-BR', 'integration.infotravel.name'));
    expect(await row.getByTestId('integration-person').textContent()).toBe(`${text('pt-BR', 'integrations.col.person')}: BWT Operadora Ltda`);
    expect(await row.getByTestId('status-test').textContent()).toContain(text('pt-BR', 'integrations.status.untested'));
    expect(await row.getByTestId('last-import').textContent()).toContain('—');
    const id = await integrationId('BWT Operadora (Infotravel)');
    expect(await host().secret(`integration/${id}/password`)).toBe(sim.password);
    expect(await host().sql('SELECT count(*) FROM integrations')).toEqual([[1]]);

    // Edit: the password is "definida", never shown; Substituir reveals an empty input.
    await row.getByTestId('integration-edit').click();
    await page.locator('dialog[data-testid=integration-form][open]').waitFor();
    expect(await page.locator('#integration-form-title').textContent()).toBe(
      text('pt-BR', 'integrations.form.title_edit', { name: 'BWT Operadora (Infotravel)' }),
    );
    expect(await page.getByTestId('secret-set-password').textContent()).toContain(text('pt-BR', 'integrations.secret_set'));
    expect(await field(page, 'password').count()).toBe(0);
    expect(await value(page, 'agency_code')).toBe(sim.agency);
    await page.getByTestId('secret-replace-password').click();
    expect(await field(page, 'password').getAttribute('type')).toBe('password');
    expect(await value(page, 'password')).toBe('');
    await expect.poll(() => focusedName(page)).toBe('password');

    // Testing a saved integration uses the stored password and records the outcome in the list.
    await page.getByTestId('integration-test').click();
    await expect.poll(() => result.getAttribute('data-ok')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => formOpen(page)).toBe(0);
    await expect.poll(() => rows(page).first().getByTestId('status-test').textContent()).toContain(text('pt-BR', 'integrations.status.ok'));
    expect(await rows(page).first().getByTestId('last-success').textContent()).toMatch(/^\d\d\/\d\d\/\d{4}$/);

    // No reply from the backend ever carried a password.
    const all = api.replies();
    expect(all).toContain('"secrets_set":["password"]'); // the replies were seen, and say only "definida"
    expect(all).not.toContain(sim.password);
    expect(all).not.toContain('errada');
  });

  test('bad input is refused next to each field and nothing is saved', async () => {
    const page = await openAgency();
    const api = await watchApi(page, { replies: true });
    // Saves the core answered (refused, here).
    const creates = () => api.repliesTo('integration_create').length;
    await pick(page, 'type-infotravel');
    await field(page, 'description').fill('x'.repeat(5000));
    await field(page, 'url').fill('bwt.infotravel.com.br');
    await field(page, 'supplier_id').fill('BWT 1');
    await field(page, 'agency_code').fill('12AB');
    await page.getByTestId('form-save').click();
    await expect.poll(() => page.getByTestId('error-description').textContent()).toBe(text('pt-BR', 'error.field.too_long', { max: '200' }));
    expect(await page.getByTestId('error-person').textContent()).toBe(text('pt-BR', 'error.field.required'));
    expect(await page.getByTestId('error-url').textContent()).toBe(text('pt-BR', 'error.url.no_scheme'));
    expect(await page.getByTestId('error-supplier_id').textContent()).toBe(text('pt-BR', 'error.field.identifier'));
    expect(await page.getByTestId('error-agency_code').textContent()).toBe(text('pt-BR', 'error.field.digits_only'));
    expect(await page.getByTestId('error-username').textContent()).toBe(text('pt-BR', 'error.field.required'));
    expect(await page.getByTestId('error-password').textContent()).toBe(text('pt-BR', 'error.field.required'));
    expect(await page.getByTestId('form-summary').textContent()).toContain(text('pt-BR', 'error.invalid_input'));
    expect(await field(page, 'url').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedName(page)).toBe('description');

    // Fixing a field clears its message; http is refused unless it is this machine.
    await field(page, 'url').fill('http://bwt.infotravel.com.br');
    expect(await page.getByTestId('error-url').count()).toBe(0);
    await field(page, 'description').fill('BWT');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-url').textContent()).toBe(text('pt-BR', 'error.url.https_required'));
    expect(await page.getByTestId('error-description').count()).toBe(0);
    await field(page, 'url').fill('http://127.0.0.1:8080');
    await page.keyboard.press('Enter');
    await expect.poll(() => creates()).toBe(3);
    await expect.poll(() => page.getByTestId('form-save').getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => page.getByTestId('error-person').count()).toBe(1);
    expect(await page.getByTestId('error-url').count()).toBe(0);
    expect(await page.getByTestId('error-agency_code').count()).toBe(1);

    // Testar conexão checks the fields too, and says so next to them.
    await field(page, 'url').fill('ftp://bwt.infotravel.com.br');
    await page.getByTestId('integration-test').click();
    await expect.poll(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('error-url').textContent()).toBe(text('pt-BR', 'error.url.scheme'));
    expect(await formOpen(page)).toBe(1);
    expect(await storedDescriptions()).toEqual([ATLANTICA, ROTA_SUL, 'Hotel Bellavista (PayTourist Firenze)', LITORAL]);

    // A description another integration of the type already has.
    await page.keyboard.press('Escape');
    await pick(page, 'type-wooba');
    await field(page, 'description').fill('rota sul (WOOBA)');
    await field(page, 'person').fill('rota');
    await page.getByTestId('person-option').first().click();
    await field(page, 'username').fill('u');
    await field(page, 'password').fill('p');
    await field(page, 'url').fill('https://rotasul.travellink.com.br/');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-description').textContent()).toBe(text('pt-BR', 'error.integration.duplicate_description'));
    expect((await storedDescriptions()).length).toBe(4);
  });

  test('duplicate opens a new form with the values and empty secrets', async () => {
    const page = await openAgency();
    const api = await watchApi(page, { replies: true });
    const sim = host().sim.infotravel;
    await expect.poll(() => rows(page).count()).toBe(4);
    await rows(page).filter({ hasText: 'Atlântica Operadora (Infotravel)' }).getByTestId('integration-duplicate').click();
    await page.locator('dialog[data-testid=integration-form][open]').waitFor();
    expect(await page.locator('#integration-form-title').textContent()).toBe(
      text('pt-BR', 'integrations.form.title_new', { type: 'Infotravel' }),
    );
    expect(await page.getByTestId('duplicate-note').textContent()).toBe(
      text('pt-BR', 'integrations.form.duplicate_note', { name: 'Atlântica Operadora (Infotravel)' }),
    );
    expect(await value(page, 'description')).toBe(`Atlântica Operadora (Infotravel) ${text('pt-BR', 'common.copy_suffix')}`);
    expect(await value(page, 'person')).toBe('Atlântica Operadora de Viagens Ltda');
    expect(await value(page, 'url')).toBe(sim.url);
    expect(await value(page, 'supplier_id')).toBe(sim.client);
    expect(await value(page, 'agency_code')).toBe(sim.agency);
    expect(await value(page, 'username')).toBe(sim.username);
    expect(await field(page, 'password').getAttribute('type')).toBe('password');
    expect(await value(page, 'password')).toBe('');
    expect(await page.getByTestId('secret-set-password').count()).toBe(0);
    await expect.poll(() => focusedName(page)).toBe('password');

    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-password').textContent()).toBe(text('pt-BR', 'error.field.required'));
    // Spaces around a pasted password are removed, and the user is told.
    await field(page, 'password').fill('  certa\n');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count()).toBe(5);
    const notice = page.locator('.toast[data-kind=notice]');
    expect(await notice.textContent()).toBe(
      text('pt-BR', 'integrations.notice', {
        field: text('pt-BR', 'integration.infotravel.password.label'),
        message: text('pt-BR', 'notice.secret_trimmed'),
      }),
    );
    const copy = await integrationId(`${ATLANTICA} ${text('pt-BR', 'common.copy_suffix')}`);
    expect(copy).toBeGreaterThan(0);
    expect(await host().secret(`integration/${copy}/password`)).toBe('certa');
    // The original keeps its own password.
    expect(await host().secret(`integration/${await integrationId(ATLANTICA)}/password`)).toBe(sim.password);
    const all = api.replies();
    expect(all).toContain('integration_create');
    expect(all).not.toContain('certa');
    expect(all).not.toContain(sim.password);
  });

  test('a running test can be cancelled; its late result is ignored', async () => {
    // Ponte's own Wooba developer settings are left unset on this host (see the end).
    const page = await open({ prepare: (h) => seedAgency(h, { ...LIST_AGENCY, wooba: false }).then(() => undefined) });
    // The simulated Infotravel is slow to answer the next request (1.5 s): the test is still running …
    await host().fault({ supplier: 'infotravel', kind: 'slow', delay_ms: 1500, count: 1 });
    const api = await watchApi(page, { replies: true });
    await rows(page).filter({ hasText: ATLANTICA }).click();
    await page.locator('dialog[data-testid=integration-form][open]').waitFor();
    // … and its answer is held back from the page until the test was cancelled.
    const release = api.hold('integration_test');
    await page.getByTestId('integration-test').click();
    await page.getByTestId('test-running').waitFor();
    expect(await page.getByTestId('integration-test').getAttribute('aria-busy')).toBe('true');
    await page.getByTestId('test-cancel').click();
    expect(await page.getByTestId('test-running').count()).toBe(0);
    expect(api.repliesTo('integration_test')).toEqual([]);
    release();
    // The core's answer reaches the page after the cancel (a success: the fault only slowed it down) …
    await expect.poll(() => api.repliesTo('integration_test').length, { timeout: 10_000 }).toBe(1);
    expect(api.repliesTo('integration_test')[0]).toContain('"ok"');
    // … and, a couple of frames later, the page has still shown nothing of it.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    expect(await page.getByTestId('test-result').count()).toBe(0);
    expect(await page.getByTestId('test-running').count()).toBe(0);
    expect(await focusedName(page)).toBe('');

    // Wooba needs Ponte's own developer credentials; without them the test says where to set them.
    await page.keyboard.press('Escape');
    await expect.poll(() => formOpen(page)).toBe(0);
    await rows(page).filter({ hasText: 'Rota Sul' }).click();
    await page.getByTestId('integration-test').click();
    await expect.poll(() => page.getByTestId('test-message').textContent()).toBe(
      text('pt-BR', 'error.supplier.developer_settings_missing', { what: 'Developer-Token' }),
    );
  });
});

describe('Cadastros > Integrações: the list', () => {
  test('search, filters, status with the failure in a tooltip, enable/disable, delete with its keyring entries', async () => {
    let agency: Awaited<ReturnType<typeof seedAgency>> | undefined;
    const page = await open({
      prepare: async (h) => {
        agency = await seedAgency(h, LIST_AGENCY);
      },
    });
    const ids = agency!;
    await expect.poll(() => rows(page).count()).toBe(4);
    expect(await page.getByTestId('integrations-count').textContent()).toBe(text('pt-BR', 'integrations.count', { count: '4' }));

    const rota = rows(page).filter({ hasText: 'Rota Sul' });
    expect(await rota.getByTestId('status-test').textContent()).toContain(text('pt-BR', 'integrations.status.failing'));
    const title = (await rota.getByTestId('status-test').getAttribute('title')) ?? '';
    expect(title).toContain(text('pt-BR', 'error.supplier.invalid_credentials'));
    const litoral = rows(page).filter({ hasText: 'Litoral' });
    expect(await litoral.getByTestId('status-enabled').textContent()).toBe(text('pt-BR', 'integrations.status.disabled'));

    await page.fill('#integrations-search', 'ROTA sul');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.fill('#integrations-search', 'bellavista');
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining('PayTourist')]);
    await page.fill('#integrations-search', '');
    await page.getByTestId('filter-type').selectOption('infotravel');
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByTestId('filter-status').selectOption('disabled');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByTestId('filter-status').selectOption('failing');
    await expect.poll(() => page.getByTestId('integrations-empty').textContent()).toContain(text('pt-BR', 'integrations.no_results'));
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => rows(page).count()).toBe(4);
    await page.getByTestId('filter-status').selectOption('untested');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByTestId('filter-status').selectOption('');

    // Enable / disable.
    await expect.poll(() => rows(page).count()).toBe(4);
    await litoral.getByTestId('integration-toggle').click();
    await expect.poll(() => litoral.getByTestId('status-enabled').textContent()).toBe(text('pt-BR', 'integrations.status.enabled'));
    expect(await host().sql('SELECT count(*) FROM integrations WHERE NOT enabled')).toEqual([[0]]);
    await rota.getByTestId('integration-toggle').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(
      text('pt-BR', 'integrations.disabled_toast', { name: 'Rota Sul (Wooba)' }),
    );
    await expect.poll(() => rota.getByTestId('status-enabled').textContent()).toBe(text('pt-BR', 'integrations.status.disabled'));
    expect(await host().sql('SELECT description FROM integrations WHERE NOT enabled')).toEqual([[ROTA_SUL]]);

    // Delete: the confirmation says the keyring entries go too; Cancel keeps everything.
    expect(await host().secret(`integration/${ids.atlantica}/password`)).toBe(host().sim.infotravel.password);
    await rows(page).filter({ hasText: 'Atlântica' }).getByTestId('integration-delete').click();
    const message = text('pt-BR', 'integrations.confirm_delete', { name: 'Atlântica Operadora (Infotravel)' });
    expect(await page.locator('#confirm-message').textContent()).toBe(message);
    expect(message).toContain('chaveiro');
    await page.getByTestId('confirm-cancel').click();
    expect(await rows(page).count()).toBe(4);
    await rows(page).filter({ hasText: 'Atlântica' }).getByTestId('integration-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await host().secret(`integration/${ids.atlantica}/password`)).toBeNull();
    expect(await storedDescriptions()).not.toContain(ATLANTICA);
    // The other integrations keep theirs.
    expect(await host().secret(`integration/${ids.litoral}/password`)).toBe(host().sim.infotravel.password);

    // Its person is free now: Pessoas lets it go; a person still linked (Rota Sul) is refused.
    await page.getByTestId('nav-people').click();
    await page.getByTestId('person-row').filter({ hasText: 'Atlântica Operadora' }).click();
    await page.getByTestId('form-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(
      text('pt-BR', 'people.deleted', { name: 'Atlântica Operadora de Viagens Ltda' }),
    );
    expect(await host().sql(`SELECT count(*) FROM people WHERE id = ${ids.people['Atlântica Operadora de Viagens Ltda']}`)).toEqual([[0]]);
    await page.getByTestId('person-row').filter({ hasText: 'Rota Sul' }).click();
    await page.getByTestId('form-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('form-summary').textContent()).toContain(
      text('pt-BR', 'error.person_in_use', { count: '1' }),
    );
  });

  test('keyboard: Ctrl+N, arrows and Enter in the picker, person picked with arrows, Enter saves, Esc cancels', async () => {
    const page = await openAgency();
    const presets = await host().call<Preset[]>('integration_presets');
    expect(presets.map((p) => p.id)).toEqual(['bwt-infotravel', 'bwt-wooba']);
    await expect.poll(() => rows(page).count()).toBe(4);
    await page.keyboard.press('Control+n');
    await page.locator('dialog[data-testid=integration-picker][open]').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('preset-bwt-infotravel');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);

    await page.keyboard.press('Control+n');
    await page.locator('dialog[data-testid=integration-picker][open]').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('preset-bwt-infotravel');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid)).toBe('preset-bwt-wooba');
    await page.keyboard.press('Enter');
    await page.locator('dialog[data-testid=integration-form][open]').waitFor();
    expect(await value(page, 'url')).toBe(presets[1]!.values.url);
    await expect.poll(() => focusedName(page)).toBe('person');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('rota');
    await expect.poll(() => page.getByTestId('person-option').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await value(page, 'person')).toBe('Rota Sul Turismo S.A.');
    expect(await formOpen(page)).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('username');
    await page.keyboard.type('horizonte.api2');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('password');
    await page.keyboard.type('certa');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count()).toBe(5);
    expect(await formOpen(page)).toBe(0);
    const saved = await integrationId('BWT Operadora (Wooba)');
    expect(await host().sql(`SELECT type, person_id FROM integrations WHERE id = ${saved}`)).toEqual(
      await host().sql("SELECT 'wooba', id FROM people WHERE name = 'Rota Sul Turismo S.A.'"),
    );
    expect(await host().secret(`integration/${saved}/password`)).toBe('certa');

    // Esc in the open person list closes the list, not the form; a second Esc cancels the form.
    await rows(page).filter({ hasText: 'BWT Operadora (Wooba)' }).click();
    await page.locator('dialog[data-testid=integration-form][open]').waitFor();
    await field(page, 'person').click();
    await expect.poll(() => page.getByTestId('person-option').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('person-option').count()).toBe(0);
    expect(await formOpen(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => formOpen(page)).toBe(0);
    expect(await rows(page).filter({ hasText: 'BWT Operadora (Wooba)' }).getByTestId('integration-person').textContent()).toContain('Rota Sul Turismo S.A.');
  });

  test('every control of the list and the form is reachable with Tab and shows focus', async () => {
    const page = await openAgency();
    await expect.poll(() => rows(page).count()).toBe(4);
    const walk = async (n: number) => {
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          return { id: el.dataset.testid ?? (el as HTMLInputElement).name ?? el.id, outline: getComputedStyle(el).outlineStyle };
        });
        if (info) {
          seen.add(info.id);
          expect(info.outline, `focus ring on ${info.id}`).not.toBe('none');
        }
      }
      return seen;
    };
    const list = await walk(24);
    for (const id of ['integrations-new', 'filter-type', 'filter-status', 'sort-description', 'integration-row', 'integration-edit', 'integration-delete'])
      expect(list).toContain(id);

    await rows(page).filter({ hasText: 'Atlântica' }).click();
    await page.locator('dialog[data-testid=integration-form][open]').waitFor();
    const form = await walk(16);
    for (const id of ['description', 'person', 'person-new', 'url', 'supplier_id', 'agency_code', 'username', 'secret-replace-password', 'integration-test', 'form-cancel', 'form-save'])
      expect(form).toContain(id);
  });
});

describe('Configurações > Integrações', () => {
  test('the Wooba Developer-Token is write-only and the public key must be a PEM', async () => {
    const page = await open({ hash: '#/settings' });
    const api = await watchApi(page, { replies: true });
    const key = host().sim.wooba.public_key_pem;
    const card = page.getByTestId('settings-integrations');
    await card.locator('[name=developer_token]').waitFor();
    expect(await card.textContent()).toContain(text('pt-BR', 'settings.integrations_help'));
    expect(await card.locator('[name=developer_token]').getAttribute('type')).toBe('password');
    await card.locator('[name=developer_token]').fill('tok-123');
    await card.locator('[name=public_key_pem]').fill('not a key');
    await card.getByTestId('settings-wooba-save').click();
    await expect.poll(() => card.getByTestId('error-public_key_pem').textContent()).toBe(text('pt-BR', 'error.settings.pem'));
    expect(await host().secret('settings/0/wooba_developer_token')).toBeNull();
    expect(await host().sql("SELECT count(*) FROM settings WHERE key LIKE '%wooba%'")).toEqual([[0]]);

    await card.locator('[name=public_key_pem]').fill(key);
    await card.getByTestId('settings-wooba-save').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(text('pt-BR', 'settings.wooba.saved'));
    expect(await card.getByTestId('secret-set-developer_token').textContent()).toContain(text('pt-BR', 'integrations.secret_set'));
    expect(await card.locator('[name=developer_token]').count()).toBe(0);
    expect(await host().secret('settings/0/wooba_developer_token')).toBe('tok-123');
    expect(await card.locator('[name=public_key_pem]').inputValue()).toBe(key.trim());
    expect(await host().sql("SELECT value FROM settings WHERE key = 'wooba.public_key_pem'")).toEqual([[key.trim()]]);
    await card.getByTestId('secret-replace-developer_token').click();
    expect(await card.locator('[name=developer_token]').inputValue()).toBe('');
    await expect.poll(() => focusedName(page)).toBe('developer_token');
    const all = api.replies();
    expect(all).toContain('wooba_settings_set');
    expect(all).not.toContain('tok-123');
  });
});

describe('screenshots', () => {
  for (const locale of ['pt-BR', 'it', 'en'] as Locale[]) {
    test(locale, async () => {
      const page = await openAgency({ locale });
      const sim = host().sim.infotravel;
      await expect.poll(() => rows(page).count()).toBe(4);
      await screenshot(page, `integrations-list-${locale}`);

      await page.getByTestId('integrations-new').click();
      await page.getByTestId('preset-bwt-infotravel').waitFor();
      await screenshot(page, `integrations-picker-${locale}`);

      await page.getByTestId('preset-bwt-infotravel').click();
      await page.locator('dialog[data-testid=integration-form][open]').waitFor();
      await field(page, 'person').fill('Atlântica');
      await page.getByTestId('person-option').first().click();
      await field(page, 'url').fill(sim.url);
      await field(page, 'agency_code').fill(sim.agency);
      await field(page, 'username').fill(sim.username);
      await field(page, 'password').fill('errada');
      await page.getByTestId('integration-test').click();
      await expect.poll(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('false');
      expect(await page.getByTestId('test-message').textContent()).toBe(text(locale, 'error.supplier.invalid_credentials'));
      await screenshot(page, `integrations-test-failed-${locale}`);
      await field(page, 'password').fill(sim.password);
      await page.getByTestId('test-retry').click();
      await expect.poll(() => page.getByTestId('test-result').getAttribute('data-ok')).toBe('true');
      await field(page, 'description').focus();
      await screenshot(page, `integrations-form-${locale}`);
      await page.keyboard.press('Escape');

      await pick(page, 'type-infotravel');
      await field(page, 'description').fill('Operadora');
      await field(page, 'url').fill('http://bwt.infotravel.com.br');
      await field(page, 'agency_code').fill('BWT-01');
      await page.keyboard.press('Enter');
      await page.getByTestId('error-agency_code').waitFor();
      expect(await page.getByTestId('error-url').textContent()).toBe(text(locale, 'error.url.https_required'));
      await screenshot(page, `integrations-form-errors-${locale}`);
    });
  }
});
