import { expect, test } from 'vitest';
import { cleanTime, DEFAULT_SCHEDULE_TIME } from './import-schedule';

test('a time of day as the backend stores it (HH:MM), from what people type', () => {
  expect(cleanTime(DEFAULT_SCHEDULE_TIME)).toBe('07:00');
  for (const s of ['7:00', ' 07:00 ', '7h00', '07.00', '0700', '7', '7h']) expect(cleanTime(s), s).toBe('07:00');
  expect(cleanTime('23:59')).toBe('23:59');
  expect(cleanTime('0:05')).toBe('00:05');
  for (const s of ['', '24:00', '12:60', '7:0', 'sete', '07:00:00', '-1:00', '1:2:3']) expect(cleanTime(s), s).toBeNull();
});
