import { expect, test } from 'vitest';
import { href, parseHash, ROUTES } from './router';

test('hash routes', () => {
  for (const r of ROUTES) expect(parseHash(href(r))).toBe(r);
  expect(parseHash('#/people/')).toBe('people');
  expect(parseHash('#/home')).toBe('home');
  expect(parseHash('')).toBeNull();
  expect(parseHash('#/')).toBeNull();
  expect(parseHash('#/nowhere')).toBeNull();
  expect(parseHash('#/people/12')).toBeNull();
  expect(parseHash('#/tokens/12')).toBe('tokens');
  expect(parseHash('#/tokens/x')).toBeNull();
  expect(parseHash('#main')).toBeNull();
});
