// Importar vendas in Debian's Chromium, against the in-memory mock backend (mock.html: pretend suppliers that
// answer page by page), with the app's real CSP and a frozen Object.prototype, as in the Tauri window.
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


async function open(opts: Parameters<typeof openApp>[2] = {}): Promise<Page> {
  current = await openApp(browser, server.url, { hash: '#/import', seed: 'demo', ...opts, query: { import_delay: '25', ...opts.query } });
  await current.page.locator('h1').waitFor();
  return current.page;
}

interface MockView {
  calls: { cmd: string; args: Record<string, unknown> }[];
  sales: { documentFor: (id: number, daysAgo?: number) => string; salesCount: (f: object) => number };
}
const mock = <R>(page: Page, f: (m: MockView) => R): Promise<R> => page.evaluate(`(${f.toString()})(window.__ponteMock)`) as Promise<R>;
const callsOf = (page: Page, cmd: string) =>
  page.evaluate((c) => (window as unknown as { __ponteMock: MockView }).__ponteMock.calls.filter((x) => x.cmd === c).length, cmd);
const count = async (page: Page, key: string) => Number(((await page.getByTestId(`import-count-${key}`).first().locator('.tile-value').textContent()) ?? '').replace(/\D/g, ''));
/** A day `daysAgo` days before today in the browser, as `YYYY-MM-DD`. */
const localDay = (page: Page, daysAgo: number) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() - n);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, daysAgo);
/** `YYYY-MM-DD` as pt-BR and it write it. */
const typed = (iso: string) => iso.split('-').reverse().join('/');
const historyRows = (page: Page) => page.getByTestId('import-history-row');

/** Records every value the progress bar shows (a fast run may come and go between two looks). */
const watchProgress = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __progress: (string | null)[] };
    w.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid=import-progress]');
      const v = bar ? bar.getAttribute('aria-valuenow') : 'gone';
      if (w.__progress[w.__progress.length - 1] !== v) w.__progress.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: (string | null)[] }).__progress);

describe('Importar vendas', () => {
  test('preview, then import: progress, the counts, manual payments flagged, and the run in the history', async () => {
    const page = await open();
    expect(await page.locator('h1').textContent()).toBe(text('pt-BR', 'import.title'));
    // Only Infotravel and Wooba integrations, the enabled one first; the disabled one cannot be picked.
    const options = await page.getByTestId('import-integration').locator('option').allTextContents();
    expect(options).toEqual([
      'Atlântica Operadora (Infotravel)',
      'Rota Sul (Wooba)',
      text('pt-BR', 'import.integration_disabled', { name: 'Litoral Receptivo (Infotravel)' }),
    ]);
    expect(await page.getByTestId('import-integration').inputValue()).toBe('1');
    // By sale date, yesterday to today, by default.
    expect(await page.getByTestId('import-mode-dates').isChecked()).toBe(true);
    expect(await page.inputValue('input[name=from]')).toBe(typed(await localDay(page, 1)));
    expect(await page.inputValue('input[name=to]')).toBe(typed(await localDay(page, 0)));
    const historyBefore = await historyRows(page).count();
    expect(historyBefore).toBe(5);

    await watchProgress(page);
    await page.getByTestId('import-preview').click();
    const bar = page.getByTestId('import-progress');
    await page.getByTestId('import-run').waitFor();
    expect(await bar.count()).toBe(0);
    // The bar went up page by page to 100 %, then made way for the preview.
    const seen = await progressSeen(page);
    expect(seen.at(-1)).toBe('gone');
    expect(seen).toContain('100');
    const values = seen.filter((v) => v !== null && v !== 'gone').map(Number);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    // Yesterday was imported before (unchanged, some changed at the supplier since); today's sales are new.
    const preview = { new: await count(page, 'new'), updated: await count(page, 'updated'), unchanged: await count(page, 'unchanged'), flagged: await count(page, 'flagged') };
    expect(preview.new).toBeGreaterThan(0);
    expect(preview.unchanged).toBeGreaterThan(0);
    expect(preview.flagged).toBeGreaterThan(0);
    const rows = page.getByTestId('import-preview-row');
    const listed = await rows.count();
    // A tile filters the list.
    await page.getByTestId('import-count-new').click();
    await poll(() => rows.count()).toBe(preview.new);
    expect(await page.locator('[data-testid=import-preview-row][data-change=new]').count()).toBe(preview.new);
    expect(await page.getByTestId('import-preview-filter').textContent()).toContain(text('pt-BR', 'import.count.new'));
    await page.getByTestId('import-preview-filter').getByRole('button').click();
    await poll(() => rows.count()).toBe(listed);
    expect(await page.getByTestId('import-count-new').getAttribute('aria-pressed')).toBe('false');
    const storedBefore = await mock(page, (m) => m.sales.salesCount({}));

    await watchProgress(page);
    await page.getByTestId('import-run').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-outcome')).toBe('completed');
    expect(await progressSeen(page)).toContain('100');
    expect(await summary.locator('h2').textContent()).toBe(text('pt-BR', 'import.summary.completed'));
    expect(await count(page, 'new')).toBe(preview.new);
    expect(await count(page, 'updated')).toBe(preview.updated);
    expect(await count(page, 'flagged')).toBe(preview.flagged);
    expect(await page.getByTestId('import-flagged').textContent()).toContain(
      text('pt-BR', 'import.summary.flagged_note', { count: String(preview.flagged) }),
    );
    expect(await mock(page, (m) => m.sales.salesCount({}))).toBe(storedBefore + preview.new);
    const run = await mock(page, (m) => m.calls.filter((c) => c.cmd === 'import_run').map((c) => ({ id: c.args.integrationId, q: c.args.query })));
    expect(run).toEqual([{ id: 1, q: { mode: 'dates', from: await localDay(page, 1), to: await localDay(page, 0) } }]);

    // The history now starts with this run.
    await poll(() => historyRows(page).count()).toBe(historyBefore + 1);
    const first = historyRows(page).first();
    expect(await first.getAttribute('data-outcome')).toBe('completed');
    expect(await first.textContent()).toContain('Atlântica Operadora (Infotravel)');
    expect(await first.textContent()).toContain(text('pt-BR', 'import.history.flagged', { count: String(preview.flagged) }));

    // "See these sales" opens Vendas on the sales flagged for manual payment.
    await page.getByTestId('import-flagged').getByRole('button').click();
    await poll(() => page.locator('h1').textContent()).toBe(text('pt-BR', 'sales.title'));
    expect(await page.getByTestId('sales-flagged-only').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('sales-row').first().waitFor();
    expect(await page.locator('[data-testid=sales-row]:not(:has([data-testid=sales-flag]))').count()).toBe(0);
  });

  test('cancel while importing: whole pages kept, outcome cancelled, in the history too', async () => {
    const page = await open({ query: { import_delay: '80' } });
    await page.fill('input[name=from]', typed(await localDay(page, 20)));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-run').click({ timeout: 20_000 });
    const bar = page.getByTestId('import-progress');
    await poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? '0'), 10_000).toBeGreaterThan(5);
    expect(await page.getByTestId('import-progress-text').textContent()).toMatch(/Página \d+ de \d+ · .* vendas · cerca de .* restantes/);
    await page.getByTestId('import-cancel').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-outcome')).toBe('cancelled');
    expect(await summary.textContent()).toContain(text('pt-BR', 'import.summary.cancelled_note'));
    expect(await page.getByTestId('import-retry').isVisible()).toBe(true);
    expect(await mock(page, (m) => m.calls.filter((c) => c.cmd === 'import_cancel').map((c) => c.args))).toEqual([{ integrationId: 1 }]);
    await poll(() => historyRows(page).first().getAttribute('data-outcome')).toBe('cancelled');
  });

  test('a run started elsewhere shows as running in the history, and can be cancelled from there', async () => {
    const page = await open({ query: { import_delay: '100' } });
    const from = await localDay(page, 30);
    const to = await localDay(page, 0);
    // As if the CLI (or an earlier visit to this screen) had started it.
    await page.evaluate(
      ([f, t]) => {
        const w = window as unknown as { __TAURI_INTERNALS__: { invoke: (c: string, a: unknown) => Promise<unknown> } };
        void w.__TAURI_INTERNALS__.invoke('import_run', { integrationId: 1, query: { mode: 'dates', from: f, to: t }, onProgress: null });
      },
      [from, to],
    );
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('nav-import').click();
    const first = historyRows(page).first();
    await poll(() => first.getAttribute('data-outcome')).toBe('running');
    // The same integration cannot start another import meanwhile: the backend says so, with what to do.
    await page.getByTestId('import-preview').click();
    await poll(() => page.getByTestId('import-failure').locator('p').textContent()).toBe(text('pt-BR', 'error.import.import_running'));
    await first.getByTestId('import-history-cancel').click();
    await poll(() => first.getAttribute('data-outcome'), 5000).toBe('cancelled');
  });

  test('a document with a space is refused next to the field; the exact document is found', async () => {
    const page = await open();
    await page.getByTestId('import-mode-document').check();
    expect(await page.locator('#import-document-help').textContent()).toBe(text('pt-BR', 'import.document_help'));
    await page.fill('input[name=document]', 'ABC 123');
    await page.getByTestId('import-preview').click();
    expect(await page.getByTestId('error-document').textContent()).toBe(text('pt-BR', 'error.import.document_format'));
    expect(await page.getAttribute('input[name=document]', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('document');
    expect(await callsOf(page, 'import_preview')).toBe(0);

    // Typing clears the message; the exact document (case-sensitive) finds its sale; the lower-case one nothing.
    const doc = await mock(page, (m) => m.sales.documentFor(1, 3));
    await page.fill('input[name=document]', ` ${doc} `);
    expect(await page.getByTestId('error-document').count()).toBe(0);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-panel').waitFor();
    expect(await page.getByTestId('import-preview-row').count()).toBe(1);
    expect(await page.getByTestId('import-preview-row').textContent()).toContain(doc);
    expect(await mock(page, (m) => m.calls.filter((c) => c.cmd === 'import_preview').map((c) => c.args.query))).toEqual([{ mode: 'document', document: doc }]);

    await page.fill('input[name=document]', doc.toLowerCase());
    expect(await page.getByTestId('import-preview-panel').count()).toBe(0);
    await page.getByTestId('import-preview').click();
    await poll(() => page.locator('#import-preview-title').textContent()).toBe(text('pt-BR', 'import.preview.title', { count: '0' }));
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);

    // Dates: the end before the start is said next to "Até".
    await page.getByTestId('import-mode-dates').check();
    await page.fill('input[name=from]', '20/11/2026');
    await page.fill('input[name=to]', '10/11/2026');
    await page.getByTestId('import-preview').click();
    expect(await page.getByTestId('error-to').textContent()).toBe(text('pt-BR', 'error.import.date_order'));
    await page.fill('input[name=from]', '31/11/2026');
    await page.getByTestId('import-preview').click();
    expect(await page.getByTestId('error-from').textContent()).toBe(text('pt-BR', 'error.import.date_format'));
    // ISO is understood too, and tidied up the locale's way when the field is left.
    await page.fill('input[name=from]', '2026-11-05');
    await page.fill('input[name=to]', '6/11/26');
    await page.locator('input[name=from]').press('Tab');
    expect(await page.inputValue('input[name=from]')).toBe('05/11/2026');
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-run').waitFor();
    expect(await mock(page, (m) => m.calls.filter((c) => c.cmd === 'import_preview').map((c) => c.args.query).pop())).toEqual({ mode: 'dates', from: '2026-11-05', to: '2026-11-06' });
  });

  test('credentials refused by the supplier: the fix and Tentar de novo', async () => {
    const page = await open({ locale: 'it' });
    await page.getByTestId('import-integration').selectOption('2');
    await page.getByTestId('import-preview').click();
    const failure = page.getByTestId('import-failure');
    await failure.waitFor();
    expect(await failure.locator('p').textContent()).toBe(text('it', 'error.supplier.invalid_credentials'));
    await page.getByTestId('import-retry').click();
    await poll(() => mock(page, (m) => m.calls.filter((c) => c.cmd === 'import_preview').length)).toBe(2);
    await failure.waitFor();
    // The failed run of the demo history shows the same fix.
    expect(await page.getByTestId('import-history-error').first().textContent()).toBe(text('it', 'error.supplier.invalid_credentials'));
  });

  test('a supplier that asks to wait: "retrying in N s" on the progress line', async () => {
    const page = await open({ query: { import_retry: '1', import_delay: '40' } });
    await page.getByTestId('import-preview').click();
    await poll(() => page.getByTestId('import-progress-text').textContent(), 10_000)
      .toContain(text('pt-BR', 'import.progress.retry', { seconds: '2' }));
    await page.getByTestId('import-run').waitFor({ timeout: 10_000 });
  });

  test('a run opens its problems; no integration yet says where to register one', async () => {
    const page = await open();
    const row = historyRows(page).last();
    await row.click();
    expect(await row.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('import-issues').waitFor();
    const issues = await page.getByTestId('import-issue').allTextContents();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.some((i) => i.includes(text('pt-BR', 'import.issue.malformed')))).toBe(true);
    await row.press('Enter');
    expect(await page.getByTestId('import-issues').count()).toBe(0);
    await current?.context.close();
    current = null;

    const empty = await open({ seed: undefined });
    await empty.getByTestId('import-empty').waitFor();
    expect(await empty.getByTestId('import-empty').locator('p').first().textContent()).toBe(
      text('pt-BR', 'import.empty', { path: `${text('pt-BR', 'menu.registry')} > ${text('pt-BR', 'menu.integrations')}` }),
    );
    // Or try it at once with the demo (e2e/demo.e2e.ts).
    expect(await empty.getByTestId('import-empty').getByTestId('demo-start').count()).toBe(1);
    await empty.getByTestId('import-empty').getByRole('link').click();
    await poll(() => empty.locator('h1').textContent()).toBe(text('pt-BR', 'integrations.title'));
  });
});

describe('screenshots', () => {
  for (const locale of ['pt-BR', 'it'] as const) {
    test(locale, async () => {
      const page = await open({ locale, query: { import_delay: '250' } });
      await page.fill('input[name=from]', typed(await localDay(page, 3)));
      await page.getByTestId('import-preview').click();
      const bar = page.getByTestId('import-progress');
      await poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? '0'), 10_000).toBeGreaterThanOrEqual(30);
      await screenshot(page, `import-progress-${locale}`);
      await page.getByTestId('import-run').waitFor({ timeout: 20_000 });
      await screenshot(page, `import-preview-${locale}`);
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-summary').waitFor({ timeout: 20_000 });
      await screenshot(page, `import-summary-${locale}`);
      await historyRows(page).nth(2).click();
      await page.getByTestId('import-issues').waitFor();
      await page.locator('#import-history-title').scrollIntoViewIfNeeded();
      await screenshot(page, `import-history-${locale}`);
    });
  }
});
