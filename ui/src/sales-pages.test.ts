import { describe, expect, test } from 'vitest';
import { PageCache } from './sales-pages';

/** A pretend keyset source of `n` rows numbered from 0, `size` per page; the cursor is the last row. */
function source(n: number, size: number) {
  return (cursor: number | null) => {
    const from = cursor === null ? 0 : cursor + 1;
    const rows = Array.from({ length: Math.max(0, Math.min(size, n - from)) }, (_, i) => from + i);
    return { rows, next: rows.length === size ? (rows[rows.length - 1] ?? null) : null };
  };
}

describe('PageCache', () => {
  test('pages are read in order as the view goes down; placeholders for the page to come', () => {
    const c = new PageCache<number, number>(100, 3);
    const read = source(250, 100);
    expect(c.rowCount(null)).toBe(100);
    expect(c.wanted(0, 20, 10)).toEqual([0]);
    c.begin(0);
    expect(c.wanted(0, 20, 10)).toEqual([]);
    c.put(0, read(c.cursor(0)));
    expect(c.knownRows).toBe(100);
    expect(c.row(42)).toBe(42);
    expect(c.row(142)).toBeUndefined();
    // Near the end of what is loaded: the next page; further pages wait for it (their cursor is unknown).
    expect(c.wanted(80, 100, 0)).toEqual([]);
    expect(c.wanted(80, 100, 30)).toEqual([1]);
    expect(c.wanted(80, 250, 30)).toEqual([1]);
    c.put(1, read(c.cursor(1)));
    c.put(2, read(c.cursor(2)));
    expect(c.knownRows).toBe(250);
    expect(c.hasMore).toBe(false);
    expect(c.rowCount(null)).toBe(250);
    expect(c.row(249)).toBe(249);
    expect(c.wanted(0, 250, 100)).toEqual([]);
  });

  test('the count caps the placeholders, but never hides known rows', () => {
    const c = new PageCache<number, number>(100, 3);
    expect(c.rowCount(30)).toBe(30);
    c.put(0, source(1000, 100)(null));
    expect(c.rowCount(1000)).toBe(200);
    expect(c.rowCount(150)).toBe(150);
    expect(c.rowCount(50)).toBe(100);
  });

  test('a full last page: one more (empty) read settles that there is no more', () => {
    const c = new PageCache<number, number>(100, 3);
    const read = source(200, 100);
    c.put(0, read(null));
    c.put(1, read(c.cursor(1)));
    expect(c.hasMore).toBe(true);
    expect(c.wanted(150, 200, 10)).toEqual([2]);
    c.put(2, read(c.cursor(2)));
    expect(c.hasMore).toBe(false);
    expect(c.knownRows).toBe(200);
  });

  test('far pages are dropped, then read again from their cursor', () => {
    const c = new PageCache<number, number>(10, 2);
    const read = source(1000, 10);
    for (let k = 0; k < 20; k++) c.put(k, read(c.cursor(k)));
    c.evict(19);
    expect(c.cachedPages).toBe(3);
    expect(c.row(5)).toBeUndefined();
    expect(c.row(195)).toBe(195);
    expect(c.knownRows).toBe(200);
    expect(c.wanted(0, 15, 0)).toEqual([0, 1]);
    expect(c.cursor(1)).toBe(9);
    c.put(1, read(c.cursor(1)));
    expect(c.row(15)).toBe(15);
    expect(c.knownRows).toBe(200);
  });

  test('a failed read is not asked again until retry', () => {
    const c = new PageCache<number, number>(10, 2);
    c.begin(0);
    c.fail(0);
    expect(c.hasFailed).toBe(true);
    expect(c.wanted(0, 5, 0)).toEqual([]);
    c.retry();
    expect(c.wanted(0, 5, 0)).toEqual([0]);
  });
});
