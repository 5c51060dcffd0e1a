// Helpers of app.e2e.ts and demo.e2e.ts: a command held on its way to the core, and a host whose data
// folder cannot be opened. (Seed data: seed.ts; the page's calls: harness.ts's watchApi.)
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Host } from './harness';
import { startHost } from './harness';

/**
 * Holds the page's next `POST /api/{cmd}` until `release()` is called, so a test can look at the screen
 * while the command is still running (the core does the work once released).
 */
export async function holdCommand(page: Page, cmd: string): Promise<{ release: () => void; held: Promise<void> }> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((ok) => (release = ok));
  let seen: () => void = () => undefined;
  const held = new Promise<void>((ok) => (seen = ok));
  await page.route(`**/api/${cmd}`, async (route) => {
    seen();
    await gate;
    await route.continue();
  });
  return { release, held };
}

/**
 * A host whose data folder cannot be opened (it lies under a regular file), started with `lang` as the
 * OS language — the only language the core knows when it has no database.
 */
export async function startBrokenHost(lang: string): Promise<Host> {
  const file = join(tmpdir(), `ponte-e2e-not-a-folder-${process.pid}-${Date.now()}`);
  await writeFile(file, 'a regular file, not a folder\n');
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  // startHost spawns synchronously, with this process's environment.
  process.env.LC_ALL = lang;
  process.env.LC_MESSAGES = lang;
  process.env.LANG = lang;
  const started = startHost({ dataDir: join(file, 'ponte') });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const host = await started;
  return {
    ...host,
    close: async () => {
      await host.close();
      await rm(file, { force: true });
    },
  };
}
