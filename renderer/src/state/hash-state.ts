import { useCallback, useSyncExternalStore } from 'react';

/**
 * The shareable part of the UI state lives in the URL hash as query parameters (`#view=inspect&q=…&method=POST`):
 * reload keeps the view, and a copied URL (minus the token) opens the same filter.
 */
function read(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

let snapshot = window.location.hash;
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  snapshot = window.location.hash;
  for (const l of listeners) l();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function writeHash(update: (params: URLSearchParams) => void, push = false): void {
  const params = read();
  update(params);
  const next = params.toString();
  const hash = next ? `#${next}` : '';
  if (hash === window.location.hash) return;
  const url = window.location.pathname + window.location.search + hash;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
  snapshot = window.location.hash;
  for (const l of listeners) l();
}

export function useHashParams(): [
  URLSearchParams,
  (update: (p: URLSearchParams) => void, push?: boolean) => void,
] {
  const hash = useSyncExternalStore(subscribe, () => snapshot);
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const update = useCallback((fn: (p: URLSearchParams) => void, push?: boolean) => writeHash(fn, push), []);
  return [params, update];
}
