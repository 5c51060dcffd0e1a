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

/**
 * Runs `fetch` now and whenever `deps` change. `initial`, asked once when the component mounts, may hand over
 * data already fetched (Início's, asked for at start with the app's info): then the first render shows it
 * and the first fetch is skipped.
 */
export function useLoad<T>(fetch: () => Promise<T>, deps: readonly unknown[], initial?: () => T | undefined): Loaded<T> {
  const [load, setLoad] = useState<Load<T>>(() => {
    const data = initial?.();
    return data === undefined ? { state: 'loading', data: null } : { state: 'ready', data };
  });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const skipFirst = useRef(load.state === 'ready');
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
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
