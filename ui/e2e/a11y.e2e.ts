// Accessibility, checked: axe-core (e2e/axe.ts) on every screen and the main dialogs, with empty lists and
// with data, in pt-BR, it and en, in the light theme and in the dark one, against the real core. Any
// violation of any impact fails, with its rule, the elements and how to fix it (docs/ACCESSIBILITY.md).
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunSummary } from '../src/bindings/RunSummary';
import type { Route } from '../src/router';
import { MENU_KEYS } from '../src/components/Sidebar';
import { startBrokenHost } from './app-helpers';
import { axeViolations, expectNoAxeViolations, formatViolations } from './axe';
import type { AppPage, CAT, Host } from './harness';
import { launch, openApp, startHost, text } from './harness';
import { seedTokens } from './integrations-helpers';
import { isoDay } from './seed';

type Locale = keyof typeof CAT;
type Scheme = 'light' | 'dark';

let browser: Browser;
let current: AppPage | null = null;
/** A host with nothing in it, and one with the agency, its tokens and imported sales. */
let empty: Host;
let full: Host;

beforeAll(async () => {
  browser = await launch();
  [empty, full] = await Promise.all([startHost(), startHost()]);
  await seedFull(full);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([empty?.close(), full?.close()]);
});

afterEach(async () => {
  if (current) {
    const problems = await current.problems();
    await current.close();
    current = null;
    expect(problems).toEqual([]);
  }
});

/**
 * The agency (people, four integrations: tested OK, failing, never tested, disabled), PayTourist's Booking
 * user with two tokens, a Wooba password that expires, and the last 30 days imported from Infotravel (sales,
 * an import in the history, Início's chart and manual payments).
 */
async function seedFull(host: Host): Promise<void> {
  const seed = await seedTokens(host);
  const run = await host.call<RunSummary>('import_run', { integrationId: seed.atlantica, query: { mode: 'dates', from: isoDay(-29), to: isoDay(0) } });
  if (run.outcome !== 'completed') throw new Error(`seed import: ${run.outcome}`);
}

/** What tells that each screen has loaded, with data or without. */
const LOADED: Record<Route, string> = {
  home: '[data-testid=home], [data-testid=home-first-run]',
  people: '[data-testid=person-row], [data-testid=people-empty]',
  integrations: '[data-testid=integration-row], [data-testid=integrations-empty]',
  import: '[data-testid=import-integration], [data-testid=import-empty]',
  sales: '[data-testid=sales-row], [data-testid=sales-empty]',
  tokens: '[data-testid=token-row], [data-testid=tokens-empty]',
  reminders: '[data-testid=expiry-row], [data-testid=reminders-empty]',
  settings: '[data-testid=settings-version]',
};
const SCREENS = Object.keys(LOADED) as Route[];

/** Violations seen in this test, by where: reported together at its end. */
let seen: string[] = [];

/** Runs axe on the page as it is; keeps a readable report of what it finds. */
async function check(page: Page, where: string): Promise<void> {
  const vs = await axeViolations(page);
  if (vs.length > 0) seen.push(formatViolations(where, vs));
}

/** Waits until nothing in the page is loading (lists, cards, the sales table). */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('main [aria-busy=true]').count(), { timeout: 15_000 }).toBe(0);
}

async function goTo(page: Page, locale: Locale, route: Route): Promise<void> {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  await expect.poll(() => page.locator('h1').textContent()).toBe(text(locale, MENU_KEYS[route]));
  await page.locator(LOADED[route]).first().waitFor({ timeout: 15_000 });
  await settled(page);
}

/**
 * Presses Escape until no dialog is open: a confirmation on top of a form takes two, an open list of
 * matches in a field one more.
 */
async function closeDialogs(page: Page): Promise<void> {
  const open = () => page.locator('dialog[open]').count();
  for (let presses = 0; (await open()) > 0; presses++) {
    if (presses === 5) throw new Error('a dialog does not close with Escape');
    const before = await open();
    await page.keyboard.press('Escape');
    await expect.poll(open, { timeout: 1000 }).toBeLessThan(before).catch(() => undefined);
  }
}

const dialog = (page: Page, testid: string) => page.locator(`dialog[data-testid=${testid}][open]`);

/**
 * Opens a dialog with `open` and checks it; then each further state (`more`: a name and how to get there)
 * is checked in turn; then every dialog is closed.
 */
async function checkDialog(page: Page, where: string, open: () => Promise<unknown>, shown: Locator, more: [string, () => Promise<unknown>][] = []): Promise<void> {
  await open();
  await shown.waitFor({ timeout: 10_000 });
  await settled(page);
  await check(page, where);
  for (const [what, step] of more) {
    await step();
    await settled(page);
    await check(page, `${where}: ${what}`);
  }
  await closeDialogs(page);
}

async function everyScreen(locale: Locale, scheme: Scheme, withData: boolean): Promise<void> {
  seen = [];
  const world = withData ? 'with data' : 'empty';
  current = await openApp(browser, { host: withData ? full : empty, closeHost: false, locale, colorScheme: scheme, hash: '#/home' });
  const { page } = current;
  const at = (what: string) => `${what} (${world}, ${locale}, ${scheme})`;
  for (const route of SCREENS) {
    await goTo(page, locale, route);
    await check(page, at(route));
  }

  await goTo(page, locale, 'people');
  const personForm = dialog(page, 'person-form');
  await checkDialog(page, at('new person form'), () => page.getByTestId('people-new-company').click(), personForm, [
    // Saved empty: the errors next to the fields and the summary.
    ['errors', () => personForm.getByTestId('form-save').click().then(() => personForm.getByTestId('error-name').waitFor())],
  ]);

  await goTo(page, locale, 'integrations');
  await checkDialog(page, at('integration type picker'), () => page.getByTestId('integrations-new').click(), dialog(page, 'integration-picker'));
  const integrationForm = dialog(page, 'integration-form');
  await checkDialog(
    page,
    at('new integration form'),
    async () => {
      await page.getByTestId('integrations-new').click();
      await page.getByTestId('preset-bwt-infotravel').click();
    },
    integrationForm,
    [['errors', () => integrationForm.getByTestId('form-save').click().then(() => integrationForm.locator('[aria-invalid=true]').first().waitFor())]],
  );

  if (withData) {
    await checkDialog(page, at('integration form (edit)'), () => page.getByTestId('integration-row').first().click(), integrationForm, [
      // The person picker's list of matches.
      [
        'person search',
        async () => {
          await integrationForm.locator('[name=person]').fill('a');
          await integrationForm.getByTestId('person-option').first().waitFor();
        },
      ],
    ]);

    await goTo(page, locale, 'people');
    await checkDialog(page, at('person form (edit)'), () => page.getByTestId('person-row').first().click(), personForm, [
      ['delete confirmation', () => personForm.getByTestId('form-delete').click().then(() => dialog(page, 'confirm-dialog').waitFor())],
    ]);

    await goTo(page, locale, 'tokens');
    await checkDialog(page, at('new Booking user form'), () => page.getByTestId('tokens-new-user').click(), dialog(page, 'booking-user-form'));
    const tokenForm = dialog(page, 'token-form');
    await checkDialog(page, at('new token form'), () => page.getByTestId('tokens-new').click(), tokenForm, [
      [
        'errors',
        async () => {
          await tokenForm.locator('[name=name]').fill('Ericsoft 2026');
          await tokenForm.locator('[name=token]').fill('pt_live_7Hq2 Lw9XcV4m');
          await tokenForm.getByTestId('form-save').click();
          await tokenForm.getByTestId('error-token').waitFor();
        },
      ],
    ]);
    await checkDialog(page, at('token rotation'), () => page.getByTestId('token-rotate').first().click(), dialog(page, 'token-rotation'));

    await goTo(page, locale, 'sales');
    const detail = dialog(page, 'sale-detail');
    await checkDialog(
      page,
      at('sale detail'),
      async () => {
        await page.getByTestId('sales-row').first().click();
        await detail.getByTestId('sale-product').first().waitFor();
      },
      detail,
      [['supplier record', () => detail.getByTestId('sale-raw').locator('summary').click()]],
    );
    await page.getByTestId('sales-flagged-only').click();
    await settled(page);
    await check(page, at('sales, manual payments only'));

    await goTo(page, locale, 'import');
    await page.getByTestId('import-history-toggle').first().click();
    await page.locator('.history-issues-row').waitFor();
    await settled(page);
    await check(page, at('import history, a run opened'));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-panel').waitFor({ timeout: 15_000 });
    await settled(page);
    await check(page, at('import preview'));
  }
  expect(seen, seen.join('\n\n')).toEqual([]);
}

describe('axe: 0 violations on every screen and dialog', () => {
  test('the check itself fails on a violation, naming the rule, its impact, the element and the fix', async () => {
    current = await openApp(browser, { host: empty, closeHost: false, hash: '#/people' });
    const { page } = current;
    await page.getByTestId('people-empty').waitFor();
    // The bug axe found first: a search box controlling a table that an empty list does not render.
    await page.locator('#people-search').evaluate((el) => el.setAttribute('aria-controls', 'people-table'));
    const vs = await axeViolations(page);
    expect(vs.map((v) => [v.id, v.impact, v.nodes.map((n) => n.target)])).toEqual([['aria-valid-attr-value', 'critical', ['#people-search']]]);
    const report = formatViolations('Pessoas', vs);
    expect(report).toContain('aria-valid-attr-value (critical): ARIA attributes must conform to valid values');
    expect(report).toContain('#people-search: Fix all of the following: Invalid ARIA attribute value: aria-controls="people-table"');
  });

  const runs: [Locale, Scheme][] = [
    ['pt-BR', 'light'],
    ['it', 'light'],
    ['en', 'light'],
    ['pt-BR', 'dark'],
  ];
  for (const [locale, scheme] of runs) {
    test(`empty lists, ${locale}, ${scheme}`, () => everyScreen(locale, scheme, false), 120_000);
    test(`with data, ${locale}, ${scheme}`, () => everyScreen(locale, scheme, true), 180_000);
  }

  const LOCALES: [Locale, string][] = [
    ['pt-BR', 'pt_BR.UTF-8'],
    ['it', 'it_IT.UTF-8'],
    ['en', 'en_US.UTF-8'],
  ];
  for (const [locale] of LOCALES) {
    test(`the demo, ${locale}: started from Importar vendas (its toast), then Início, Integrações and Configurações`, async () => {
      seen = [];
      const at = (what: string) => `${what} (demo, ${locale}, light)`;
      current = await openApp(browser, { locale, hash: '#/import' });
      const { page } = current;
      await page.getByTestId('import-empty').getByTestId('demo-start').click();
      await page.getByTestId('import-demo-note').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('toast').textContent()).not.toBe('');
      await settled(page);
      await check(page, at('import, the demo ready and its toast'));
      for (const route of ['home', 'integrations', 'settings'] as const) {
        await goTo(page, locale, route);
        await check(page, at(route));
      }
      await checkDialog(page, at('remove the demo'), () => page.getByTestId('demo-remove').click(), dialog(page, 'confirm-dialog'));
      expect(seen, seen.join('\n\n')).toEqual([]);
    });
  }

  for (const [locale, lang] of LOCALES) {
    test(`the start-up failure screen, ${locale}`, async () => {
      // A data folder that cannot be created: the core knows only the OS's language (as app.e2e.ts).
      current = await openApp(browser, { host: await startBrokenHost(lang), locale: null, closeHost: true });
      await current.page.getByTestId('startup-error').waitFor();
      expect(await current.page.locator('h1').textContent()).toBe(text(locale, 'startup.title'));
      await expectNoAxeViolations(current.page, `start-up failure (${locale}, light)`);
    });
  }
});
