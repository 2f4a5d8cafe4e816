import type { HeaderPair } from '../contract/captures';

/** `headers` without those whose name (case-insensitive) one of `added` has. */
export function withoutNamesOf(headers: HeaderPair[], added: HeaderPair[]): HeaderPair[] {
  const names = new Set(added.map(([name]) => name.toLowerCase()));
  return headers.filter(([name]) => !names.has(name.toLowerCase()));
}

/** `added` replaces any same-named header: e.g. a fresh signature, never sent beside a replayed stale one. */
export function replaceHeaders(headers: HeaderPair[], added: HeaderPair[]): HeaderPair[] {
  return [...withoutNamesOf(headers, added), ...added];
}
