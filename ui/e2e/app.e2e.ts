// End-to-end tests of the built UI in Debian's Chromium, against the real core (ponte-devhost: one per
// page, its own data folder). The page gets the app's real CSP and a frozen Object.prototype, as in the
// Tauri window.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { AppInfo } from '../src/bindings/AppInfo';
import { startBrokenHost } from './app-helpers';
import type { AppPage, Host } from './harness';
import { launch, openApp, screenshot, text } from './harness';
import { ATLANTICA, ATLANTICA_PERSON, createIntegration, infotravelInput, PEOPLE, seedPeople } from './seed';

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

async function open(opts: Parameters<typeof openApp>[1] = {}): Promise<Page> {
  // These journeys are about Pessoas and the shell; the app itself opens on Início.
  current = await openApp(browser, { hash: '#/people', ...opts });
  await current.page.locator('h1').waitFor();
  return current.page;
}

const h1 = (page: Page) => page.locator('h1').textContent();
const rows = (page: Page) => page.getByTestId('person-row');
/** People stored in the database (not what the page shows). */
const storedPeople = async () => Number((await current!.host.sql('SELECT count(*) FROM people'))[0]?.[0]);
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
const formOpen = (page: Page) => page.locator('dialog.panel[open]').count();

/** PEOPLE, with Atlântica linked to an Infotravel integration (so it cannot be deleted). */
async function agency(host: Host) {
  const people = await seedPeople(host);
  await createIntegration(host, infotravelInput(host, ATLANTICA, people[ATLANTICA_PERSON]!));
}

describe('Cadastros > Pessoas', () => {
  test('empty list, then a company with an alphanumeric CNPJ is created and found by search', async () => {
    const page = await open();
    expect(await h1(page)).toBe(text('pt-BR', 'people.title'));
    await expect.poll(() => page.getByTestId('people-empty').textContent()).toBe(text('pt-BR', 'people.empty'));

    await page.getByTestId('people-new-company').click();
    expect(await focusedName(page)).toBe('name');
    await page.fill('input[name=name]', 'Pousada Mar Azul Ltda');
    await page.fill('input[name=trade_name]', 'Mar Azul');
    await page.fill('input[name=document]', '12.abc.345/01de-35');
    await page.fill('input[name=email]', 'reservas@marazul.example.com.br');
    await page.fill('input[name=phone]', '+55 48 3333-4444');
    await page.getByTestId('form-save').click();

    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(
      text('pt-BR', 'people.created', { name: 'Pousada Mar Azul Ltda' }),
    );
    expect(await formOpen(page)).toBe(0);
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('12.ABC.345/01DE-35');
    expect(await page.getByTestId('people-count').textContent()).toBe(text('pt-BR', 'people.count_one'));

    // Search as you type: by name without accents/case, by document punctuation-free, and no match.
    await page.fill('#people-search', 'MAR azul');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.fill('#people-search', 'zzz');
    await expect.poll(() => page.getByTestId('people-empty').textContent()).toBe(
      text('pt-BR', 'people.no_results', { query: 'zzz' }),
    );
    await page.fill('#people-search', '12abc34501');
    await expect.poll(() => rows(page).count()).toBe(1);
  });

  test('invalid CPFs are refused next to the document field and nothing is saved', async () => {
    const page = await open();
    await page.getByTestId('people-new-individual').click();
    await page.fill('input[name=name]', 'Maria da Silva');
    await page.fill('input[name=document]', '111.111.111-11');
    await page.getByTestId('form-save').click();
    await expect.poll(() => page.getByTestId('error-document').textContent()).toBe(text('pt-BR', 'error.cpf.repeated'));
    expect(await page.getByTestId('form-summary').textContent()).toContain(text('pt-BR', 'error.invalid_input'));
    await expect.poll(() => focusedName(page)).toBe('document');
    expect(await page.getAttribute('input[name=document]', 'aria-invalid')).toBe('true');

    await page.fill('input[name=document]', '529.982.247-24');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-document').textContent()).toBe(
      text('pt-BR', 'error.cpf.check_digit'),
    );
    expect(await formOpen(page)).toBe(1);
    expect(await storedPeople()).toBe(0);

    await page.getByTestId('form-cancel').click();
    expect(await formOpen(page)).toBe(0);
    await expect.poll(() => page.getByTestId('people-empty').textContent()).toBe(text('pt-BR', 'people.empty'));
    expect(await storedPeople()).toBe(0);
  });

  test('leaving the document field checks it at once; a valid one is shown punctuated', async () => {
    const page = await open({ locale: 'it' });
    await page.getByTestId('people-new-company').click();
    await page.fill('input[name=document]', '11222333000180');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId('error-document').textContent()).toBe(text('it', 'error.cnpj.check_digit'));
    await page.fill('input[name=document]', '11222333000181');
    expect(await page.getByTestId('error-document').count()).toBe(0);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.inputValue('input[name=document]')).toBe('11.222.333/0001-81');
    // The name is still required: the backend says so, next to the field, and focus goes there.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-name').textContent()).toBe(text('it', 'error.field.required'));
    await expect.poll(() => focusedName(page)).toBe('name');
  });

  test('a duplicate document names the existing record next to the field', async () => {
    const page = await open({ prepare: agency });
    await page.getByTestId('people-new-company').click();
    await page.fill('input[name=name]', 'Outra Empresa Ltda');
    await page.fill('input[name=document]', '12ABC34501DE35');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('error-document').textContent()).toBe(
      text('pt-BR', 'error.duplicate_document', { name: 'Hotel Bellavista Firenze S.r.l.' }),
    );
    expect(await page.getByTestId('form-summary').count()).toBe(0);
  });

  test('keyboard: Ctrl+N opens the form, Esc closes it, Enter saves, Ctrl+F focuses the search', async () => {
    const page = await open();
    await page.keyboard.press('Control+n');
    await expect.poll(() => formOpen(page)).toBe(1);
    expect(await focusedName(page)).toBe('name');
    expect(await page.locator('#person-form-title').textContent()).toBe(text('pt-BR', 'people.form.title_new_company'));
    await page.keyboard.press('Escape');
    await expect.poll(() => formOpen(page)).toBe(0);
    expect(await storedPeople()).toBe(0);

    await page.keyboard.press('Control+n');
    await expect.poll(() => focusedName(page)).toBe('name');
    await page.keyboard.type('Agência Horizonte Ltda');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await formOpen(page)).toBe(0);
    expect(await storedPeople()).toBe(1);

    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('people-search');

    // Down arrow into the table, Enter opens the person, Esc goes back.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#person-form-title').textContent()).toBe(
      text('pt-BR', 'people.form.title_edit', { name: 'Agência Horizonte Ltda' }),
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => formOpen(page)).toBe(0);
  });

  test('every control is reachable with Tab and shows focus', async () => {
    const page = await open({ prepare: agency });
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const outline = getComputedStyle(el).outlineStyle;
        return { id: el.dataset.testid ?? el.id ?? el.tagName, outline };
      });
      if (info) {
        seen.add(info.id);
        expect(info.outline, `focus ring on ${info.id}`).not.toBe('none');
      }
    }
    for (const id of ['nav-people', 'nav-settings', 'people-new-company', 'people-new-individual', 'people-search', 'sort-name', 'person-row'])
      expect(seen).toContain(id);
  });

  test('edit, delete with confirmation, and a linked person is refused with person_in_use', async () => {
    const page = await open({ prepare: agency });
    await expect.poll(() => rows(page).count()).toBe(PEOPLE.length);

    await rows(page).filter({ hasText: 'Atlântica Operadora' }).click();
    await page.getByTestId('form-delete').click();
    expect(await page.locator('#confirm-message').textContent()).toBe(
      text('pt-BR', 'common.confirm_delete', { name: 'Atlântica Operadora de Viagens Ltda' }),
    );
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('form-summary').textContent()).toContain(
      text('pt-BR', 'error.person_in_use', { count: '1' }),
    );
    expect(await storedPeople()).toBe(PEOPLE.length);
    await page.getByTestId('form-cancel').click();

    await rows(page).filter({ hasText: 'Giulia Rossi' }).click();
    await page.fill('input[name=phone]', '+39 06 1234 5678');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(
      text('pt-BR', 'people.updated', { name: 'Giulia Rossi' }),
    );
    await expect.poll(() => rows(page).filter({ hasText: 'Giulia Rossi' }).textContent()).toContain('+39 06 1234 5678');
    expect(await current!.host.sql("SELECT phone FROM people WHERE name = 'Giulia Rossi'")).toEqual([['+39 06 1234 5678']]);

    await rows(page).filter({ hasText: 'Giulia Rossi' }).click();
    await page.getByTestId('form-delete').click();
    await page.keyboard.press('Escape'); // closes only the confirmation
    await expect.poll(() => page.getByTestId('confirm-dialog').count()).toBe(0);
    expect(await formOpen(page)).toBe(1);
    await page.getByTestId('form-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain(
      text('pt-BR', 'people.deleted', { name: 'Giulia Rossi' }),
    );
    await expect.poll(() => rows(page).count()).toBe(PEOPLE.length - 1);
    expect(await storedPeople()).toBe(PEOPLE.length - 1);
    expect(await current!.host.sql("SELECT count(*) FROM people WHERE name = 'Giulia Rossi'")).toEqual([[0]]);
  });

  test('columns sort by name, kind and document', async () => {
    const page = await open({ prepare: agency });
    await expect.poll(() => rows(page).count()).toBe(PEOPLE.length);
    // What was seeded, in the order a Brazilian user expects (accents and case ignored).
    const byName = PEOPLE.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'pt-BR', { sensitivity: 'base' }));
    const names = () => rows(page).locator('.cell-main').allTextContents();
    expect(await names()).toEqual(byName);
    await page.getByTestId('sort-name').click();
    await expect.poll(names).toEqual([...byName].reverse());
    expect(await page.locator('th.col-name').getAttribute('aria-sort')).toBe('descending');
    await page.getByTestId('sort-kind').click();
    const individuals = PEOPLE.filter((p) => p.kind === 'individual').length;
    await expect.poll(async () => (await rows(page).locator('.col-kind').allTextContents()).slice(0, individuals)).toEqual(
      Array(individuals).fill(text('pt-BR', 'people.kind.individual')),
    );
    await page.getByTestId('sort-document').click();
    // Documents as stored, in order; a person without one last.
    const documents = PEOPLE.flatMap((p) => (p.document ? [p.document] : [])).sort();
    await expect.poll(() => rows(page).locator('.col-document').allTextContents()).toEqual([...documents, '']);
  });
});

describe('shell', () => {
  test('the language switch re-renders the menu at once (pt-BR → it → en) and is saved', async () => {
    const page = await open();
    expect(await page.getByTestId('nav-people').textContent()).toBe(text('pt-BR', 'menu.people'));
    await page.getByTestId('nav-settings').click();
    await expect.poll(() => h1(page)).toBe(text('pt-BR', 'settings.title'));
    expect(await page.inputValue('#settings-language')).toBe('pt-BR');

    await page.selectOption('#settings-language', 'it');
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe(text('it', 'menu.people'));
    expect(await page.getByTestId('nav-settings').textContent()).toBe(text('it', 'menu.settings'));
    expect(await page.getByTestId('nav-import').textContent()).toBe(text('it', 'menu.import'));
    expect(await h1(page)).toBe(text('it', 'settings.title'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('it');

    await page.selectOption('#settings-language', 'en');
    await expect.poll(() => page.getByTestId('nav-people').textContent()).toBe(text('en', 'menu.people'));
    expect(await page.getByTestId('nav-reminders').textContent()).toBe(text('en', 'menu.reminders'));
    const info = () => current!.host.call<AppInfo>('app_info');
    await expect.poll(async () => (await info()).locale).toBe('en');
    expect(await page.getByTestId('settings-version').textContent()).toBe((await info()).version);
    // Saved: a new start opens in English.
    await page.reload();
    await expect.poll(() => h1(page)).toBe(text('en', 'settings.title'));
    expect(await page.getByTestId('nav-people').textContent()).toBe(text('en', 'menu.people'));
    expect(await page.inputValue('#settings-language')).toBe('en');
  });

  test('the menu marks the current screen; an unknown route goes to Início', async () => {
    const page = await open({ locale: 'it' });
    for (const [id, menu] of [
      ['nav-tokens', 'menu.tokens'],
      ['nav-reminders', 'menu.reminders'],
    ] as const) {
      await page.getByTestId(id).click();
      await expect.poll(() => h1(page)).toBe(text('it', menu));
      expect(await page.getByTestId(id).getAttribute('aria-current')).toBe('page');
    }
    // A fresh start on a route that does not exist.
    const host = current!.host;
    await page.goto('about:blank');
    await page.goto(`${host.url}/?token=${host.token}#/nowhere`);
    await expect.poll(() => h1(page)).toBe(text('it', 'menu.home'));
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/home');
  });

  test('a start-up failure replaces the app with the translated fix', async () => {
    // The data folder lies under a regular file: the core cannot create it, and has no saved language,
    // so the OS's (Italian here) is used.
    const host = await startBrokenHost('it_IT.UTF-8');
    // No language can be saved without a database; the page closes the host with it.
    current = await openApp(browser, { host, locale: null, closeHost: true });
    const page = current.page;
    await page.locator('h1').waitFor();
    const failure = (await host.call<AppInfo>('app_info')).startup_error;
    expect(failure?.code).toBe('data_dir');
    expect(failure?.params.path).toBe(host.dataDir);
    expect(await h1(page)).toBe(text('it', 'startup.title'));
    expect(await page.getByTestId('startup-error').textContent()).toBe(text('it', 'error.data_dir', failure?.params ?? {}));
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    await screenshot(page, 'startup-error-it');
  });
});

describe('screenshots', () => {
  for (const locale of ['pt-BR', 'it', 'en'] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${locale} ${colorScheme}`, async () => {
        const suffix = colorScheme === 'light' ? locale : `${locale}-dark`;
        const page = await open({ locale, prepare: agency, colorScheme });
        await expect.poll(() => rows(page).count()).toBe(PEOPLE.length);
        await screenshot(page, `people-${suffix}`);

        await page.getByTestId('people-new-company').click();
        await page.fill('input[name=name]', 'Agenzia Viaggi Toscana S.r.l.');
        await page.fill('input[name=document]', '12.ABC.345/01DE-36');
        await page.fill('input[name=email]', 'info@toscana');
        await page.keyboard.press('Enter');
        await page.getByTestId('error-email').waitFor();
        expect(await page.getByTestId('error-document').textContent()).toBe(text(locale, 'error.cnpj.check_digit'));
        await screenshot(page, `form-errors-${suffix}`);
        await page.keyboard.press('Escape');

        await rows(page).filter({ hasText: 'Hotel Bellavista' }).click();
        await page.locator('#person-form-title').waitFor();
        await screenshot(page, `form-edit-${suffix}`);
        await page.keyboard.press('Escape');

        await page.getByTestId('nav-settings').click();
        await page.locator('#settings-language').waitFor();
        await screenshot(page, `settings-${suffix}`);
      });
    }
  }

  test('empty list', async () => {
    const page = await open();
    await page.getByTestId('people-empty').waitFor();
    await screenshot(page, 'people-empty-pt-BR');
  });
});
