// Screens other than Início are loaded when first opened: the start parses only what the first screen needs
// (measured: docs/STARTUP.md). A screen's code comes from the app's own embedded files, so the wait is a few
// milliseconds; should it fail all the same, the screen says why and offers to try again.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CardLoad } from './components/CardLoad';
import { toErrorReply } from './transport';
import type { ErrorReply } from './bindings/ErrorReply';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const get = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = undefined; // the next try loads again
        throw e;
      },
    ));

  function LazyScreen(props: P) {
    const [screen, setScreen] = useState<{ c: ComponentType<P> } | undefined>(() => (loaded ? { c: loaded } : undefined));
    const [error, setError] = useState<ErrorReply | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (screen) return;
      let live = true;
      get().then(
        (c) => live && setScreen({ c }),
        (e: unknown) => live && setError(toErrorReply(e)),
      );
      return () => {
        live = false;
      };
    }, [screen, attempt]);
    if (screen) {
      const C = screen.c;
      return <C {...props} />;
    }
    return (
      <CardLoad
        state={error ? { status: 'error', error } : { status: 'loading' }}
        onRetry={() => {
          setError(null);
          setAttempt((a) => a + 1);
        }}
      />
    );
  }
  return LazyScreen;
}
