import { expect, test } from 'vitest';
import type { Person } from './bindings/Person';
import type { PersonKind } from './bindings/PersonKind';
import { nextSort, sortPeople } from './people-list';

const p = (id: number, name: string, kind: PersonKind, document: string | null): Person => ({
  id,
  name,
  kind,
  document,
  document_display: document,
  trade_name: null,
  email: null,
  phone: null,
  created_at: '',
  updated_at: '',
});

const people = [
  p(1, 'Zeca Turismo', 'company', '11222333000181'),
  p(2, 'ana beatriz', 'individual', '52998224725'),
  p(3, 'Álvaro', 'individual', null),
  p(4, 'Hotel 10', 'company', '12ABC34501DE35'),
  p(5, 'Hotel 9', 'company', null),
];
const collator = new Intl.Collator('pt-BR', { sensitivity: 'base', numeric: true });
const label = (k: PersonKind) => (k === 'company' ? 'Pessoa Jurídica' : 'Pessoa Física');
const ids = (xs: Person[]) => xs.map((x) => x.id);

test('by name: accents and case ignored, numbers in natural order', () => {
  expect(ids(sortPeople(people, { key: 'name', dir: 'asc' }, collator, label))).toEqual([3, 2, 5, 4, 1]);
  expect(ids(sortPeople(people, { key: 'name', dir: 'desc' }, collator, label))).toEqual([1, 4, 5, 2, 3]);
});

test('by kind uses the translated label, then the name', () => {
  expect(ids(sortPeople(people, { key: 'kind', dir: 'asc' }, collator, label))).toEqual([3, 2, 5, 4, 1]);
  const it = (k: PersonKind) => (k === 'company' ? 'Persona giuridica' : 'Persona fisica');
  expect(ids(sortPeople(people, { key: 'kind', dir: 'asc' }, collator, it))).toEqual([3, 2, 5, 4, 1]);
  const en = (k: PersonKind) => (k === 'company' ? 'Company' : 'Individual');
  expect(ids(sortPeople(people, { key: 'kind', dir: 'asc' }, collator, en))).toEqual([5, 4, 1, 3, 2]);
});

test('by document: character order, people without one always last', () => {
  expect(ids(sortPeople(people, { key: 'document', dir: 'asc' }, collator, label))).toEqual([1, 4, 2, 3, 5]);
  expect(ids(sortPeople(people, { key: 'document', dir: 'desc' }, collator, label))).toEqual([2, 4, 1, 3, 5]);
});

test('sorting copies; the header toggles direction', () => {
  const before = ids(people);
  sortPeople(people, { key: 'name', dir: 'asc' }, collator, label);
  expect(ids(people)).toEqual(before);
  expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
  expect(nextSort({ key: 'name', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
  expect(nextSort({ key: 'name', dir: 'desc' }, 'kind')).toEqual({ key: 'kind', dir: 'asc' });
});
