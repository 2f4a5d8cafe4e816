import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import type { HeaderPair } from '../../shared/contract/captures';
import { requestTarget } from '../../shared/send/request-target';
import { clientHeaders } from '../../shared/send/client-headers';
import { ownMessage } from '../util/own-message';
import { agentsByTimeout } from './attempt-agents';
import { decodedResponsePrefix } from './decoded-response';
import { withRequestWriteHook } from './request-write-hook';

/** Stored response text is bounded; reading stops after READ_CAP so a huge answer cannot stall the queue. */
export const RESPONSE_KEEP_BYTES = 16 * 1024;
const READ_CAP_BYTES = 1024 * 1024;
/** Encoded bytes kept to decode RESPONSE_KEEP_BYTES from (text compresses about 4–10×). */
const ENCODED_KEEP_BYTES = 256 * 1024;

export interface HttpAttemptInput {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: Uint8Array;
  timeoutMs: number;
  /** Called as the request is about to be written, once its connection is ready (not called if it never is). */
  onRequestWrite?: () => void;
}

export interface HttpAttemptResult {
  status: number | null;
  error: string | null;
  headers: HeaderPair[];
  body: Buffer;
  /** `body` was decoded from the answer's Content-Encoding; false: kept as received (none, unknown or broken). */
  bodyDecoded?: boolean;
  bodyBytes: number;
  /** `bodyBytes` is only what was read before the read limit: the answer declared no size, so its full size is unknown. */
  bodySizeUnknown?: boolean;
  durationMs: number;
  /** The request headers as sent: the client drops a given Content-Length and adds its own, and Host. */
  sentHeaders?: HeaderPair[];
  /** The request could not be built at all (a header the HTTP client refuses, an unusable signing secret). */
  unsendable?: boolean;
}

/** Errors undici raises while building a request, before anything reaches the network: retrying cannot help. */
const UNSENDABLE_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED']);

/** The result of an attempt that never reached the network. */
export function unsentAttempt(error: string): HttpAttemptResult {
  return {
    status: null,
    error,
    headers: [],
    body: Buffer.alloc(0),
    bodyBytes: 0,
    durationMs: 0,
    unsendable: true,
  };
}

export type HttpSender = (input: HttpAttemptInput, signal: AbortSignal) => Promise<HttpAttemptResult>;

/** `dispatcher`: one for every attempt (tests); by default a pool per attempt timeout (see agentsByTimeout). */
export function createHttpSender(dispatcher?: Dispatcher): HttpSender {
  const dispatcherFor = dispatcher ? () => dispatcher : agentsByTimeout();
  return async (input, outer) => {
    const started = performance.now();
    const timeout = AbortSignal.timeout(input.timeoutMs);
    const signal = AbortSignal.any([outer, timeout]);
    const given = input.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
    const headers = given.flat();
    const sentHeaders = sentHeaderList(input, given);
    // Once the status line is in, the target has answered: an answer cut off after it keeps its status.
    let answered: Dispatcher.ResponseData | undefined;
    const kept: Buffer[] = [];
    let total = 0;
    try {
      const pool = dispatcherFor(input.timeoutMs);
      const client = input.onRequestWrite ? withRequestWriteHook(pool, input.onRequestWrite) : pool;
      const response = await endedBy(
        signal,
        client.request({
          origin: new URL(input.url).origin,
          path: requestTarget(input.url),
          method: input.method as Dispatcher.HttpMethod,
          headers,
          body: input.body.byteLength > 0 ? Buffer.from(input.body) : null,
          signal,
          // The attempt's own timeout (the signal) covers headers and body. undici's coarse timers, set to the same
          // value, fired first (even ~200 ms early) with a message that did not name the configured timeout.
          headersTimeout: 0,
          bodyTimeout: 0,
        }),
      );
      answered = response;
      let keptBytes = 0;
      let cut = false;
      // A compressed answer is kept readable: enough of its encoded bytes to decode the kept part from.
      const contentEncoding = contentEncodingOf(response.headers);
      const keepRaw = contentEncoding ? ENCODED_KEEP_BYTES : RESPONSE_KEEP_BYTES;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        total += chunk.byteLength;
        if (keptBytes < keepRaw) {
          const part = chunk.subarray(0, keepRaw - keptBytes);
          kept.push(part);
          keptBytes += part.byteLength;
        }
        if (total >= READ_CAP_BYTES) {
          response.body.destroy();
          cut = true;
          break;
        }
      }
      const declared = declaredLength(response.headers);
      return {
        status: response.statusCode,
        // A chunked answer declares no size: the bytes read are only a lower bound, so the log must not pass them off
        // as the answer's size without a word.
        error: cut && declared === null ? readCapNote(total) : null,
        headers: rawPairs(response.headers),
        ...(await keptBody(kept, contentEncoding)),
        bodyBytes: cut ? Math.max(total, declared ?? 0) : total,
        bodySizeUnknown: cut && declared === null,
        durationMs: performance.now() - started,
        sentHeaders,
      };
    } catch (error) {
      const message = timeout.aborted
        ? `timed out after ${input.timeoutMs} ms`
        : outer.aborted
          ? 'interrupted: the engine was closing'
          : describeError(error);
      const code = (error as { code?: unknown } | null)?.code;
      if (answered)
        return {
          status: answered.statusCode,
          error: `the answer's body was cut off: ${message}`,
          headers: rawPairs(answered.headers),
          ...(await keptBody(kept, contentEncodingOf(answered.headers))),
          bodyBytes: total,
          durationMs: performance.now() - started,
          sentHeaders,
        };
      return {
        status: null,
        error: message,
        headers: [],
        body: Buffer.alloc(0),
        bodyBytes: 0,
        durationMs: performance.now() - started,
        sentHeaders,
        unsendable: typeof code === 'string' && UNSENDABLE_CODES.has(code),
      };
    }
  };
}

/**
 * The request, or the signal's reason as soon as it aborts. undici acts on an abort only once the connection is ready,
 * so a stalled handshake would hold the attempt (and its origin's rate slot) until the connect timeout, past the
 * attempt's own timeout. The abandoned request is still aborted by undici when it connects, so it is never written.
 */
function endedBy<T>(signal: AbortSignal, request: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    request.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function contentEncodingOf(headers: Dispatcher.ResponseData['headers']): string | undefined {
  const encoding = headers['content-encoding'];
  return Array.isArray(encoding) ? encoding.join(', ') : encoding;
}

/** The first RESPONSE_KEEP_BYTES of the answer, decoded from the encoded bytes kept when it is compressed. */
async function keptBody(
  kept: Buffer[],
  contentEncoding: string | undefined,
): Promise<{ body: Buffer; bodyDecoded: boolean }> {
  const raw = Buffer.concat(kept);
  const decoded = await decodedResponsePrefix(raw, contentEncoding, RESPONSE_KEEP_BYTES);
  return decoded
    ? { body: decoded, bodyDecoded: true }
    : { body: raw.subarray(0, RESPONSE_KEEP_BYTES), bodyDecoded: false };
}

/** The request headers as undici sends them (see `clientHeaders`). */
function sentHeaderList(input: HttpAttemptInput, given: HeaderPair[]): HeaderPair[] {
  const sent = clientHeaders(input.method, input.url, given, input.body.byteLength);
  return [
    ...(sent.host === null ? [] : [['Host', sent.host] as HeaderPair]),
    ...sent.headers,
    ...(sent.contentLength === null ? [] : [['Content-Length', String(sent.contentLength)] as HeaderPair]),
  ];
}

/** Why an answer of undeclared size was not read to its end. */
const readCapNote = (read: number): string =>
  `reading stopped after ${read.toLocaleString('en-US')} bytes (the ${READ_CAP_BYTES.toLocaleString('en-US')}-byte read limit); the answer was longer and its full size is unknown`;

/** The body's size on the wire as its Content-Length gives it, for an answer not read to the end. */
function declaredLength(headers: Record<string, string | string[] | undefined>): number | null {
  const value = headers['content-length'];
  const bytes = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
  return bytes !== null && Number.isSafeInteger(bytes) ? bytes : null;
}

function rawPairs(headers: Record<string, string | string[] | undefined>): HeaderPair[] {
  const pairs: HeaderPair[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  if (code !== undefined && NOT_TLS_CODES.has(code)) return notTlsMessage(code, error);
  const cause = error.cause instanceof Error ? `: ${ownMessage(error.cause)}` : '';
  return `${code ? `${code} ` : ''}${ownMessage(error)}${cause}`.slice(0, 500);
}

/** OpenSSL's codes for a TLS handshake answered by something that does not speak TLS. */
const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

/**
 * OpenSSL's own message is its error stack (`C02C…:error:0A00010B:SSL routines:…:tlsany_meth.c:77:` and a line break),
 * which does not say the usual cause: an https:// URL for a server that speaks plain HTTP on that port.
 */
function notTlsMessage(code: string, error: Error): string {
  const reason = (error as { reason?: unknown }).reason;
  const said = typeof reason === 'string' && reason !== '' ? ` (OpenSSL: ${reason})` : '';
  return `${code}: the target answered the TLS handshake with something that is not TLS${said}; it most likely speaks plain HTTP on this port (use http://)`;
}
