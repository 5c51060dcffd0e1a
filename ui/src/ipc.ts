// The only place that talks to the Rust backend. Every rejection becomes an ErrorReply.
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo } from './bindings/AppInfo';
import type { ErrorReply } from './bindings/ErrorReply';
import type { Locale } from './bindings/Locale';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { PersonKind } from './bindings/PersonKind';

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function isFieldIssue(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.field === 'string' && typeof o.key === 'string' && isStringRecord(o.params);
}

export function isErrorReply(v: unknown): v is ErrorReply {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.code === 'string' &&
    typeof o.key === 'string' &&
    (o.field === null || typeof o.field === 'string') &&
    Array.isArray(o.fields) &&
    o.fields.every(isFieldIssue) &&
    isStringRecord(o.params)
  );
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** What any rejection becomes: the backend's ErrorReply as is, anything else an `ipc` error. */
export function toErrorReply(e: unknown): ErrorReply {
  if (isErrorReply(e)) return e;
  return { code: 'ipc', key: 'error.ipc', field: null, fields: [], params: { detail: describe(e) } };
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toErrorReply(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  setLocale: (locale: Locale) => call<null>('set_locale', { locale }),
  peopleSearch: (query: string, kind: PersonKind | null = null) => call<Person[]>('people_search', { query, kind }),
  personGet: (id: number) => call<Person>('person_get', { id }),
  personCreate: (input: PersonInput) => call<Person>('person_create', { input }),
  personUpdate: (id: number, input: PersonInput) => call<Person>('person_update', { id, input }),
  personDelete: (id: number) => call<null>('person_delete', { id }),
};
