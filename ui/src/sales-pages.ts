// The pages of the sales list held in memory. Keyset pagination reads pages in order (page k+1 needs the cursor
// that page k returned), so the list grows as the user scrolls; pages far from the view are dropped and read
// again from their remembered cursor when the user scrolls back, so memory stays bounded at any depth.

export interface KeysetPage<R, C> {
  rows: R[];
  next: C | null;
}

export class PageCache<R, C> {
  private readonly pages = new Map<number, R[]>();
  /** cursors[k]: what to send to read page k (null for the first). Kept for every page read, even dropped ones. */
  private readonly cursors: (C | null)[] = [null];
  private readonly inFlight = new Set<number>();
  private readonly failed = new Set<number>();
  /** Pages read in order from the first: where their rows sit is known. */
  private loaded = 0;
  private known = 0;
  private more = true;

  constructor(
    readonly pageSize: number,
    /** Pages kept on each side of the one in view. */
    readonly keep: number,
  ) {}

  /** Rows whose position is known (all pages read so far, in order). */
  get knownRows(): number {
    return this.known;
  }

  /** Whether a page after the last one read may hold more rows. */
  get hasMore(): boolean {
    return this.more;
  }

  /** Pages held in memory. */
  get cachedPages(): number {
    return this.pages.size;
  }

  get hasFailed(): boolean {
    return this.failed.size > 0;
  }

  /**
   * Rows to lay out: the known ones and, while more may come, one page of placeholders (no more than `total`,
   * the count, says exist — but never fewer than are known, should the count be behind).
   */
  rowCount(total: number | null): number {
    let n = this.known + (this.more ? this.pageSize : 0);
    if (total !== null) n = Math.min(n, Math.max(total, this.known));
    return n;
  }

  /** Row `i`, or undefined while its page is not in memory. */
  row(i: number): R | undefined {
    return this.pages.get(Math.floor(i / this.pageSize))?.[i % this.pageSize];
  }

  pageOf(i: number): number {
    return Math.floor(Math.max(0, i) / this.pageSize);
  }

  /**
   * The pages to read for rows [start, end) and `ahead` rows after them: not in memory, not being read, not
   * failed, and readable now (a dropped page, or the next one in order).
   */
  wanted(start: number, end: number, ahead: number): number[] {
    const out: number[] = [];
    const first = this.pageOf(start);
    const last = this.pageOf(Math.max(start, end - 1 + ahead));
    for (let k = first; k <= last; k++) {
      if (this.pages.has(k) || this.inFlight.has(k) || this.failed.has(k)) continue;
      if (k < this.loaded || (k === this.loaded && this.more)) out.push(k);
    }
    return out;
  }

  /** The cursor to read page `k` with. */
  cursor(k: number): C | null {
    return this.cursors[k] ?? null;
  }

  begin(k: number): void {
    this.inFlight.add(k);
  }

  put(k: number, page: KeysetPage<R, C>): void {
    this.inFlight.delete(k);
    this.failed.delete(k);
    this.pages.set(k, page.rows);
    if (k !== this.loaded) return;
    this.loaded++;
    this.known += page.rows.length;
    if (page.next !== null && page.rows.length > 0) this.cursors[k + 1] = page.next;
    else this.more = false;
  }

  /** A read failed: not asked again until `retry()`. */
  fail(k: number): void {
    this.inFlight.delete(k);
    this.failed.add(k);
  }

  retry(): void {
    this.failed.clear();
  }

  /** Drops the pages more than `keep` pages away from `center` (their cursors stay). */
  evict(center: number): void {
    for (const k of [...this.pages.keys()]) if (Math.abs(k - center) > this.keep) this.pages.delete(k);
  }
}
