/**
 * A stored path or query with each `#` percent-encoded, for a URL that re-sends it. A `#` sent raw in a request line
 * (`GET /frag#x?y=1`) is kept as part of the path or query; in a URL it starts a fragment, which no client sends, so
 * curl or a replay dropped it and everything after it (`#x?y=1`).
 */
export const escapeHash = (part: string): string => part.replaceAll('#', '%23');
