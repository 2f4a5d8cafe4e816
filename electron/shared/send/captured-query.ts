/**
 * `url` with a capture's raw query (without its `?`) appended as received, joined with `&` when the URL already has
 * one. A WP Fusion or Ontraport ping carries all its data in the query, so replaying it to a bare URL sent nothing.
 * A fragment stays at the end, where it belongs (it is never sent).
 */
export function withCapturedQuery(url: string, query: string): string {
  if (!query) return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  // A `#` the sender wrote into its request target is query data here; as typed it would start the URL's fragment
  // and cut off what follows it (`a=1#b=2` went out as `a=1`).
  return `${base}${joiner}${query.replace(/#/g, '%23')}${fragment}`;
}
