// axe-core on the page as it is now: the accessibility checks of the browser suite (docs/ACCESSIBILITY.md).
// axe's source comes from the npm package (nothing is downloaded at test time) and is evaluated through the
// DevTools protocol, so the app's CSP (no inline scripts) stays as in the window.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** What is checked: WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. No rule is left out. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** One violation as axe reports it, kept to what a reader needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the whole document; returns its violations (all impacts). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const a = (window as unknown as { axe: typeof axe }).axe;
    const r = await a.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, [...AXE_TAGS]);
}

/** The violations as lines: rule id, impact, what to fix; then each element's selector and why it fails. */
export function formatViolations(where: string, vs: AxeViolation[]): string {
  const lines = [`axe: ${vs.length} kind(s) of violation on ${where}`];
  for (const v of vs) {
    lines.push(`- ${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 8)) lines.push(`    ${n.target}: ${n.summary}`);
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/** Fails with a readable list when axe finds any violation on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const vs = await axeViolations(page);
  if (vs.length > 0) throw new Error(formatViolations(where, vs));
}
