import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

interface Toast {
  id: number;
  text: string;
}

type Show = (text: string) => void;

const ToastContext = createContext<Show>(() => {});

export function useToast(): Show {
  return useContext(ToastContext);
}

const TOAST_MS = 4000;

/** Short success messages, announced politely; the container is always present for assistive tech. */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<number>());
  const show = useCallback<Show>((text) => {
    const id = next.current++;
    setToasts((ts) => [...ts.slice(-2), { id, text }]);
    const timer = window.setTimeout(() => {
      timers.current.delete(timer);
      setToasts((ts) => ts.filter((x) => x.id !== id));
    }, TOAST_MS);
    timers.current.add(timer);
  }, []);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => window.clearTimeout(t));
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div class="toasts" data-testid="toast" role="status" aria-live="polite">
        {toasts.map((x) => (
          <div class="toast" key={x.id}>
            <svg class="toast-icon" viewBox="0 0 20 20" aria-hidden="true">
              <path d="M4.5 10.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
            <span>{x.text}</span>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
