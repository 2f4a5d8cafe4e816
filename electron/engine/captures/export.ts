import { STATUS_CODES } from 'node:http';
import { withLineBreaksEscaped } from '../../shared/json-line-breaks';
import type { Entry } from 'har-format';
import type { CaptureDetail, ExportFormat } from '../../shared/contract/index';
import { decodedPairs } from '../../shared/decode/body';
import { headersText, headerValueText } from '../../shared/decode/header-text';
import { toCurl as toCurlCommand, type CurlRequest } from '../../shared/send/curl';
import { responseContentType } from '../../shared/decode/response-content-type';
import { harContentType } from '../../shared/send/har-content-type';
import { escapeHash } from '../../shared/send/hash-in-target';
import { querySuffix } from '../../shared/send/query-suffix';
import { storedBodyCodings } from '../../shared/send/transfer-codings';
import { resentHeaders } from '../delivery/replay';
import { decodeContentEncoding } from '../store/body-text';
import { encodedAgain } from './encoded-again';
import { harRequestCookies, harResponseCookies } from './har-cookies';
import { harFormParams } from './har-form-params';
import { exportBudget, withinStringLimit } from './export-budget';
import { harExactText } from './har-exact-text';
import { redactBody, redactHeaders, redactQuery, redactUrl, type Redaction } from './redaction';
import { redactUndecodableBody } from './undecodable-body';

// An imported capture goes back out with the URL it was originally sent to.
const originOf = (capture: CaptureDetail, base: string) =>
  capture.source === 'imported' && capture.publicUrl ? capture.publicUrl : base;

function fullUrl(capture: CaptureDetail, base: string, redact: Redaction | null): string {
  const query = escapeHash(redact ? redactQuery(capture.query, redact) : capture.query);
  const path = escapeHash(capture.path);
  const origin = originOf(capture, base);
  const suffix = querySuffix(capture, query);
  // A proxy-style absolute target (`GET http://example.com/x HTTP/1.1`) is its own URL; `*` (OPTIONS *) and other
  // targets without a leading slash go under the base.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(path)) return `${path}${suffix}`;
  return `${origin}${path.startsWith('/') ? '' : '/'}${path}${suffix}`;
}

/** The URL captures are shown under (`--base-url`), its password (or bare token) redacted as a captured URL's is. */
const exportedBase = (base: string, redact: Redaction | null) => (redact ? redactUrl(base, redact) : base);

/** `redact`: the names to hide, or null to export everything as captured. */
export function toHarEntry(original: CaptureDetail, base: string, redact: Redaction | null): Entry {
  const capture = redact ? redactCapture(original, redact) : original;
  // HAR header values are text: valid UTF-8 bytes as their text, any other byte as its Latin-1 character.
  const headers = headersText(capture.headers);
  const exact = headers.some(([, value], i) => value !== capture.headers[i]![1]) ? capture.headers : null;
  const body = Buffer.from(capture.bodyBase64, 'base64');
  // A response the client left before getting (see markResponseNotSent) was never sent: HAR's "no response" is status 0.
  const response = capture.responseStatus === null ? null : capture.response;
  const responseBody = response ? Buffer.from(response.bodyBase64, 'base64') : Buffer.alloc(0);
  const mime =
    capture.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ??
    harContentType(capture) ??
    'application/octet-stream';
  const responseType = response ? (responseContentType(response) ?? undefined) : undefined;
  const text = harExactText(body, mime);
  const responseText = harExactText(responseBody, responseType);
  const leftOutNote = leftOutNoteOf(capture, redact);
  return {
    startedDateTime: new Date(capture.receivedAtMs).toISOString(),
    time: response?.delayMs ?? 0,
    request: {
      method: capture.method,
      url: fullUrl(capture, exportedBase(base, redact), null),
      httpVersion: `HTTP/${capture.httpVersion}`,
      cookies: harRequestCookies(headers),
      headers: headers.map(([name, value]) => ({ name, value })),
      queryString: decodedPairs(capture.query).map(([name, value]) => ({
        name,
        value,
      })),
      // No body, no postData (HAR makes it optional): an empty one would carry a made-up MIME type.
      ...(body.length > 0
        ? {
            postData:
              text !== null
                ? { mimeType: mime, ...harFormParams(mime, text.text), text: text.text }
                : // HAR has no base64 flag for requests; `_encoding` is the de-facto extension (as for response content).
                  ({ mimeType: mime, text: capture.bodyBase64, _encoding: 'base64' } as {
                    mimeType: string;
                    text: string;
                  }),
          }
        : {}),
      headersSize: -1,
      bodySize: capture.bodySizeBytes,
    },
    response: {
      status: response?.status ?? 0,
      // The receiver never sets its own reason phrase, so Node's standard one is what the sender read.
      statusText: response ? (STATUS_CODES[response.status] ?? '') : '',
      // The receiver answers in HTTP/1.1; an imported response may have come over another version.
      httpVersion: `HTTP/${response?.httpVersion ?? '1.1'}`,
      cookies: harResponseCookies(response?.headers ?? []),
      headers: (response?.headers ?? []).map(([name, value]) => ({ name, value })),
      content:
        responseText !== null
          ? {
              size: responseBody.length,
              mimeType: responseType ?? 'text/plain',
              text: responseText.text,
            }
          : {
              size: responseBody.length,
              mimeType: responseType ?? 'application/octet-stream',
              text: response?.bodyBase64 ?? '',
              encoding: 'base64',
            },
      // HAR 1.2: "Redirection target URL from the Location response header".
      redirectURL: response?.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '',
      headersSize: -1,
      bodySize: responseBody.length,
    },
    cache: {},
    timings: { send: 0, wait: response?.delayMs ?? 0, receive: 0 },
    ...({
      _hookscope: {
        id: capture.id,
        endpointId: capture.endpointId,
        remoteAddress: capture.remoteAddress,
        remotePort: capture.remotePort,
        truncated: capture.truncated,
        // Refused before 100 Continue: empty and truncated, yet not cut at the size limit.
        ...(capture.bodyNotSent ? { bodyNotSent: true } : {}),
        source: capture.source,
        // The request target as received: a URL cannot hold `*` (OPTIONS *) or an absolute-form target unchanged.
        path: capture.path,
        // The URL writes a `#` received in the query as `%23`, as a `%23` the sender wrote reads.
        ...(capture.query.includes('#') ? { query: capture.query } : {}),
        // The header bytes as received (one Latin-1 character per byte) when the text above differs: an import of this
        // file replays them exactly, which text cannot say (UTF-8 `é` and Latin-1 `é` read the same).
        ...(exact ? { headers: exact.map(([name, value]) => ({ name, value })) } : {}),
        // Text decoded in its type's charset rather than read as UTF-8 (older exports, without these, are read as UTF-8).
        ...(text?.inDeclaredCharset ? { requestTextInDeclaredCharset: true } : {}),
        ...(responseText?.inDeclaredCharset ? { responseTextInDeclaredCharset: true } : {}),
        // Why the endpoint's rule answered as it did (a fail-first or sequence step); HAR's statusText is the phrase sent.
        ...(capture.response?.reason ? { responseReason: capture.response.reason } : {}),
        // The response's type when only its HAR's content.mimeType gave it: the mimeType above cannot say so.
        ...(response?.harMimeType !== undefined ? { responseMimeType: response.harMimeType } : {}),
        // Why a redacted export has no body here: HAR's postData has no place to say so.
        ...(leftOutNote ? { decodeNote: leftOutNote } : {}),
        // HAR has no place for trailer fields (after a chunked body); keep them beside the entry.
        ...(capture.trailers.length > 0
          ? {
              trailers: capture.trailers.map(([name, value]) => ({ name, value })),
            }
          : {}),
      },
    } as object),
  };
}

/**
 * A command that re-sends the capture byte for byte (the composer's "Copy as cURL" writer): the header list and header
 * bytes a replay sends (no hop-by-hop, Proxy-* or Connection-named field, none no client can send; an imported capture's
 * postData type when its headers have none; a transfer coding as its Content-Encoding), none of curl's own, and the
 * same body.
 */
export function toCurl(original: CaptureDetail, base: string, redact: Redaction | null): string {
  const capture = redact ? redactCapture(original, redact) : original;
  const notes = [leftOutNoteOf(capture, redact), incompleteBodyNote(capture)].filter((n) => n !== null);
  return `${notes.map((note) => `# ${note}\n`).join('')}${curlOf(capture, base, redact)}`;
}

/** A truncated capture's command sends only the bytes stored as the whole body (a replay refuses it): said before it. */
function incompleteBodyNote(capture: CaptureDetail): string | null {
  if (!capture.truncated) return null;
  const name = `capture ${capture.id}`;
  if (capture.bodyNotSent)
    return `${name} was refused before 100 Continue, so its body was never sent: this command sends none`;
  const stored = `${capture.storedBodyBytes.toLocaleString('en-US')} bytes`;
  return capture.bodySizeBytes > capture.storedBodyBytes
    ? `${name} was truncated at the size limit: this command sends only the ${stored} stored of ${capture.bodySizeBytes.toLocaleString('en-US')}`
    : `${name} broke off mid-body: this command sends only the ${stored} that arrived`;
}

function curlOf(capture: CaptureDetail, base: string, redact: Redaction | null): string {
  // A replay cannot do the same: it sends through Node's HTTP client, which speaks HTTP/1.1 only.
  const curlCommand = (req: CurlRequest) => toCurlCommand({ ...req, http10: capture.httpVersion === '1.0' });
  const headers = resentHeaders(capture);
  const body = Buffer.from(capture.bodyBase64, 'base64');
  const shownUnder = exportedBase(base, redact);
  const target = `${capture.path}${querySuffix(capture)}`;
  // `OPTIONS *` asks about the server, not a path: in a URL, `/*` is a path, so curl gets the target apart.
  if (capture.path === '*')
    return curlCommand({
      method: capture.method,
      url: originOf(capture, shownUnder),
      headers,
      body,
      requestTarget: target,
    });
  const url = fullUrl(capture, shownUnder, null);
  // The URL carries a target's `#` as `%23`; curl can send the target exactly as received, so it is given whole, the
  // URL naming just the server.
  const inUrl = escapeHash(target);
  const cut = target.startsWith('/') && target.includes('#') && url.endsWith(inUrl);
  if (!cut) return curlCommand({ method: capture.method, url, headers, body });
  // The target replaces the URL's whole path: a base URL's own path (`--base-url https://host/prefix`) goes before it.
  const head = url.slice(0, url.length - inUrl.length);
  const server = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(head)?.[0] ?? head;
  return curlCommand({
    method: capture.method,
    url: `${server}/`,
    headers,
    body,
    requestTarget: `${head.slice(server.length)}${target}`,
  });
}

/** `maxChars`: the export's budget as a JSON string; past it, `payload_too_large` before the pieces are joined. */
export function exportCaptures(
  captures: CaptureDetail[],
  format: ExportFormat,
  base: string,
  redact: Redaction | null,
  version: string,
  maxChars?: number,
): { content: string; mimeType: string; fileName: string } {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const counted = exportBudget(maxChars);
  return withinStringLimit(() => {
    switch (format) {
      case 'har': {
        // Written as JSON.stringify(har, null, 2) would write it, one entry at a time so each is counted.
        const marker = '\u0000entries\u0000';
        const har = {
          log: { version: '1.2', creator: { name: 'Hookscope', version }, entries: marker },
        };
        const [head, tail] = JSON.stringify(har, null, 2).split(JSON.stringify(marker)) as [string, string];
        const entries = captures.map((c) =>
          counted(
            withLineBreaksEscaped(
              JSON.stringify(toHarEntry(c, base, redact) satisfies Entry, null, 2),
            ).replace(/\n/g, '\n      '),
          ),
        );
        return {
          content: `${head}${entries.length ? `[\n      ${entries.join(',\n      ')}\n    ]` : '[]'}${tail}`,
          mimeType: 'application/json',
          fileName: `hookscope-${stamp}.har`,
        };
      }
      case 'jsonl': {
        const lines = captures.map((c) =>
          counted(withLineBreaksEscaped(JSON.stringify(jsonCapture(c, redact)))),
        );
        return {
          content: lines.join('\n') + (captures.length ? '\n' : ''),
          mimeType: 'application/x-ndjson',
          fileName: `hookscope-${stamp}.jsonl`,
        };
      }
      case 'json': {
        const items = captures.map((c) =>
          counted(
            withLineBreaksEscaped(JSON.stringify(jsonCapture(c, redact), null, 2)).replace(/\n/g, '\n  '),
          ),
        );
        return {
          content: items.length ? `[\n  ${items.join(',\n  ')}\n]` : '[]',
          mimeType: 'application/json',
          fileName: `hookscope-${stamp}.json`,
        };
      }
      case 'curl': {
        const commands = captures.map((c) => counted(toCurl(c, base, redact)));
        // A header value that is not UTF-8 is written with bash's $'…', which a POSIX sh (dash) does not read.
        const shell = commands.some((c) => c.includes("$'")) ? '#!/usr/bin/env bash' : '#!/bin/sh';
        return {
          content: `${shell}\n${commands.join('\n\n')}\n`,
          mimeType: 'text/x-shellscript',
          fileName: `hookscope-${stamp}.sh`,
        };
      }
      default: {
        const unreachable: never = format;
        return unreachable;
      }
    }
  });
}

/**
 * The capture as the JSON and JSONL exports write it: header and trailer values (and the media type taken from one)
 * as text, like the detail view. What is stored, not what is worked out from it: the HAR's own type (`harMimeType`)
 * when there was one, not `harContentType`.
 */
export function jsonCapture(c: CaptureDetail, redact: Redaction | null): CaptureDetail {
  const { harContentType: _derived, ...shown } = redact ? redactCapture(c, redact) : c;
  return {
    ...shown,
    contentType: shown.contentType === null ? null : headerValueText(shown.contentType).text,
    headers: headersText(shown.headers),
    trailers: headersText(shown.trailers),
  };
}

/**
 * The capture as a shared export shows it: secret headers, trailers, query parameters, body fields and response
 * headers and body fields replaced by `[redacted]`. When the body changes, every size written beside it (bodySizeBytes,
 * storedBodyBytes, a Content-Length header) moves by the same number of bytes, so it describes the body exported.
 */
export function redactCapture(c: CaptureDetail, redaction: Redaction): CaptureDetail {
  const query = redactQuery(c.query, redaction);
  const body = Buffer.from(c.bodyBase64, 'base64');
  const { body: redactedBody, decoded } = redactRequestBody(c, body, redaction);
  const delta = redactedBody.length - body.length;
  const leftOut = redactedBody.length === 0 && body.length > 0;
  const headers = redactHeaders(c.headers, redaction);
  return {
    ...c,
    headers: redactedBody === body ? headers : contentLengthMovedBy(headers, delta),
    trailers: redactHeaders(c.trailers, redaction),
    // An absolute-form request target's origin, or an imported capture's: `http://user:password@host` as sent.
    publicUrl: c.publicUrl === null ? null : redactUrl(c.publicUrl, redaction),
    query,
    queryParams: decodedPairs(query),
    ...(redactedBody === body
      ? {}
      : {
          bodyBase64: redactedBody.toString('base64'),
          bodySizeBytes: c.bodySizeBytes + delta,
          storedBodyBytes: c.storedBodyBytes + delta,
        }),
    ...(leftOut ? { decodeNote: bodyLeftOutNote } : {}),
    ...(decoded ? { decodedBodyBase64: decoded.toString('base64') } : {}),
    response: c.response ? redactResponse(c.response, redaction) : null,
  };
}

/** The stored request body with its secrets redacted, and its decoded copy when that was redacted too. */
function redactRequestBody(
  c: CaptureDetail,
  body: Buffer,
  redaction: Redaction,
): { body: Buffer; decoded: Buffer | null } {
  const type = contentTypeOf(c);
  // Every coding the body is stored in, `Transfer-Encoding: gzip, chunked`'s after the Content-Encoding's (the
  // receiver takes off only the chunking), as a replay labels them.
  const codings =
    storedBodyCodings(c.contentEncoding, c.headers)
      .map(({ coding }) => coding)
      .join(', ') || null;
  const decoded = redactDecoded(c, codings, redaction);
  if (decoded) return decoded;
  if (codings && c.decodedBodyBase64 === null)
    return { body: redactUndecodableBody(body, type, codings, redaction), decoded: null };
  return { body: redactBody(body, type, codings, redaction), decoded: null };
}

const bodyLeftOutNote =
  'The body is left out of this redacted export: its secrets could not be redacted in its Content-Encoding.';

/** The note of a body a redacted export left out (`shown` is the capture as redacted), or null. */
const leftOutNoteOf = (shown: CaptureDetail, redact: Redaction | null) =>
  redact && shown.decodeNote === bodyLeftOutNote ? bodyLeftOutNote : null;

/** The answer Hookscope sent, as a shared export shows it: secret headers and body fields (a token echoed back). */
function redactResponse(
  response: NonNullable<CaptureDetail['response']>,
  redaction: Redaction,
): NonNullable<CaptureDetail['response']> {
  const body = Buffer.from(response.bodyBase64, 'base64');
  const type = responseContentType(response);
  // Every Content-Encoding header, in order, as the Response tab undoes them.
  const encoding = response.headers
    .filter(([n]) => n.toLowerCase() === 'content-encoding')
    .map(([, value]) => value)
    .join(', ');
  const redactedBody = encoding
    ? redactEncodedBody(body, type, encoding, redaction)
    : redactBody(body, type, null, redaction);
  const headers = redactHeaders(response.headers, redaction);
  return {
    ...response,
    ...(redactedBody === body
      ? { headers }
      : {
          headers: contentLengthMovedBy(headers, redactedBody.length - body.length),
          bodyBase64: redactedBody.toString('base64'),
        }),
  };
}

/** Headers with a numeric Content-Length moved by `delta` bytes, so it describes a body redaction resized. */
const contentLengthMovedBy = (headers: CaptureDetail['headers'], delta: number): CaptureDetail['headers'] =>
  headers.map(([n, v]) =>
    n.toLowerCase() === 'content-length' && /^\d+$/.test(v.trim()) ? [n, String(Number(v) + delta)] : [n, v],
  );

/**
 * A compressed body (Content-Encoding) with secrets: they are redacted in the decoded body, which is then compressed
 * again with the same codings, so neither the decoded view nor the bytes as sent carry them. Null when there is
 * nothing to redact there (or the codings cannot be applied again: then the body is left out rather than leaked).
 */
function redactDecoded(
  c: CaptureDetail,
  codings: string | null,
  redaction: Redaction,
): { body: Buffer; decoded: Buffer } | null {
  if (!codings || c.decodedBodyBase64 === null) return null;
  const plain = Buffer.from(c.decodedBodyBase64, 'base64');
  const redacted = redactBody(plain, contentTypeOf(c), null, redaction);
  if (redacted === plain) return null;
  return { body: encodedAgain(redacted, codings), decoded: redacted };
}

/**
 * A body sent with a Content-Encoding (a recorded response, which keeps no decoded copy) as a shared export shows it:
 * decoded, redacted and compressed again, as `redactDecoded` does for a request; the same Buffer when nothing in it
 * is secret.
 */
function redactEncodedBody(
  body: Buffer,
  contentType: string | null,
  contentEncoding: string,
  redaction: Redaction,
): Buffer {
  const plain = decodeContentEncoding(body, contentEncoding).body;
  if (plain === null) return redactUndecodableBody(body, contentType, contentEncoding, redaction);
  const redacted = redactBody(plain, contentType, null, redaction);
  return redacted === plain ? body : encodedAgain(redacted, contentEncoding);
}

/** The Content-Type the sender wrote (the summary's `contentType` column may be a guess). */
const contentTypeOf = (c: CaptureDetail) =>
  c.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? c.contentType;
