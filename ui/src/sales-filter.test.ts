import { describe, expect, test } from 'vitest';
import { badDate, CLEARED, EMPTY_FILTER, filterFromForm, filtersSet, formFromFilter, isDefaultFilter } from './sales-filter';

describe('sales filter', () => {
  test('the form of an empty filter asks for the empty filter', () => {
    expect(filterFromForm(CLEARED, 'pt-BR')).toEqual(EMPTY_FILTER);
    expect(isDefaultFilter(filterFromForm(CLEARED, 'pt-BR'))).toBe(true);
    expect(filtersSet(CLEARED)).toBe(false);
  });

  test('opened already filtered: dates written the locale\'s way, and back', () => {
    const form = formFromFilter({ flagged_only: true, integration_id: 7, date_from: '2026-11-25' }, 'pt-BR');
    expect(form).toMatchObject({ flaggedOnly: true, integrationId: 7, dateFrom: '25/11/2026', dateTo: '' });
    expect(filterFromForm(form, 'pt-BR')).toEqual({ ...EMPTY_FILTER, flagged_only: true, integration_id: 7, date_from: '2026-11-25' });
    expect(filtersSet(form)).toBe(true);
    expect(isDefaultFilter(filterFromForm(form, 'pt-BR'))).toBe(false);
  });

  test('the search is trimmed; a date that is no day filters nothing and is marked', () => {
    const form = { ...CLEARED, query: '  ABC123 ', dateTo: '31/02/2026' };
    expect(filterFromForm(form, 'pt-BR')).toEqual({ ...EMPTY_FILTER, query: 'ABC123' });
    expect(badDate('pt-BR', form.dateTo)).toBe(true);
    expect(badDate('pt-BR', '')).toBe(false);
    expect(badDate('pt-BR', '2026-02-28')).toBe(false);
  });

  test('the search and the chip are not filters that "clear filters" is offered for', () => {
    expect(filtersSet({ ...CLEARED, query: 'x', flaggedOnly: true })).toBe(false);
    expect(filtersSet({ ...CLEARED, kind: 'hotel' })).toBe(true);
  });
});
