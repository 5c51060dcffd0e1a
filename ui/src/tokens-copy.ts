// "Copiar": the backend puts the token on the clipboard and clears it after some seconds; the page only
// shows how long is left (the token itself never reaches the page).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { secondsLeft } from './tokens-model';

export interface Countdown<K> {
  /** What was copied (e.g. the token id), while the countdown runs. */
  what: K | null;
  left: number;
  start: (what: K, seconds: number) => void;
  stop: () => void;
}

export function useCountdown<K>(): Countdown<K> {
  const [run, setRun] = useState<{ what: K; at: number; seconds: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!run) return;
    const id = window.setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (secondsLeft(run.at, run.seconds, t) === 0) setRun(null);
    }, 250);
    return () => window.clearInterval(id);
  }, [run]);
  const start = useCallback((what: K, seconds: number) => {
    const t = Date.now();
    setNow(t);
    setRun({ what, at: t, seconds });
  }, []);
  const stop = useCallback(() => setRun(null), []);
  const left = run ? secondsLeft(run.at, run.seconds, now) : 0;
  return { what: run && left > 0 ? run.what : null, left, start, stop };
}
