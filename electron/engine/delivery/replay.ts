import type { CaptureDetail, HeaderPair } from '../../shared/contract/captures';
import { ApiError } from '../../shared/contract/errors';
import type { OutgoingRequest } from '../../shared/contract/delivery';
import { withCapturedQuery } from '../../shared/send/captured-query';
import { withHarContentType } from '../../shared/send/har-content-type';
import { stripHopByHop } from '../../shared/send/hop-by-hop';
import { withTransferCodingsAsContentEncoding } from '../../shared/send/transfer-codings';

/** RFC 9110 token: what a field name must be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What a field value may hold, one byte per character: tab, visible ASCII and bytes past it (as undici checks it). */
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Stored fields whose name is no HTTP token (an HTTP/2 pseudo-header such as `:path` in an imported capture, a name
 * with a space), or whose value holds a line break, a NUL or another control character (an imported HAR's), cannot be
 * sent by any HTTP/1.1 client: undici refuses the whole request. They are left out, so the attempt log's request
 * headers show what was sent.
 */
export function sendableHeaders(headers: HeaderPair[]): HeaderPair[] {
  return headers.filter(([name, value]) => TOKEN.test(name) && FIELD_VALUE.test(value));
}

/**
 * The exact request to re-send a capture: same method, end-to-end headers, byte-identical body; with `keepQuery`, the
 * capture's raw query appended to `url`. An imported capture typed by its HAR's postData only gets that Content-Type;
 * one sent with a transfer coding (`Transfer-Encoding: gzip, chunked`) gets it as its Content-Encoding.
 */
export function replayRequest(
  capture: CaptureDetail,
  url: string,
  { keepQuery = false }: { keepQuery?: boolean } = {},
): OutgoingRequest {
  if (capture.truncated) {
    throw new ApiError(
      'invalid_input',
      `captureId: capture ${capture.id} was truncated at ${capture.storedBodyBytes} bytes, so it cannot be replayed exactly`,
    );
  }
  return {
    method: capture.method,
    url: keepQuery ? withCapturedQuery(url, capture.query, capture.emptyQuery) : url,
    headers: resentHeaders(capture),
    bodyBase64: capture.bodyBase64,
  };
}

/** The headers a replay sends, and a cURL export writes: see `replayRequest`. */
export const resentHeaders = (capture: CaptureDetail): HeaderPair[] =>
  sendableHeaders(
    withTransferCodingsAsContentEncoding(
      withHarContentType(stripHopByHop(capture.headers), capture),
      capture.headers,
    ),
  );
