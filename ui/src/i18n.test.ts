import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { catalogue, fill, LOCALES, localeFromTag, makeI18n, translate } from './i18n';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const CORE_SRC = fileURLToPath(new URL('../../src-tauri/crates/ponte-core/src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'bindings' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).sort();
const namespaces = new Set(Object.keys(catalogue('en')).map((k) => k.split('.')[0]));

/**
 * Catalogue keys a source file uses: the first argument of every `t(...)` / `translate(locale, ...)` call,
 * and every other string literal shaped like a key of a catalogue namespace (`'people.kind.company'`).
 */
export function keysUsed(source: string): string[] {
  const keys = new Set<string>();
  for (const m of source.matchAll(/\b(?:t|translate\([^,()]+,)\(?\s*(['"])([^'"]+)\1/g)) keys.add(m[2] ?? '');
  for (const m of source.matchAll(/(['"])([a-z]+(?:\.[A-Za-z0-9_-]+)+)\1/g)) {
    const key = m[2] ?? '';
    if (namespaces.has(key.split('.')[0] ?? '')) keys.add(key);
  }
  return [...keys];
}

describe('catalogues', () => {
  test('pt-BR, it and en have exactly the same keys, none empty', () => {
    const en = Object.keys(catalogue('en')).sort();
    expect(en.length).toBeGreaterThan(50);
    for (const l of LOCALES) {
      expect(Object.keys(catalogue(l)).sort(), l).toEqual(en);
      for (const [k, v] of Object.entries(catalogue(l))) expect(v.trim(), `${l} ${k}`).not.toBe('');
    }
  });

  test('placeholders are the same in every language', () => {
    for (const [k, v] of Object.entries(catalogue('en')))
      for (const l of LOCALES) expect(placeholders(catalogue(l)[k] ?? ''), `${l} ${k}`).toEqual(placeholders(v));
  });

  test('every key the UI sources use exists in the catalogue', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    let used = 0;
    for (const f of files) {
      for (const k of keysUsed(readFileSync(f, 'utf8'))) {
        used++;
        if (!(k in catalogue('en'))) missing.push(`${relative(SRC, f)}: ${k}`);
      }
    }
    expect(used).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });

  test('the key scanner finds calls, key-shaped literals, and misses nothing obvious', () => {
    const found = keysUsed(`t('people.nope'); t("common.save", { a: 1 }); const K = { a: 'menu.people' };
      translate(locale, 'startup.title'); import x from './bindings/Person'; const n = 'not.a.namespace';`);
    expect(found.sort()).toEqual(['common.save', 'menu.people', 'people.nope', 'startup.title']);
    expect('people.nope' in catalogue('en')).toBe(false);
  });

  test('every error code the core can reply with has a message', () => {
    const rust = ['error.rs', 'secrets.rs'].map((f) => readFileSync(join(CORE_SRC, f), 'utf8')).join('\n');
    const codes = [...rust.matchAll(/=> "([a-z_]+)",?\s*$/gm)].map((m) => m[1]);
    expect(codes).toContain('invalid_input');
    expect(codes).toContain('person_in_use');
    for (const c of [...codes, 'ipc']) expect(catalogue('en'), c ?? '').toHaveProperty([`error.${c}`]);
  });
});

describe('translate', () => {
  test('fills placeholders and leaves unknown ones', () => {
    expect(fill('{name} e {name}, {other}', { name: 'Ana' })).toBe('Ana e Ana, {other}');
    expect(fill('sem nada')).toBe('sem nada');
    expect(translate('pt-BR', 'people.title_not_there')).toBe('people.title_not_there');
    expect(translate('it', 'people.count', { count: '1.234' })).toBe('1.234 persone');
    expect(translate('pt-BR', 'error.field.too_long', { max: 200 })).toContain('200');
  });

  test('maps OS tags like the Rust core', () => {
    expect(localeFromTag('pt_BR.UTF-8')).toBe('pt-BR');
    expect(localeFromTag('pt')).toBe('pt-BR');
    expect(localeFromTag('it-IT')).toBe('it');
    expect(localeFromTag('de-DE')).toBe('en');
    expect(localeFromTag(undefined)).toBe('en');
  });
});

describe('formatNumber', () => {
  test('thousands are always grouped, Italian four-digit numbers too', () => {
    expect(makeI18n('it').formatNumber(1234)).toBe('1.234');
    expect(makeI18n('it').formatNumber(12345)).toBe('12.345');
    expect(makeI18n('pt-BR').formatNumber(1234)).toBe('1.234');
    expect(makeI18n('en').formatNumber(1234567)).toBe('1,234,567');
    for (const l of LOCALES) expect(makeI18n(l).formatNumber(999)).toBe('999');
    expect(translate('it', 'people.count', { count: makeI18n('it').formatNumber(1234) })).toBe('1.234 persone');
  });
});
