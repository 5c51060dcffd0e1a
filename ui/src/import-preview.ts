// The preview's list: which items a count tile selects.
import type { PreviewItem } from './bindings/PreviewItem';
import type { Counts } from './bindings/Counts';

export type CountKey = keyof Counts;

/** Whether the item is one of those a count tile stands for (null: every item). */
export function itemMatches(item: PreviewItem, k: CountKey | null): boolean {
  switch (k) {
    case null:
      return true;
    case 'new':
    case 'updated':
    case 'unchanged':
      return item.change === k;
    case 'flagged':
      return item.flagged;
    case 'unmapped':
      return item.unmapped.length > 0;
    case 'errors':
      return item.change === null;
  }
}

/** Sales the supplier listed (readable or not). */
export function itemsTotal(c: Counts): number {
  return c.new + c.updated + c.unchanged + c.errors;
}

/** Whether importing would write anything (new or changed sales). */
export function worthImporting(c: Counts): boolean {
  return c.new + c.updated > 0;
}
