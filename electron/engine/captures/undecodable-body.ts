import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { maxDecodedBytes } from '../store/body-text';
import { redactBody, type Redaction } from './redaction';

/**
 * A body whose Content-Encoding could not be undone, as a redacted export shows it. Its secrets are still readable:
 * a sender that labels plain JSON as gzip sent them in the clear, and a compressed body cut off (at the size limit,
 * or by a dropped connection) still inflates up to the cut with any gunzip. So the bytes are read as sent, then as
 * far as they inflate; with a secret found the first way it is redacted in place, the second way the body is left
 * out, as it is when a redacted body cannot be compressed again. A body that inflates past the decode cap is left out
 * too: its secrets cannot all be found, and its start inflates with any gunzip. Returns the same Buffer when neither
 * way finds a secret.
 */
export function redactUndecodableBody(
  body: Buffer,
  contentType: string | null,
  contentEncoding: string,
  redaction: Redaction,
): Buffer {
  const asSent = redactBody(body, contentType, null, redaction);
  if (asSent !== body) return asSent;
  const inflated = inflateAsFarAsPossible(body, contentEncoding);
  if (inflated === overCap) return Buffer.alloc(0);
  if (inflated === null) return body;
  return redactBody(inflated, contentType, null, redaction) === inflated ? body : Buffer.alloc(0);
}

const overCap = Symbol('past the decode cap');

/**
 * What the codings yield up to where the data ends or breaks; null when a coding gives nothing at all, `overCap` when
 * it would give more than the decode cap.
 */
function inflateAsFarAsPossible(body: Buffer, contentEncoding: string): Buffer | typeof overCap | null {
  const codings = contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== 'identity')
    .reverse();
  let current = body;
  for (const coding of codings) {
    const next = inflatePartly(current, coding);
    if (next === overCap) return overCap;
    if (next === null || next.length === 0) return null;
    current = next;
  }
  return current === body ? null : current;
}

function inflatePartly(bytes: Buffer, coding: string): Buffer | typeof overCap | null {
  const zlibOptions = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxDecodedBytes };
  const attempts: Array<() => Buffer> =
    coding === 'gzip' || coding === 'x-gzip'
      ? [() => gunzipSync(bytes, zlibOptions)]
      : coding === 'deflate'
        ? [() => inflateSync(bytes, zlibOptions), () => inflateRawSync(bytes, zlibOptions)]
        : coding === 'br'
          ? [
              () =>
                brotliDecompressSync(bytes, {
                  finishFlush: constants.BROTLI_OPERATION_FLUSH,
                  maxOutputLength: maxDecodedBytes,
                }),
            ]
          : [];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return overCap;
      // Broken before anything could be read, or not this coding after all.
    }
  }
  return null;
}
