// Lembretes → "Adicionar ao calendário (.ics)": the real core writes every expiry to a calendar file (the
// test host's save "dialog" answers <data>/exports/), with one alarm per reminder day and never the token.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
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

/** A PayTourist integration on the simulator, a Booking user and one token, added through the real commands. */
async function seedToken(host: Host): Promise<string> {
  const p = host.sim.paytourist as unknown as { url: string; valid_tokens: string[]; structures: { id: number }[]; software_id: number };
  const person = await host.call<{ id: number }>('person_create', { input: { kind: 'company', name: 'Hotel Bellavista' } });
  const saved = await host.call<{ integration: { id: number } }>('integration_create', {
    input: {
      type: 'paytourist',
      description: 'PayTourist Firenze',
      person_id: person.id,
      values: { comune: 'firenze', structure_id: String(p.structures[0]!.id), software_id: String(p.software_id), api_url: p.url },
      secrets: {},
    },
  });
  const user = await host.call<{ id: number }>('booking_user_create', {
    input: { integration_id: saved.integration.id, name: 'Booking Bellavista', email: 'booking@bellavista.it', software: 'Ericsoft' },
  });
  const token = p.valid_tokens[0]!;
  host.useSecret(token);
  await host.call('token_add', {
    bookingUserId: user.id,
    name: 'Gestionale Ericsoft',
    token,
    dates: { created_on: '2026-01-15', expires_on: '2029-01-15' },
    replaces: null,
  });
  return token;
}

test('Lembretes exports the expiries as an .ics calendar, alarms on each reminder day, no secret', async () => {
  let token = '';
  current = await openApp(browser, {
    locale: 'it',
    hash: '#/reminders',
    prepare: async (h) => {
      token = await seedToken(h);
    },
  });
  const { page, host } = current;
  const button = page.getByTestId('reminders-calendar');
  await expect.poll(() => button.isEnabled()).toBe(true);
  expect(await button.textContent()).toContain(text('it', 'reminders.calendar'));
  await button.click();
  const path = join(host.dataDir, 'exports', 'ponte-expiries.ics');
  await expect.poll(() => page.getByTestId('toast').textContent()).toBe(text('it', 'reminders.calendar_saved', { path }));
  await screenshot(page, 'reminders-calendar-it');
  // RFC 5545 folds long lines (CRLF + space): unfold before reading them.
  const ics = (await readFile(path, 'utf8')).replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(1);
  expect(ics).toContain('DTSTART;VALUE=DATE:20290115');
  expect(ics).toContain('SUMMARY:Gestionale Ericsoft (Booking Bellavista) (PayTourist Firenze) scade');
  // Default reminder days 60, 30, 7, 1 and 0: one alarm each.
  expect(ics.match(/BEGIN:VALARM/g)?.length).toBe(5);
  expect(ics).not.toContain(token);
});

test('with nothing that expires the calendar button waits', async () => {
  current = await openApp(browser, { hash: '#/reminders' });
  await current.page.getByTestId('reminders-empty').waitFor();
  expect(await current.page.getByTestId('reminders-calendar').isDisabled()).toBe(true);
});
