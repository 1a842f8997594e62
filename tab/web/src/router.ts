import { useEffect, useState } from 'react';

/** A place in the tab: a view and its parameter (e.g. a partner's id). */
export interface Route {
  readonly view:
    'partners' | 'partner' | 'chain' | 'actions' | 'agreements' | 'evidence' | 'mine' | 'config' | 'meeting';
  readonly id?: string;
}

/** Reads the tab's place from the URL hash (`#/partners/ptn_1`); hashes keep Teams' content URL fixed. */
export function routeOf(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/');
  switch (view) {
    case 'partners':
      return id ? { view: 'partner', id: decodeURIComponent(id) } : { view: 'partners' };
    case 'chain':
    case 'actions':
    case 'agreements':
    case 'evidence':
    case 'mine':
    case 'config':
    case 'meeting':
      return { view };
    default:
      return { view: 'partners' };
  }
}

/** The hash of a place. */
export function hrefOf(route: Route): string {
  if (route.view === 'partner') return `#/partners/${encodeURIComponent(route.id ?? '')}`;
  return `#/${route.view}`;
}

/** The current place, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Goes to a place. */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
