import { escapeHash } from './hash-in-target';

/**
 * `url` with a capture's raw query (without its `?`) appended as received, joined with `&` when the URL already has
 * one. A WP Fusion or Ontraport ping carries all its data in the query, so replaying it to a bare URL sent nothing.
 * A fragment stays at the end, where it belongs (it is never sent); a `#` in the captured query is escaped, so it is sent.
 * `emptyQuery`: the capture's target ended in a bare `?`, which a URL without one gets.
 */
export function withCapturedQuery(url: string, query: string, emptyQuery = false): string {
  if (!query && !emptyQuery) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  if (!query) return base.includes('?') ? url : `${base}?${fragment}`;
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return `${base}${joiner}${escapeHash(query)}${fragment}`;
}
