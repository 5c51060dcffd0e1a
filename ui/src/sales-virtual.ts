// The arithmetic of the virtualised sales list: which rows to render for a scroll position, and where.
//
// Rows have a fixed height. Only the rows in view (plus `overscan` on each side) are in the DOM, between a
// top and a bottom spacer. Browsers cap an element's height (Chromium ~33.5 M px, others less), so past
// `maxHeight` the scrollable height is capped and the scroll position is scaled onto the rows.

export interface ListGeometry {
  /** Rows the list has (loaded or placeholders). */
  rows: number;
  rowHeight: number;
  /** Rows rendered above and below the visible ones. */
  overscan: number;
  /** The tallest scrollable height to ask of the browser. */
  maxHeight: number;
}

export interface Viewport {
  /** The scroll container's scrollTop, in px. */
  scrollTop: number;
  /** The height available to rows (the container's height less its sticky header), in px. */
  height: number;
}

export interface VisibleWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height of the spacer above the first rendered row, in px. */
  top: number;
  /** Height of the spacer below the last rendered row, in px. */
  bottom: number;
  /** The scrollable height of all rows, in px (capped). */
  total: number;
  /** The first row actually in view (for the keyboard and "row N of M"). */
  first: number;
}

export const DEFAULT_MAX_HEIGHT = 8_000_000;

export function visibleWindow(v: Viewport, g: ListGeometry): VisibleWindow {
  const rows = Math.max(0, Math.floor(g.rows));
  const rh = g.rowHeight;
  const height = Math.max(0, v.height);
  const virtualTotal = rows * rh;
  if (rows === 0) return { start: 0, end: 0, top: 0, bottom: 0, total: 0, first: 0 };
  const total = Math.min(virtualTotal, Math.max(g.maxHeight, height));
  const maxScroll = Math.max(0, total - height);
  const scrollTop = Math.min(Math.max(0, v.scrollTop), maxScroll);
  // Where the viewport's top is among the rows: the same as scrollTop unless the height is capped, then
  // scaled so that scrolling to the end reaches the last row.
  const virtualMax = Math.max(0, virtualTotal - height);
  const virtualTop = maxScroll === 0 ? 0 : total === virtualTotal ? scrollTop : (scrollTop / maxScroll) * virtualMax;
  const first = Math.min(rows - 1, Math.floor(virtualTop / rh));
  const lastInView = Math.min(rows, Math.ceil((virtualTop + height) / rh));
  const start = Math.max(0, first - g.overscan);
  const end = Math.min(rows, Math.max(lastInView, first + 1) + g.overscan);
  // Place row `start` so that row `first` sits where it would without any cap.
  const top = Math.max(0, Math.min(total, scrollTop - (virtualTop - start * rh)));
  const bottom = Math.max(0, total - top - (end - start) * rh);
  return { start, end, top, bottom, total, first };
}

/** The scrollTop that brings `row` into view (aligned to the nearest edge), or null when it already is. */
export function scrollToRow(row: number, v: Viewport, g: ListGeometry): number | null {
  const rows = Math.max(0, Math.floor(g.rows));
  if (rows === 0) return null;
  const rh = g.rowHeight;
  const height = Math.max(0, v.height);
  const virtualTotal = rows * rh;
  const total = Math.min(virtualTotal, Math.max(g.maxHeight, height));
  const maxScroll = Math.max(0, total - height);
  const virtualMax = Math.max(0, virtualTotal - height);
  // Physical px per row px: 1 unless the height is capped.
  const scale = total === virtualTotal || virtualMax === 0 ? 1 : maxScroll / virtualMax;
  const virtualTop = Math.min(Math.max(0, v.scrollTop), maxScroll) / scale;
  const rowTop = Math.min(Math.max(0, row), rows - 1) * rh;
  const rowBottom = rowTop + rh;
  if (rowTop >= virtualTop - 0.5 && rowBottom <= virtualTop + height + 0.5) return null;
  const target = rowTop < virtualTop ? rowTop : rowBottom - height;
  return Math.round(Math.min(maxScroll, Math.max(0, target * scale)));
}
