/** The Content-Encodings a delivery's kept response is decoded from: one coding, as the engine's decoders name it. */
const undoneCodings = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'zstd']);

/**
 * The one coding a delivery's response body is decoded from before it is kept, or null when it is kept as received:
 * none (or identity), several, or one Hookscope does not know.
 */
export function responseCodingUndone(contentEncoding: string | null | undefined): string | null {
  const coding = contentEncoding?.trim().toLowerCase();
  return coding && undoneCodings.has(coding) ? coding : null;
}
