import { describe, expect, test } from 'vitest';
import type { ListGeometry } from './sales-virtual';
import { scrollToRow, visibleWindow } from './sales-virtual';

const g = (rows: number, over: Partial<ListGeometry> = {}): ListGeometry => ({ rows, rowHeight: 36, overscan: 5, maxHeight: 8_000_000, ...over });

describe('visibleWindow', () => {
  test('at the top: the rows in view plus the overscan below, no top spacer', () => {
    expect(visibleWindow({ scrollTop: 0, height: 360 }, g(1000))).toEqual({ start: 0, end: 15, top: 0, bottom: (1000 - 15) * 36, total: 36_000, first: 0 });
  });

  test('in the middle: overscan on both sides, spacers add up to the total', () => {
    const w = visibleWindow({ scrollTop: 36 * 500 + 10, height: 360 }, g(1000));
    expect(w.first).toBe(500);
    expect(w.start).toBe(495);
    expect(w.end).toBe(500 + 11 + 5);
    expect(w.top).toBe(495 * 36);
    expect(w.top + (w.end - w.start) * 36 + w.bottom).toBe(w.total);
  });

  test('at the end and beyond: clamped to the last rows', () => {
    const w = visibleWindow({ scrollTop: 1e9, height: 360 }, g(1000));
    expect(w.end).toBe(1000);
    expect(w.first).toBe(990);
    expect(w.bottom).toBe(0);
    expect(visibleWindow({ scrollTop: -50, height: 360 }, g(1000)).start).toBe(0);
  });

  test('few rows, no rows, a viewport taller than the list', () => {
    expect(visibleWindow({ scrollTop: 0, height: 360 }, g(3))).toEqual({ start: 0, end: 3, top: 0, bottom: 0, total: 108, first: 0 });
    expect(visibleWindow({ scrollTop: 100, height: 360 }, g(0))).toEqual({ start: 0, end: 0, top: 0, bottom: 0, total: 0, first: 0 });
  });

  test('the number of rendered rows stays bounded whatever the size', () => {
    for (const rows of [100, 10_000, 1_000_000, 50_000_000])
      for (const frac of [0, 0.25, 0.5, 0.999, 1]) {
        const total = Math.min(rows * 36, 8_000_000);
        const w = visibleWindow({ scrollTop: frac * (total - 500), height: 500 }, g(rows));
        expect(w.end - w.start, `${rows} ${frac}`).toBeLessThanOrEqual(Math.ceil(500 / 36) + 1 + 10);
        expect(w.end - w.start).toBeGreaterThan(0);
      }
  });

  test('past the browser height cap, the scroll range is scaled onto the rows and reaches the last one', () => {
    const geo = g(1_000_000, { maxHeight: 1_000_000 });
    const top = visibleWindow({ scrollTop: 0, height: 500 }, geo);
    expect(top.total).toBe(1_000_000);
    expect(top.first).toBe(0);
    const end = visibleWindow({ scrollTop: 1_000_000 - 500, height: 500 }, geo);
    expect(end.end).toBe(1_000_000);
    expect(end.first).toBe(1_000_000 - Math.ceil(500 / 36));
    const mid = visibleWindow({ scrollTop: (1_000_000 - 500) / 2, height: 500 }, geo);
    expect(Math.abs(mid.first - 500_000)).toBeLessThan(10);
    // Rendered rows sit inside the capped height, the first in-view row at the top of the viewport.
    expect(mid.top + (mid.end - mid.start) * 36 + mid.bottom).toBeCloseTo(mid.total, 6);
    expect(mid.top + (mid.first - mid.start) * 36).toBeLessThanOrEqual((1_000_000 - 500) / 2 + 0.001);
    expect(mid.top + (mid.first - mid.start + 1) * 36).toBeGreaterThan((1_000_000 - 500) / 2);
  });
});

describe('scrollToRow', () => {
  test('nothing to do for a row in view; the nearest edge otherwise', () => {
    const v = { scrollTop: 36 * 100, height: 360 };
    expect(scrollToRow(105, v, g(1000))).toBeNull();
    expect(scrollToRow(99, v, g(1000))).toBe(36 * 99);
    expect(scrollToRow(110, v, g(1000))).toBe(36 * 111 - 360);
    expect(scrollToRow(5000, v, g(1000))).toBe(36 * 1000 - 360);
    expect(scrollToRow(0, v, g(0))).toBeNull();
  });

  test('scaled: the row it scrolls to is then in view', () => {
    const geo = g(1_000_000, { maxHeight: 1_000_000 });
    const top = scrollToRow(765_432, { scrollTop: 0, height: 500 }, geo);
    expect(top).not.toBeNull();
    const w = visibleWindow({ scrollTop: top ?? 0, height: 500 }, geo);
    expect(765_432).toBeGreaterThanOrEqual(w.first);
    expect(765_432).toBeLessThan(w.first + Math.ceil(500 / 36) + 1);
  });
});
