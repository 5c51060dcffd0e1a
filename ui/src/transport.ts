// How the page reaches the backend. In the app: Tauri IPC (events on a Channel). In browser tests and
// UI development (`vite build --mode e2e`): ponte-devhost, the same commands over loopback HTTP, whose
// reply is JSON lines — events, then the result. The HTTP branch is compiled out of the app's build.
// Every rejection becomes an ErrorReply.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { ErrorReply } from './bindings/ErrorReply';

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

type OnEvent<E> = (event: E) => void;

/** One line of the test host's reply. */
type Line<T, E> = { event: E } | { ok: T } | { err: unknown };

/** Splits a streamed body into JSON lines as they arrive. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      yield buf.slice(0, nl);
      buf = buf.slice(nl + 1);
    }
  }
  if (buf.trim()) yield buf;
}

async function viaHost<T, E>(cmd: string, args: Record<string, unknown>, onEvent?: OnEvent<E>): Promise<T> {
  // The per-run token arrives in the page's URL (?token=…); the hash is the router's.
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const res = await fetch(`/api/${cmd}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  if (!res.ok || !res.body) throw new Error(`test host: HTTP ${res.status}`);
  for await (const l of lines(res.body)) {
    const msg = JSON.parse(l) as Line<T, E>;
    if ('event' in msg) onEvent?.(msg.event);
    else if ('ok' in msg) return msg.ok;
    else throw msg.err;
  }
  throw new Error('test host: the reply ended early');
}

function viaIpc<T, E>(cmd: string, args: Record<string, unknown>, onEvent?: OnEvent<E>): Promise<T> {
  if (!onEvent) return invoke<T>(cmd, args);
  const ch = new Channel<E>();
  ch.onmessage = onEvent;
  return invoke<T>(cmd, { ...args, onEvent: ch });
}

export async function call<T, E = never>(cmd: string, args: Record<string, unknown>, onEvent?: OnEvent<E>): Promise<T> {
  try {
    if (import.meta.env.MODE === 'e2e') return await viaHost<T, E>(cmd, args, onEvent);
    return await viaIpc<T, E>(cmd, args, onEvent);
  } catch (e) {
    throw toErrorReply(e);
  }
}
