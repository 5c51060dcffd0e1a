import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';

/** `success`: something was done; `notice`: something the user must know about what was done. */
export type ToastKind = 'success' | 'notice';

interface Toast {
  id: number;
  text: string;
  kind: ToastKind;
}

type Show = (text: string, kind?: ToastKind) => void;

const ToastContext = createContext<Show>(() => {});

export function useToast(): Show {
  return useContext(ToastContext);
}

const TOAST_MS = 4000;
/** Notices stay longer: they are read, not glanced at. */
const NOTICE_MS = 9000;

/** Short success messages, announced politely; the container is always present for assistive tech. */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<number>());
  const show = useCallback<Show>((text, kind = 'success') => {
    const id = next.current++;
    setToasts((ts) => [...ts.slice(-2), { id, text, kind }]);
    const timer = window.setTimeout(
      () => {
        timers.current.delete(timer);
        setToasts((ts) => ts.filter((x) => x.id !== id));
      },
      kind === 'notice' ? NOTICE_MS : TOAST_MS,
    );
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
          <div class={`toast toast-${x.kind}`} key={x.id} data-kind={x.kind}>
            <svg class="toast-icon" viewBox="0 0 20 20" aria-hidden="true">
              <path
                d={x.kind === 'notice' ? 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM10 9v5M10 6.2h.01' : 'M4.5 10.5l3.5 3.5 7.5-8'}
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span>{x.text}</span>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
