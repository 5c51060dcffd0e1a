// The one data-loading hook: what a screen shows while loading, the error (with a retry) when it failed,
// the data when it came — and `reload` after a change. A newer load wins over an older one still in flight.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from './bindings/ErrorReply';
import { toErrorReply } from './transport';

export type Load<T> =
  | { state: 'loading'; data: T | null }
  | { state: 'error'; error: ErrorReply; data: T | null }
  | { state: 'ready'; data: T };

export interface Loaded<T> {
  load: Load<T>;
  /** Fetches again (keeps showing the previous data meanwhile). */
  reload: () => void;
}

/** Runs `fetch` now and whenever `deps` change. */
export function useLoad<T>(fetch: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading', data: null });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    const mine = ++latest.current;
    setLoad((old) => ({ state: 'loading', data: old.data }));
    fetchRef.current().then(
      (data) => {
        if (latest.current === mine) setLoad({ state: 'ready', data });
      },
      (e: unknown) => {
        if (latest.current === mine) setLoad((old) => ({ state: 'error', error: toErrorReply(e), data: old.data }));
      },
    );
    // `deps` are the caller's: the hook reloads when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { load, reload };
}
