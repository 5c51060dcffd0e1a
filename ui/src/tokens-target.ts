// #/tokens/<id>, what the tray and the notifications open: the Tokens screen scrolls to that token,
// highlights it for a moment and, when it needs replacing, opens its rotation.
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ApiToken } from './bindings/ApiToken';
import type { BookingUser } from './bindings/BookingUser';
import { needsRotation, tokenIdFromHash } from './tokens-model';

const HIGHLIGHT_MS = 4000;

export interface TokenTarget {
  /** The token highlighted now (opened, or just added). */
  highlight: number | null;
  setHighlight: (id: number) => void;
  /** The list's container: where the highlighted row is looked for. */
  contentRef: RefObject<HTMLDivElement | null>;
}

/**
 * Follows the route's token id (also while on the screen), once `users` are loaded. `onRotate` opens a
 * token's rotation; `onNotFound` says the token is gone.
 */
export function useTokenTarget(
  users: readonly BookingUser[] | null,
  onRotate: (user: BookingUser, token: ApiToken) => void,
  onNotFound: () => void,
): TokenTarget {
  const [target, setTarget] = useState<number | null>(() => tokenIdFromHash(window.location.hash));
  const [highlight, setHighlight] = useState<number | null>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  // The latest callbacks, without making them reasons to open the target again.
  const handlers = useRef({ onRotate, onNotFound });
  handlers.current = { onRotate, onNotFound };

  useEffect(() => {
    const onHash = () => {
      const id = tokenIdFromHash(window.location.hash);
      if (id !== null) setTarget(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (target === null || users === null) return;
    setTarget(null);
    window.history.replaceState(null, '', '#/tokens');
    const user = users.find((u) => u.tokens.some((x) => x.id === target));
    const token = user?.tokens.find((x) => x.id === target);
    if (!user || !token) {
      handlers.current.onNotFound();
      return;
    }
    setHighlight(token.id);
    if (needsRotation(user.tokens, token)) handlers.current.onRotate(user, token);
  }, [target, users]);

  // Scroll the row into view and, unless a dialog took the focus, focus it; the highlight then fades.
  useLayoutEffect(() => {
    if (highlight === null) return;
    const row = contentRef.current?.querySelector<HTMLElement>(`[data-testid=token-row][data-id="${highlight}"]`);
    row?.scrollIntoView({ block: 'center' });
    if (!document.querySelector('dialog[open]')) row?.focus();
    const id = window.setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => window.clearTimeout(id);
  }, [highlight]);

  return { highlight, setHighlight, contentRef };
}
