// Sorting and the count line of the people table.
import type { Person } from './bindings/Person';
import type { PersonKind } from './bindings/PersonKind';

export type SortKey = 'name' | 'kind' | 'document';
export type SortDir = 'asc' | 'desc';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const KIND_KEYS: Record<PersonKind, string> = {
  company: 'people.kind.company',
  individual: 'people.kind.individual',
};

/** Clicking the current column flips the direction; another column starts ascending. */
export function nextSort<K extends string>(current: { key: K; dir: SortDir }, key: K): { key: K; dir: SortDir } {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/**
 * Sorts a copy of `people`. `kindLabel` gives the translated kind so that the order matches what is read;
 * people without a document always come last; ties fall back to the name, then the id.
 */
export function sortPeople(
  people: readonly Person[],
  sort: Sort,
  collator: Intl.Collator,
  kindLabel: (k: PersonKind) => string,
): Person[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byName = (a: Person, b: Person) => collator.compare(a.name, b.name) || a.id - b.id;
  return [...people].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b);
    if (sort.key === 'kind') return sign * collator.compare(kindLabel(a.kind), kindLabel(b.kind)) || byName(a, b);
    const da = a.document;
    const db = b.document;
    if (da === null || db === null) return da === db ? byName(a, b) : da === null ? 1 : -1;
    // Documents compare character by character (not as numbers): 111… before 12A….
    return sign * (da < db ? -1 : da > db ? 1 : 0) || byName(a, b);
  });
}

export const MAX_RESULTS = 200;
