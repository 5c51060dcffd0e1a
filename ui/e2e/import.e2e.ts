// Importar vendas in Debian's Chromium against the real core (ponte-devhost: one per page, its own data
// folder): the integrations point at the host's supplier simulator, whose faults (slow pages, 429 with
// Retry-After, a malformed booking) shape each journey. The page gets the app's real CSP and a frozen
// Object.prototype, as in the Tauri window.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { RunSummary } from '../src/bindings/RunSummary';
import type { AppPage, Host } from './harness';
import { launch, openApp, screenshot, text, watchApi } from './harness';
import type { ImportAgency } from './import-helpers';
import { dates, importRuns, seedImportAgency, storedSales } from './import-helpers';
import { isoDay } from './seed';

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

/**
 * Bookings per supplier the simulator serves over 2026: about 330 a day, so yesterday and today take two
 * pages of 500 and a few days several.
 */
const SIM_BOOKINGS = 120_000;

/** The agency of seedImportAgency (integrations on the simulator, three runs in the history), on Importar vendas. */
async function open(opts: { locale?: string } = {}): Promise<{ page: Page; host: Host; agency: ImportAgency }> {
  let agency: ImportAgency | null = null;
  current = await openApp(browser, {
    hash: '#/import',
    simBookings: SIM_BOOKINGS,
    ...opts,
    prepare: async (h) => {
      agency = await seedImportAgency(h);
    },
  });
  await current.page.locator('h1').waitFor();
  if (!agency) throw new Error('not seeded');
  return { page: current.page, host: current.host, agency };
}

/** Every booking page of Infotravel answers after `ms` (until the host ends). */
const slowPages = (host: Host, ms: number) => host.fault({ kind: 'slow', delay_ms: ms, supplier: 'infotravel', path_contains: '/booking' });

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
    const { page, host, agency } = await open();
    const calls = await watchApi(page);
    expect(await page.locator('h1').textContent()).toBe(text('pt-BR', 'import.title'));
    // Only Infotravel and Wooba integrations, the enabled ones first; the disabled one cannot be picked.
    const options = await page.getByTestId('import-integration').locator('option').allTextContents();
    expect(options).toEqual([
      'Atlântica Operadora (Infotravel)',
      'Rota Sul (Wooba)',
      text('pt-BR', 'import.integration_disabled', { name: 'Litoral Receptivo (Infotravel)' }),
    ]);
    expect(await page.getByTestId('import-integration').locator('option').last().isDisabled()).toBe(true);
    expect(await page.getByTestId('import-integration').inputValue()).toBe(String(agency.atlantica));
    // By sale date, yesterday to today, by default.
    expect(await page.getByTestId('import-mode-dates').isChecked()).toBe(true);
    expect(await page.inputValue('input[name=from]')).toBe(typed(await localDay(page, 1)));
    expect(await page.inputValue('input[name=to]')).toBe(typed(await localDay(page, 0)));
    const runsBefore = await importRuns(host);
    await poll(() => historyRows(page).count()).toBe(runsBefore.length);
    expect(runsBefore.length).toBe(3);

    // Pages a little slow, so each one shows on the bar.
    await slowPages(host, 150);
    await watchProgress(page);
    await page.getByTestId('import-preview').click();
    const bar = page.getByTestId('import-progress');
    await page.getByTestId('import-run').waitFor({ timeout: 20_000 });
    expect(await bar.count()).toBe(0);
    // The bar went up page by page to 100 %, then made way for the preview.
    const seen = await progressSeen(page);
    expect(seen.at(-1)).toBe('gone');
    expect(seen).toContain('100');
    const values = seen.filter((v) => v !== null && v !== 'gone').map(Number);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    // Yesterday was imported before (unchanged); today's sales are new; some were paid to the agency.
    const preview = { new: await count(page, 'new'), updated: await count(page, 'updated'), unchanged: await count(page, 'unchanged'), flagged: await count(page, 'flagged') };
    expect(preview.new).toBeGreaterThan(0);
    expect(preview.unchanged).toBe(runsBefore.find((r) => r.id === agency.runs.yesterday)?.counts.new);
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
    const storedBefore = await storedSales(host);

    await watchProgress(page);
    await page.getByTestId('import-run').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.getAttribute('data-outcome')).toBe('completed');
    expect(await progressSeen(page)).toContain('100');
    expect(await summary.locator('h2').textContent()).toBe(text('pt-BR', 'import.summary.completed'));
    expect(await count(page, 'new')).toBe(preview.new);
    expect(await count(page, 'updated')).toBe(preview.updated);
    expect(await count(page, 'flagged')).toBe(preview.flagged);
    expect(await page.getByTestId('import-flagged').textContent()).toContain(
      text('pt-BR', 'import.summary.flagged_note', { count: String(preview.flagged) }),
    );
    expect(await storedSales(host)).toBe(storedBefore + preview.new);
    expect(calls.of('import_run')).toEqual([{ integrationId: agency.atlantica, query: dates(await localDay(page, 1), await localDay(page, 0)) }]);

    // The history now starts with this run.
    await poll(() => historyRows(page).count()).toBe(runsBefore.length + 1);
    const first = historyRows(page).first();
    expect(await first.getAttribute('data-outcome')).toBe('completed');
    expect(await first.textContent()).toContain('Atlântica Operadora (Infotravel)');
    expect(await first.textContent()).toContain(text('pt-BR', 'import.history.flagged', { count: String(preview.flagged) }));
    expect((await importRuns(host))[0]).toMatchObject({ outcome: 'completed', integration_id: agency.atlantica, counts: { new: preview.new, flagged: preview.flagged } });

    // "See these sales" opens Vendas on the sales flagged for manual payment.
    await page.getByTestId('import-flagged').getByRole('button').click();
    await poll(() => page.locator('h1').textContent()).toBe(text('pt-BR', 'sales.title'));
    expect(await page.getByTestId('sales-flagged-only').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('sales-row').first().waitFor();
    expect(await page.locator('[data-testid=sales-row]:not(:has([data-testid=sales-flag]))').count()).toBe(0);
  });

  test('cancel while importing: whole pages kept, outcome cancelled, in the history too', async () => {
    const { page, host, agency } = await open();
    const calls = await watchApi(page);
    await page.fill('input[name=from]', typed(await localDay(page, 20)));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-run').waitFor({ timeout: 30_000 });
    const storedBefore = await storedSales(host, { integration_id: agency.atlantica });
    // One request for the whole period (periods: below), so every page read is a whole one of 500.
    await host.call('import_window_set', { integrationId: agency.atlantica, days: 366 });
    // From now on every page takes a while: time to see the progress and cancel.
    await slowPages(host, 400);
    await page.getByTestId('import-run').click();
    const bar = page.getByTestId('import-progress');
    await poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? '0'), 15_000).toBeGreaterThan(5);
    expect(await page.getByTestId('import-progress-text').textContent()).toMatch(/Página \d+ de \d+ · .* vendas · cerca de .* restantes/);
    await page.getByTestId('import-cancel').click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 10_000 });
    expect(await summary.getAttribute('data-outcome')).toBe('cancelled');
    expect(await summary.textContent()).toContain(text('pt-BR', 'import.summary.cancelled_note'));
    expect(await page.getByTestId('import-retry').isVisible()).toBe(true);
    expect(calls.of('import_cancel')).toEqual([{ integrationId: agency.atlantica }]);
    await poll(() => historyRows(page).first().getAttribute('data-outcome')).toBe('cancelled');
    // Whole pages only: what the run read is a whole number of 500-sale pages, and every new one is stored.
    const run = (await importRuns(host))[0]!;
    expect(run.outcome).toBe('cancelled');
    expect(run.pages_done).toBeGreaterThan(0);
    expect(run.pages_done).toBeLessThan(run.pages_total ?? 0);
    const c = run.counts;
    expect(c.new + c.updated + c.unchanged + c.errors).toBe(run.pages_done * 500);
    expect(await storedSales(host, { integration_id: agency.atlantica })).toBe(storedBefore + c.new);
  });

  test('a run started elsewhere shows as running in the history, and can be cancelled from there', async () => {
    const { page, host, agency } = await open();
    // As if the CLI had started it (the same command, outside this page); its pages are slow.
    await slowPages(host, 1000);
    const elsewhere = host.call<RunSummary>('import_run', { integrationId: agency.atlantica, query: dates(isoDay(-30), isoDay(0)) });
    await poll(async () => (await importRuns(host))[0]?.outcome).toBe('running');
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('nav-import').click();
    const first = historyRows(page).first();
    await poll(() => first.getAttribute('data-outcome')).toBe('running');
    // The same integration cannot start another import meanwhile: the backend says so, with what to do.
    await page.getByTestId('import-preview').click();
    await poll(() => page.getByTestId('import-failure').locator('p').textContent()).toBe(text('pt-BR', 'error.import.import_running'));
    await first.getByTestId('import-history-cancel').click();
    await poll(() => first.getAttribute('data-outcome'), 10_000).toBe('cancelled');
    expect((await elsewhere).outcome).toBe('cancelled');
  });

  test('a long period in periods: cancelled in its third, Continuar imports the rest and nothing twice', async () => {
    const { page, host, agency } = await open();
    // Days per request: checked by the backend (the fix next to the field), then saved.
    const days = page.locator('#import-window-days');
    await poll(() => days.inputValue()).toBe('15');
    await days.fill('0');
    await page.getByTestId('import-window-save').click();
    await poll(() => page.getByTestId('error-window_days').textContent()).toBe(text('pt-BR', 'error.import.window_days', { max: '366' }));
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await days.fill('3');
    await page.getByTestId('import-window-save').click();
    await poll(() => host.call<number>('import_window_get', { integrationId: agency.atlantica })).toBe(3);
    await poll(() => page.getByTestId('error-window_days').count()).toBe(0);

    // 20 days in periods of 3: seven requests, slow enough to stop in the third.
    await page.fill('input[name=from]', typed(await localDay(page, 19)));
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-run').waitFor({ timeout: 30_000 });
    await slowPages(host, 300);
    await page.getByTestId('import-run').click();
    const progressText = page.getByTestId('import-progress-text');
    await poll(() => progressText.textContent(), 30_000).toContain(text('pt-BR', 'import.progress.windows', { done: '3', total: '7' }));
    await page.getByTestId('import-cancel').click();
    await poll(() => page.getByTestId('import-summary').getAttribute('data-outcome'), 15_000).toBe('cancelled');
    // The summary offers Continuar first (and Tentar de novo, the whole period again).
    expect(await page.getByTestId('import-resume').isVisible()).toBe(true);
    const stopped = (await importRuns(host))[0]!;
    expect(stopped.outcome).toBe('cancelled');
    expect(stopped.windows_total).toBe(7);
    expect(stopped.windows_done).toBeGreaterThanOrEqual(2);
    expect(stopped.windows_done).toBeLessThan(7);
    expect(stopped.resumable).toBe(true);
    const row = historyRows(page).first();
    await poll(() => row.getAttribute('data-outcome')).toBe('cancelled');
    expect(await row.getByTestId('import-history-windows').textContent()).toBe(text('pt-BR', 'import.history.windows', { done: String(stopped.windows_done), total: '7' }));
    await screenshot(page, 'import-windows-stopped');

    // Continuar: a new run from the first period not imported, to the end.
    const calls = await watchApi(page);
    await row.getByTestId('import-history-resume').click();
    await poll(() => page.getByTestId('import-summary').getAttribute('data-outcome'), 60_000).toBe('completed');
    expect(calls.of('import_resume')).toEqual([{ runId: stopped.id }]);
    const [resumed, old] = await importRuns(host);
    expect(resumed!.resumes).toBe(stopped.id);
    expect(resumed!.windows_done).toBe(7);
    expect(old!.resumable).toBe(false);
    await poll(() => historyRows(page).first().getAttribute('data-outcome')).toBe('completed');
    expect(await historyRows(page).nth(1).getByTestId('import-history-resume').count()).toBe(0);
    expect(await historyRows(page).first().textContent()).toContain(text('pt-BR', 'import.history.continues', { id: String(stopped.id) }));
    await screenshot(page, 'import-windows-resumed');
    // No gap: the whole period again finds nothing new or changed.
    const again = await host.call<RunSummary>('import_preview', { integrationId: agency.atlantica, query: dates(await localDay(page, 19), await localDay(page, 0)) });
    expect([again.counts.new, again.counts.updated]).toEqual([0, 0]);
  });

  test('a document with a space is refused next to the field; the exact document is found', async () => {
    const { page, host, agency } = await open();
    const calls = await watchApi(page);
    await page.getByTestId('import-mode-document').check();
    expect(await page.locator('#import-document-help').textContent()).toBe(text('pt-BR', 'import.document_help'));
    await page.fill('input[name=document]', 'ABC 123');
    await page.getByTestId('import-preview').click();
    expect(await page.getByTestId('error-document').textContent()).toBe(text('pt-BR', 'error.import.document_format'));
    expect(await page.getAttribute('input[name=document]', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('document');
    expect(calls.of('import_preview')).toEqual([]);

    // A document of a sale of three days ago at the supplier: one with letters, that finds that sale only.
    const there = await host.call<RunSummary>('import_preview', { integrationId: agency.atlantica, query: dates(isoDay(-3), isoDay(-3)) });
    let doc = '';
    for (const item of there.items.slice(0, 20)) {
      for (const d of item.locators.split(' ').filter((x) => /[A-Z]/.test(x) && x.toLowerCase() !== x)) {
        const found = await host.call<RunSummary>('import_preview', { integrationId: agency.atlantica, query: { mode: 'document', document: d } });
        if (found.items.length === 1) doc = d;
        if (doc) break;
      }
      if (doc) break;
    }
    expect(doc).not.toBe('');

    // Typing clears the message; the exact document (case-sensitive) finds its sale; the lower-case one nothing.
    await page.fill('input[name=document]', ` ${doc} `);
    expect(await page.getByTestId('error-document').count()).toBe(0);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-panel').waitFor();
    expect(await page.getByTestId('import-preview-row').count()).toBe(1);
    expect(await page.getByTestId('import-preview-row').textContent()).toContain(doc);
    expect(calls.of('import_preview').map((a) => a.query)).toEqual([{ mode: 'document', document: doc }]);

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
    await page.getByTestId('import-run').waitFor({ timeout: 20_000 });
    expect(calls.of('import_preview').map((a) => a.query).pop()).toEqual(dates('2026-11-05', '2026-11-06'));
  });

  test('credentials refused by the supplier: the fix and Tentar de novo', async () => {
    const { page, agency } = await open({ locale: 'it' });
    const calls = await watchApi(page);
    await page.getByTestId('import-integration').selectOption(String(agency.rotaSul));
    await page.getByTestId('import-preview').click();
    const failure = page.getByTestId('import-failure');
    await failure.waitFor();
    expect(await failure.locator('p').textContent()).toBe(text('it', 'error.supplier.invalid_credentials'));
    await page.getByTestId('import-retry').click();
    await poll(() => calls.of('import_preview').length).toBe(2);
    await poll(() => failure.locator('p').textContent()).toBe(text('it', 'error.supplier.invalid_credentials'));
    expect(calls.of('import_preview').every((a) => a.integrationId === agency.rotaSul)).toBe(true);
    // Rota Sul's failed run in the history shows the same fix.
    const failedRow = page.locator(`[data-testid=import-history-row][data-id="${agency.runs.failed}"]`);
    expect(await failedRow.getAttribute('data-outcome')).toBe('failed');
    expect(await page.getByTestId('import-history-error').allTextContents()).toEqual([text('it', 'error.supplier.invalid_credentials')]);
  });

  test('a supplier that asks to wait: "retrying in N s" on the progress line', async () => {
    const { page, host } = await open();
    // The first booking page is answered 429 with Retry-After: 2.
    await host.fault({ kind: 'rate_limited', retry_after_secs: 2, supplier: 'infotravel', path_contains: '/booking', count: 1 });
    await page.getByTestId('import-preview').click();
    await poll(() => page.getByTestId('import-progress-text').textContent(), 10_000)
      .toContain(text('pt-BR', 'import.progress.retry', { seconds: '2' }));
    await page.getByTestId('import-run').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('import-failure').count()).toBe(0);
  });

  test('a run opens its problems; no integration yet says where to register one', async () => {
    const { page, host, agency } = await open();
    const row = historyRows(page).last();
    expect(await row.getAttribute('data-id')).toBe(String(agency.runs.malformed));
    await row.click();
    // The row's disclosure is the button in its first cell (a table row cannot carry aria-expanded).
    const toggle = row.getByTestId('import-history-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.getAttribute('aria-controls')).toBe(await page.locator('.history-issues-row').getAttribute('id'));
    await page.getByTestId('import-issues').waitFor();
    const issues = await page.getByTestId('import-issue').allTextContents();
    const stored = await host.call<{ kind: string; supplier_sale_id: string | null }[]>('import_issues', { runId: agency.runs.malformed });
    expect(issues.length).toBe(stored.length);
    const malformed = stored.filter((i) => i.kind === 'malformed');
    expect(malformed.length).toBe(1);
    expect(issues.some((i) => i.includes(text('pt-BR', 'import.issue.malformed')) && i.includes(malformed[0]!.supplier_sale_id ?? '?'))).toBe(true);
    await toggle.press('Enter');
    expect(await page.getByTestId('import-issues').count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBeNull();
    await current?.close();
    current = null;

    current = await openApp(browser, { hash: '#/import' });
    const empty = current.page;
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
      const { page, host, agency } = await open({ locale });
      await slowPages(host, 400);
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
      await page.locator(`[data-testid=import-history-row][data-id="${agency.runs.malformed}"]`).click();
      await page.getByTestId('import-issues').waitFor();
      await page.locator('#import-history-title').scrollIntoViewIfNeeded();
      await screenshot(page, `import-history-${locale}`);
    });
  }
});
