import { describe, expect, test } from 'vitest';
import { defaultSeparator, formatDay, formatDayRange, formatMoney, isoDay, parseDay, parseKinds, prettyJson } from './sales-format';

// Intl separates currency and number with a no-break space (U+00A0); compare what the eye reads.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  test('as each locale writes it, thousands always grouped', () => {
    expect(plain(formatMoney('pt-BR', 123456, 'BRL'))).toBe('R$ 1.234,56');
    expect(plain(formatMoney('it', 123456, 'EUR'))).toBe('1.234,56 €');
    expect(plain(formatMoney('en', 123456, 'EUR'))).toBe('€1,234.56');
    expect(plain(formatMoney('pt-BR', 123456789, 'EUR'))).toBe('€ 1.234.567,89');
    expect(plain(formatMoney('it', 5, 'EUR'))).toBe('0,05 €');
    expect(plain(formatMoney('pt-BR', -150, 'BRL'))).toBe('-R$ 1,50');
  });

  test('a currency code Intl does not know is written after the number', () => {
    expect(plain(formatMoney('pt-BR', 123456, 'XX1'))).toBe('1.234,56 XX1');
  });
});

describe('sale dates', () => {
  test('YYYY-MM-DD as the locale writes it, with four-digit years, never shifted by the time zone', () => {
    expect(formatDay('pt-BR', '2026-11-25')).toBe('25/11/2026');
    expect(formatDay('it', '2026-11-25')).toBe('25/11/2026');
    expect(formatDay('en', '2026-11-25')).toBe('11/25/2026');
    expect(formatDay('pt-BR', '2026-01-01')).toBe('01/01/2026');
    expect(formatDay('pt-BR', 'amanhã')).toBe('amanhã');
    expect(formatDayRange('pt-BR', '2026-11-01', '2026-11-30')).toBe('01/11/2026 – 30/11/2026');
    expect(formatDayRange('it', '2026-11-01', '2026-11-01')).toBe('01/11/2026');
  });

  test('only real calendar days parse', () => {
    expect(parseDay('2026-11-25')).toBe(Date.UTC(2026, 10, 25));
    expect(parseDay(' 2024-02-29 ')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-11-31', '25/11/2026', '2026-1-5', '', '0099-01-01']) expect(parseDay(bad), bad).toBeNull();
  });

  test('a local date as YYYY-MM-DD', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('labels', () => {
  test('product kinds of a row, in catalogue order, unknown ones as unmapped', () => {
    expect(parseKinds('hotel,air_ticket')).toEqual(['hotel', 'air_ticket']);
    expect(parseKinds('travel_insurance,car_rental,hotel')).toEqual(['car_rental', 'hotel', 'travel_insurance']);
    expect(parseKinds('cruise, hotel,,')).toEqual(['hotel', 'unmapped']);
    expect(parseKinds('')).toEqual([]);
  });

  test('the CSV separator: semicolon where the decimal mark is a comma', () => {
    expect(defaultSeparator('pt-BR')).toBe(';');
    expect(defaultSeparator('it')).toBe(';');
    expect(defaultSeparator('en')).toBe(',');
  });

  test('the supplier record pretty-printed; not JSON stays as it is', () => {
    expect(prettyJson('{"a":{"b":[1,2]}}')).toBe('{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}');
    expect(prettyJson('<xml/>')).toBe('<xml/>');
  });
});
