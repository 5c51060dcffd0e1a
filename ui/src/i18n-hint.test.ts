import { afterEach, describe, expect, test, vi } from 'vitest';
import { catalogue, lastLocaleHint, loadCatalogue, rememberLocale } from './i18n';

/** A page storage backed by a Map, or one that refuses every call (storage disabled by the user). */
function storage(refuse = false): Storage {
  const items = new Map<string, string>();
  const no = () => {
    throw new DOMException('denied', 'SecurityError');
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: refuse ? no : (k: string) => items.get(k) ?? null,
    setItem: refuse ? no : (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the last start language hint', () => {
  test('is the language remembered last', () => {
    vi.stubGlobal('localStorage', storage());
    expect(lastLocaleHint()).toBeUndefined();
    rememberLocale('it');
    expect(lastLocaleHint()).toBe('it');
    rememberLocale('pt-BR');
    expect(lastLocaleHint()).toBe('pt-BR');
  });

  test('is ignored when the stored value is not a language Ponte speaks', () => {
    const s = storage();
    vi.stubGlobal('localStorage', s);
    s.setItem('ponte.last-locale', 'de');
    expect(lastLocaleHint()).toBeUndefined();
    s.setItem('ponte.last-locale', '');
    expect(lastLocaleHint()).toBeUndefined();
  });

  test('without storage there is no hint and remembering is a no-op', () => {
    vi.stubGlobal('localStorage', storage(true));
    expect(() => rememberLocale('en')).not.toThrow();
    expect(lastLocaleHint()).toBeUndefined();
  });
});

describe('loadCatalogue', () => {
  test('two reads of one language at once both resolve with that catalogue', async () => {
    const first = loadCatalogue('it');
    const second = loadCatalogue('it');
    await Promise.all([first, second]);
    expect(catalogue('it')['menu.home']).toBeTruthy();
    await expect(loadCatalogue('it')).resolves.toBeUndefined();
  });
});
