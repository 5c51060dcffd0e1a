// WCAG AA: text ≥ 4.5:1 and UI components (borders, focus rings) ≥ 3:1, in the light and the dark theme.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const css = readFileSync(fileURLToPath(new URL('./styles/app.css', import.meta.url)), 'utf8');

function palette(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]));
}

const lightBlock = css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)'));
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const darkBlock = css.slice(darkStart, css.indexOf('\n}\n', darkStart));
const light = palette(lightBlock);
const dark = { ...light, ...palette(darkBlock) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

const TEXT: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-2'],
  ['text', 'surface-hover'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-2'],
  ['text-muted', 'surface-hover'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
  ['accent-soft-text', 'accent-soft'],
  ['info-text', 'info-soft'],
  ['warn-text', 'warn-soft'],
  ['danger', 'surface'],
  ['danger', 'surface-2'],
  ['danger', 'danger-soft'],
  ['danger-text', 'danger-soft'],
  ['on-danger', 'danger-solid'],
  ['nav-text', 'nav-bg'],
  ['nav-muted', 'nav-bg'],
  ['nav-text', 'nav-hover'],
  ['nav-active-text', 'nav-active-bg'],
  ['nav-active-text', 'nav-hover'],
  ['toast-text', 'toast-bg'],
];
const NON_TEXT: [string, string][] = [
  ['input-border', 'surface'],
  ['focus', 'surface'],
  ['focus', 'bg'],
  ['nav-focus', 'nav-bg'],
  ['nav-focus', 'nav-active-bg'],
  ['accent', 'surface'],
  ['nav-accent', 'nav-active-bg'],
  ['toast-accent', 'toast-bg'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_name, p) => {
  test('has every colour', () => {
    for (const [a, b] of [...TEXT, ...NON_TEXT]) {
      expect(p[a], a).toMatch(/^#/);
      expect(p[b], b).toMatch(/^#/);
    }
  });
  test.each(TEXT)('text %s on %s ≥ 4.5', (fg, bg) => {
    expect(contrast(p[fg] ?? '', p[bg] ?? '')).toBeGreaterThanOrEqual(4.5);
  });
  test.each(NON_TEXT)('component %s on %s ≥ 3', (fg, bg) => {
    expect(contrast(p[fg] ?? '', p[bg] ?? '')).toBeGreaterThanOrEqual(3);
  });
});

test('the checker itself', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  expect(Object.keys(dark).length).toBeGreaterThan(30);
  expect(dark.bg).not.toBe(light.bg);
});
