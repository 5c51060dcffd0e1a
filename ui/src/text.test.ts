import { expect, test } from 'vitest';
import { splitCommandTokens } from './text';

test('command-line flags are split out', () => {
  expect(splitCommandTokens('abra o Ponte com --data-dir.')).toEqual([
    { text: 'abra o Ponte com ', code: false },
    { text: '--data-dir', code: true },
    { text: '.', code: false },
  ]);
  expect(splitCommandTokens('nada')).toEqual([{ text: 'nada', code: false }]);
  expect(splitCommandTokens('a -- b')).toEqual([{ text: 'a -- b', code: false }]);
});
