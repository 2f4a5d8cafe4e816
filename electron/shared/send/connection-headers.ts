/**
 * Headers that belong to one connection, not to the request: the HTTP client (undici) sets them itself and refuses
 * a request that carries them, so such a request could never be sent. Checked wherever a request is composed.
 */
const REFUSED = new Set(['expect', 'transfer-encoding', 'keep-alive', 'upgrade']);

/** Why this header cannot be sent, or null when it can. */
export function connectionHeaderProblem(name: string, value: string): string | null {
  const lower = name.trim().toLowerCase();
  if (REFUSED.has(lower))
    return `header "${name}" is connection-level: the HTTP client sets it per connection and cannot send it (remove it)`;
  if (lower === 'connection' && !['close', 'keep-alive'].includes(value.trim().toLowerCase()))
    return `header "${name}" can only be "close" or "keep-alive"`;
  return null;
}
