// Vendas in Debian's Chromium, against the in-memory mock backend (mock.html, `sales=1000000`: a million sales
// computed on demand), with the app's real CSP and a frozen Object.prototype, as in the Tauri window.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { AppPage } from './harness';
import { launch, openApp, screenshot, startServer, text } from './harness';

let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let current: AppPage | null = null;

/** expect.poll with room for a busy machine (1 s by default). */
const poll = <T>(f: () => T | Promise<T>, timeout = 5000) => expect.poll(f, { timeout });

beforeAll(async () => {
  // PONTE_E2E_DIST: a private build, when other test runs rebuild dist-e2e at the same time.
  server = await startServer(process.env.PONTE_E2E_DIST || undefined);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  if (current) {
    const problems = await current.problems();
    await current.context.close();
    current = null;
    expect(problems).toEqual([]);
  }
});

const MILLION = '1000000';

async function open(opts: Parameters<typeof openApp>[2] = {}): Promise<Page> {
  current = await openApp(browser, server.url, { hash: '#/sales', seed: 'demo', ...opts, query: { sales: MILLION, ...opts.query } });
  await current.page.locator('h1').waitFor();
  await current.page.getByTestId('sales-row').first().waitFor();
  return current.page;
}

interface MockView {
  sales: {
    salesCount: (f: object) => number;
    lastExport: { separator: string } | null;
  };
  calls: { cmd: string; args: Record<string, unknown> }[];
}
const mock = <R>(page: Page, f: (m: MockView) => R): Promise<R> => page.evaluate(`(${f.toString()})(window.__ponteMock)`) as Promise<R>;
const rows = (page: Page) => page.getByTestId('sales-row');
const countText = (page: Page) => page.getByTestId('sales-count').textContent();
/** As the UI writes counts: thousands always grouped (`1.234 vendite`, which Italian's own rule leaves as 1234). */
const fmt = (locale: string, n: number) => new Intl.NumberFormat(locale, { useGrouping: 'always' as unknown as boolean }).format(n);
const indices = (page: Page) => page.$$eval('[data-testid=sales-row]', (trs) => trs.map((tr) => Number(tr.getAttribute('data-index'))));

describe('Vendas', () => {
  test('a million sales: the count, keyset pages read as the list scrolls, a bounded number of rows in the DOM', async () => {
    const page = await open();
    const total = await mock(page, (m) => m.sales.salesCount({}));
    expect(total).toBeGreaterThan(1_000_000);
    await poll(() => countText(page)).toBe(text('pt-BR', 'sales.count', { count: fmt('pt-BR', total) }));
    const first = rows(page).first();
    expect(await first.getAttribute('data-index')).toBe('0');
    expect(await first.locator('.col-s-total').textContent()).toMatch(/^(R\$|€)\s[\d.]+,\d\d$/);
    expect(await first.locator('.col-s-date').textContent()).toMatch(/^\d\d\/\d\d\/\d{4}$/);

    // Scroll to the bottom again and again, fast: each time the next page is read (keyset cursor).
    const scroller = page.locator('.sales .table-scroll');
    const started = Date.now();
    let deepest = 0;
    for (let i = 0; i < 400 && deepest < 3000; i++) {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForTimeout(15);
      deepest = Math.max(deepest, ...(await indices(page)));
    }
    expect(deepest).toBeGreaterThanOrEqual(3000);
    expect(Date.now() - started).toBeLessThan(30_000);
    await poll(async () => Math.max(...(await indices(page)))).toBeGreaterThanOrEqual(3000);
    const dom = await page.locator('.sales-table tbody tr').count();
    expect(dom).toBeLessThanOrEqual(60);
    expect(dom).toBeGreaterThan(10);
    // The rows in view are consecutive and newest first.
    const shown = await indices(page);
    expect(shown).toEqual(shown.map((_, k) => (shown[0] ?? 0) + k));
    const dates = await page.$$eval('[data-testid=sales-row] .col-s-date', (tds) => tds.map((td) => td.textContent ?? ''));
    const iso = dates.map((d) => d.split('/').reverse().join('-'));
    expect([...iso].sort().reverse()).toEqual(iso);
    // Pages were read in order with the previous page's cursor, 100 rows each.
    const pages = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'sales_page').map((c) => c.args));
    expect(pages.length).toBeGreaterThanOrEqual(30);
    expect(pages[0]).toMatchObject({ cursor: null, limit: 100 });
    expect(pages.slice(1).every((a) => a.cursor !== null)).toBe(true);

    // Back to the top with the keyboard: the first sale again (its page was dropped and is read again).
    await rows(page).first().focus();
    await page.keyboard.press('Home');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('0');
    await page.keyboard.press('ArrowDown');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('1');
  });

  test('the detail of a sale: products, passengers, payments and the supplier record as JSON', async () => {
    const page = await open();
    const row = rows(page).first();
    const id = await row.getAttribute('data-id');
    await row.click();
    const panel = page.getByTestId('sale-detail');
    await panel.getByTestId('sale-product').first().waitFor();
    expect(await panel.locator('h2').textContent()).toContain(text('pt-BR', 'sales.detail.title', { id: '' }).trim());
    expect(await panel.getByTestId('sale-passenger').count()).toBeGreaterThan(0);
    expect(await panel.textContent()).toContain(text('pt-BR', 'sales.detail.payments'));
    const raw = panel.getByTestId('sale-raw');
    expect(await raw.locator('pre').isVisible()).toBe(false);
    await raw.locator('summary').click();
    const json = JSON.parse((await raw.locator('pre').textContent()) ?? '') as Record<string, unknown>;
    expect(Object.keys(json)[0]).toMatch(/^(reserva|SaleId)$/);
    expect(await raw.locator('pre').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
    expect(await mock(page, (m) => m.calls.filter((c) => c.cmd === 'sale_detail').map((c) => c.args.id))).toEqual([Number(id)]);
    await page.keyboard.press('Escape');
    await poll(() => page.locator('dialog[data-testid=sale-detail][open]').count()).toBe(0);
  });

  test('"payments to enter manually" only, search by exact document, no results', async () => {
    const page = await open();
    const chip = page.getByTestId('sales-flagged-only');
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const flagged = await mock(page, (m) => m.sales.salesCount({ flagged_only: true }));
    await poll(() => countText(page)).toBe(text('pt-BR', 'sales.count', { count: fmt('pt-BR', flagged) }));
    expect(flagged).toBeLessThan(200_000);
    await poll(() => page.locator('[data-testid=sales-row]:not(:has([data-testid=sales-flag]))').count()).toBe(0);
    expect(await rows(page).count()).toBeGreaterThan(5);

    // Open a flagged sale: the note about entering the payment by hand.
    await rows(page).nth(2).click();
    await page.getByTestId('sale-manual-note').waitFor();
    expect(await page.getByTestId('sale-manual-note').textContent()).toBe(text('pt-BR', 'sales.detail.manual'));
    await page.getByTestId('sale-detail-close').click();

    // The exact locator of a sale finds it; in lower case, nothing.
    const doc = (await rows(page).nth(3).locator('.col-s-document').textContent()) ?? '';
    expect(doc).toMatch(/^[0-9A-Z]{6}$/);
    await page.fill('[data-testid=sales-search]', doc);
    await poll(() => countText(page)).toBe(text('pt-BR', 'sales.count_one'));
    expect(await rows(page).count()).toBe(1);
    await page.fill('[data-testid=sales-search]', doc.toLowerCase());
    await page.getByTestId('sales-empty').waitFor();
    expect(await page.getByTestId('sales-empty').textContent()).toBe(text('pt-BR', 'sales.no_results'));
    expect(await page.getByTestId('sales-export').isDisabled()).toBe(true);
  });

  test('export to CSV: the separator of the language, the path and the rows in a toast', async () => {
    for (const [locale, sep] of [
      ['pt-BR', ';'],
      ['en', ','],
    ] as const) {
      const page = await open({ locale });
      expect(await page.getByTestId('sales-separator').inputValue()).toBe(sep);
      await page.getByTestId('sales-flagged-only').click();
      const flagged = await mock(page, (m) => m.sales.salesCount({ flagged_only: true }));
      await poll(() => countText(page)).toBe(text(locale, 'sales.count', { count: fmt(locale, flagged) }));
      await page.getByTestId('sales-export').click();
      await poll(() => page.getByTestId('toast').textContent())
        .toContain(text(locale, 'sales.exported', { rows: fmt(locale, flagged), path: '/home/agencia/Documentos/vendas.csv' }));
      expect(await mock(page, (m) => m.sales.lastExport?.separator)).toBe(sep);
      const args = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'sales_export_csv').map((c) => c.args));
      expect(args).toEqual([{ filter: expect.objectContaining({ flagged_only: true }), separator: sep, path: null }]);
      await current?.context.close();
      current = null;
    }
  });

  test('filters: sale dates typed the way the language writes them, product kind, status, integration; clear', async () => {
    const page = await open({ locale: 'it' });
    const total = await mock(page, (m) => m.sales.salesCount({}));
    const expectCount = async (f: object) => {
      const n = await page.evaluate((x) => (window as unknown as { __ponteMock: MockView }).__ponteMock.sales.salesCount(x), f);
      await poll(() => countText(page)).toBe(n === 1 ? text('it', 'sales.count_one') : text('it', 'sales.count', { count: fmt('it', n) }));
      return n;
    };
    await page.getByTestId('sales-date-from').fill('01/01/2026');
    await page.getByTestId('sales-date-to').fill('31/01/2026');
    const january = await expectCount({ date_from: '2026-01-01', date_to: '2026-01-31' });
    expect(january).toBeGreaterThan(1000);
    expect(january).toBeLessThan(total);
    const dates = await page.$$eval('[data-testid=sales-row] .col-s-date', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.every((d) => /^\d\d\/01\/2026$/.test(d))).toBe(true);

    await page.getByTestId('sales-filter-kind').selectOption('car_rental');
    await expectCount({ date_from: '2026-01-01', date_to: '2026-01-31', kind: 'car_rental' });
    const kinds = await page.$$eval('[data-testid=sales-row] .kind-badges', (els) => els.map((e) => e.getAttribute('title') ?? ''));
    expect(kinds.every((k) => k.includes(text('it', 'sales.kind.car_rental')))).toBe(true);
    await page.getByTestId('sales-filter-status').selectOption('cancelled');
    await page.getByTestId('sales-filter-integration').selectOption('2');
    await expectCount({ date_from: '2026-01-01', date_to: '2026-01-31', kind: 'car_rental', status: 'cancelled', integration_id: 2 });
    expect(await page.$$eval('[data-testid=sales-row] .col-s-integration', (tds) => [...new Set(tds.map((td) => td.textContent))])).toEqual(['Rota Sul (Wooba)']);

    // Not a day: marked, and no date filter from it.
    await page.getByTestId('sales-date-to').fill('31/02/2026');
    expect(await page.getByTestId('sales-date-to').getAttribute('aria-invalid')).toBe('true');
    await expectCount({ date_from: '2026-01-01', kind: 'car_rental', status: 'cancelled', integration_id: 2 });

    await page.getByRole('button', { name: text('it', 'sales.filter.clear') }).click();
    await expectCount({});
    expect(await page.getByTestId('sales-date-from').inputValue()).toBe('');
  });

  test('no sales yet says where to import them', async () => {
    current = await openApp(browser, server.url, { hash: '#/sales' });
    const page = current.page;
    await page.getByTestId('sales-empty').waitFor();
    expect(await page.getByTestId('sales-empty').locator('p').textContent()).toBe(text('pt-BR', 'sales.empty', { menu: text('pt-BR', 'menu.import') }));
    expect(await countText(page)).toBe(text('pt-BR', 'sales.count', { count: '0' }));
  });
});

describe('screenshots', () => {
  for (const locale of ['pt-BR', 'it'] as const) {
    test(locale, async () => {
      const page = await open({ locale });
      await poll(() => countText(page)).not.toBe('');
      await screenshot(page, `sales-list-${locale}`);
      await rows(page).nth(1).click();
      const panel = page.getByTestId('sale-detail');
      await panel.getByTestId('sale-product').first().waitFor();
      await screenshot(page, `sale-detail-${locale}`);
    });
  }
});
