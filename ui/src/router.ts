// Hash routes (`#/people`, `#/settings`…); anything else goes to Início.
import { useEffect, useState } from 'preact/hooks';

export type Route = 'home' | 'people' | 'integrations' | 'import' | 'sales' | 'tokens' | 'reminders' | 'settings';

export const ROUTES: readonly Route[] = ['home', 'people', 'integrations', 'import', 'sales', 'tokens', 'reminders', 'settings'];
export const DEFAULT_ROUTE: Route = 'home';

/** Routes that open one item by id (`#/tokens/12`: the tray and notifications open that token). */
const ID_ROUTES: readonly Route[] = ['tokens'];

export function parseHash(hash: string): Route | null {
  const m = /^#\/([a-z]+)(\/\d+)?\/?$/.exec(hash);
  const r = m?.[1];
  if (r === undefined || !(ROUTES as readonly string[]).includes(r)) return null;
  return m?.[2] === undefined || ID_ROUTES.includes(r as Route) ? (r as Route) : null;
}

export function href(route: Route): string {
  return `#/${route}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash) ?? DEFAULT_ROUTE);
  useEffect(() => {
    const sync = () => {
      const r = parseHash(window.location.hash);
      if (r === null) window.history.replaceState(null, '', href(DEFAULT_ROUTE));
      setRoute(r ?? DEFAULT_ROUTE);
    };
    sync();
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  return route;
}
