// Início against the real core: the first-run state, then what needs the user — an expiring token, a
// failing integration with its fix and "Testar de novo", sales per day (uPlot) and manual payments — in
// the three languages and dark mode.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { AppPage, Host } from './harness';
import { launch, openApp, screenshot, text } from './harness';

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

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface World {
  failing: number;
  working: number;
}

/** Through the real commands: a PayTourist token 5 days from expiry, an Infotravel integration with a wrong
 * password (its test fails) and one with the right one, whose last 30 days are imported. */
async function seedWorld(host: Host): Promise<World> {
  const sim = host.sim as unknown as {
    infotravel: { url: string; client: string; agency: string; username: string; password: string };
    paytourist: { url: string; valid_tokens: string[]; structures: { id: number }[]; software_id: number };
  };
  const person = await host.call<{ id: number }>('person_create', { input: { kind: 'company', name: 'BWT Operadora' } });
  const infotravel = (description: string, password: string) => ({
    input: {
      type: 'infotravel',
      description,
      person_id: person.id,
      values: { url: sim.infotravel.url, supplier_id: sim.infotravel.client, agency_code: sim.infotravel.agency, username: sim.infotravel.username },
      secrets: { password },
    },
  });
  host.useSecret('senha-errada-home');
  const failing = (await host.call<{ integration: { id: number } }>('integration_create', infotravel('BWT (senha antiga)', 'senha-errada-home'))).integration.id;
  await host.call('integration_test', { id: failing, input: null }).catch(() => undefined);
  const working = (await host.call<{ integration: { id: number } }>('integration_create', infotravel('BWT (Infotravel)', sim.infotravel.password))).integration.id;
  await host.call('import_run', { integrationId: working, query: { mode: 'dates', from: isoIn(-29), to: isoIn(0) } });

  const hotel = await host.call<{ id: number }>('person_create', { input: { kind: 'company', name: 'Hotel Bellavista' } });
  const pt = await host.call<{ integration: { id: number } }>('integration_create', {
    input: {
      type: 'paytourist',
      description: 'PayTourist Firenze',
      person_id: hotel.id,
      values: { comune: 'firenze', structure_id: String(sim.paytourist.structures[0]!.id), software_id: String(sim.paytourist.software_id), api_url: sim.paytourist.url },
      secrets: {},
    },
  });
  const user = await host.call<{ id: number }>('booking_user_create', {
    input: { integration_id: pt.integration.id, name: 'Booking Bellavista', email: 'booking@bellavista.it', software: 'Ericsoft' },
  });
  const token = sim.paytourist.valid_tokens[0]!;
  host.useSecret(token);
  await host.call('token_add', { bookingUserId: user.id, name: 'Gestionale', token, dates: { created_on: isoIn(-1090), expires_on: isoIn(5) }, replaces: null });
  return { failing, working };
}

const count = async (host: Host, sql: string) => Number((await host.sql(sql))[0]?.[0]);

describe('Início', () => {
  test('a new user is led to the first step: a company, an integration, or the demo', async () => {
    current = await openApp(browser, { hash: '#/home' });
    const { page } = current;
    await page.getByTestId('home-first-run').waitFor();
    expect(await page.locator('h1').textContent()).toBe(text('pt-BR', 'menu.home'));
    expect(await page.getByTestId('home-first-person').getAttribute('href')).toBe('#/people');
    expect(await page.getByTestId('home-first-integration').getAttribute('href')).toBe('#/integrations');
    expect(await page.getByTestId('demo-start').count()).toBe(1);
    await screenshot(page, 'home-first-run-pt-BR');
  });

  test('what needs the user: expiry, failure with its fix and Testar de novo, sales per day, manual payments', async () => {
    let world: World = { failing: 0, working: 0 };
    current = await openApp(browser, {
      hash: '#/home',
      prepare: async (h) => {
        world = await seedWorld(h);
      },
    });
    const { page, host } = current;
    await page.getByTestId('home').waitFor();
    // The token expiring in 5 days, in the critical band, opening its rotation screen.
    const expiry = page.getByTestId('home-expiry');
    await expect.poll(() => expiry.count()).toBe(1);
    expect(await expiry.getAttribute('data-urgency')).toBe('critical');
    expect(await expiry.locator('a').getAttribute('href')).toMatch(/^#\/tokens\/\d+$/);
    expect(await expiry.textContent()).toContain(text('pt-BR', 'tokens.days.left', { days: '5' }));
    // The failing integration names the fix of "Credencial inválida".
    const failure = page.getByTestId('home-failure');
    expect(await failure.count()).toBe(1);
    expect(await failure.textContent()).toContain('BWT (senha antiga)');
    expect(await failure.textContent()).toContain(text('pt-BR', 'error.supplier.invalid_credentials'));
    // Sales per day: the chart is drawn and its total is what the database holds for the last 30 days.
    expect(await page.locator('[data-testid=home-sales] .bar').count()).toBe(30);
    const stored = await count(host, `SELECT count(*) FROM sales WHERE sale_date >= '${isoIn(-29)}'`);
    expect(stored).toBeGreaterThan(0);
    expect(await page.getByTestId('home-sales-total').textContent()).toBe(
      text('pt-BR', 'home.sales.total', { count: new Intl.NumberFormat('pt-BR', { useGrouping: 'always' } as never).format(stored) }),
    );
    expect(await page.getByTestId('home-last-import').getAttribute('data-outcome')).toBe('completed');
    const flagged = await count(host, 'SELECT count(*) FROM sales WHERE needs_manual_payment = 1');
    expect(Number((await page.getByTestId('home-manual-count').textContent())?.replace(/\D/g, ''))).toBe(flagged);
    await screenshot(page, 'home-pt-BR');

    // The supplier's password is fixed elsewhere; "Testar de novo" clears the failure.
    const sim = host.sim as unknown as { infotravel: { url: string; client: string; agency: string; username: string; password: string } };
    const stale = await host.call<{ person_id: number }>('integration_get', { id: world.failing });
    await host.call('integration_update', {
      id: world.failing,
      input: {
        type: 'infotravel',
        description: 'BWT (senha antiga)',
        person_id: stale.person_id,
        values: { url: sim.infotravel.url, supplier_id: sim.infotravel.client, agency_code: sim.infotravel.agency, username: sim.infotravel.username },
        secrets: { password: sim.infotravel.password },
      },
    });
    await page.getByTestId('home-retest').click();
    await page.getByTestId('home-failing-none').waitFor();
    expect(await page.getByTestId('toast').textContent()).toBe(text('pt-BR', 'home.failing.fixed', { name: 'BWT (senha antiga)' }));

    // Manual payments open Vendas filtered to them.
    if (flagged > 0) {
      await page.getByTestId('home-manual-open').click();
      await page.waitForURL(/#\/sales$/);
      await page.getByTestId('sales-count').waitFor();
    }
  });

  for (const [locale, scheme] of [
    ['it', 'light'],
    ['en', 'dark'],
    ['pt-BR', 'dark'],
  ] as const) {
    test(`${locale} ${scheme}`, async () => {
      current = await openApp(browser, { locale, colorScheme: scheme, hash: '#/home', prepare: (h) => seedWorld(h).then(() => undefined) });
      await current.page.getByTestId('home').waitFor();
      expect(await current.page.locator('[data-testid=home-sales] .bar').count()).toBe(30);
      expect(await current.page.locator('h1').textContent()).toBe(text(locale, 'menu.home'));
      expect(await current.page.locator('#home-expiring-title').textContent()).toBe(text(locale, 'home.expiring.title'));
      await screenshot(current.page, `home-${locale}-${scheme}`);
    });
  }
});
