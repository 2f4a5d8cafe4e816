import { z } from 'zod';
import { httpToken, type HeaderPair } from '../../shared/contract/index';
import { otherExportReason } from '../../shared/not-har';
import { headerValueAsUtf8Stored } from '../../shared/decode/header-text';
import type { NewCapture } from '../store/capture-writer';
import { mediaType } from '../store/capture-rows';
import { harContentAsSent } from './har-content-as-sent';
import { harCookieHeader } from './har-cookies';
import { unfoldedHarHeaders } from './har-folded-headers';
import { harHttpVersion } from './har-http-version';
import { withAssumedScheme } from './har-schemeless-url';
import { readHarBodySize, readHarHeaders, readHarVersionText } from './har-lenient-fields';
import { harPostBody } from './har-post-data';
import { harResponseBody } from './har-response-body';
import { readHarTime } from './har-time';

/**
 * A postData.mimeType a request can carry whole as its Content-Type (parameters such as the charset included): no
 * line break or other control character; any other is kept as its media type alone.
 */
const sendableType = /^[\t\x20-\x7e\x80-\xff]*$/;

const nameValue = z.object({ name: z.string(), value: z.string() });
/**
 * What Hookscope's own exporter (`toHarEntry`) writes beside each entry. `id`, `endpointId` and `source` are not read
 * back: an imported capture gets a new id, belongs to no endpoint (ids are never reused, and the file may come from
 * another profile) and is always `imported`.
 */
const hookscopeBlock = z
  .object({
    remoteAddress: z.string().optional(),
    remotePort: z.number().int().min(0).max(65535).nullable().optional(),
    truncated: z.boolean().optional(),
    bodyNotSent: z.boolean().optional(),
    path: z.string().min(1).optional(),
    query: z.string().optional(),
    headers: z.array(nameValue).optional(),
    trailers: z.array(nameValue).optional(),
    responseReason: z.string().optional(),
    responseMimeType: z.string().optional(),
    requestTextInDeclaredCharset: z.boolean().optional(),
    responseTextInDeclaredCharset: z.boolean().optional(),
  })
  .passthrough();
const harEntry = z.object({
  // Read leniently (readHarTime): a request with no readable time is imported at the import time, with a warning.
  startedDateTime: z.unknown().optional(),
  request: z.object({
    // A header no client can send is kept (the capture is evidence) and left out on replay; a method cannot be.
    method: z.string().regex(httpToken, 'not an HTTP method (a token such as POST)'),
    url: z.string().min(1),
    // Read leniently (har-lenient-fields): null, a number or a loose header only draw a warning.
    httpVersion: z.unknown().optional(),
    headers: z.unknown().optional(),
    // Read leniently (harCookieHeader): a bad item only leaves that cookie out.
    cookies: z.unknown().optional(),
    bodySize: z.unknown().optional(),
    // null, as some tools write for a request with no body, is no postData.
    postData: z
      .object({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        params: z
          .array(
            z
              .object({
                name: z.string(),
                value: z.string().optional(),
                fileName: z.string().optional(),
                contentType: z.string().optional(),
              })
              .passthrough(),
          )
          .optional(),
        encoding: z.string().optional(),
        _encoding: z.string().optional(),
      })
      .passthrough()
      .nullable()
      .optional(),
  }),
  // Read on its own (harResponse): the request is the capture, a response it cannot read only goes without.
  response: z.unknown().optional(),
  // Read leniently: a bad value only means the delay is not known.
  timings: z.unknown().optional(),
  _hookscope: hookscopeBlock.optional(),
});
const harResponse = z
  .object({
    status: z.number(),
    headers: z.unknown().optional(),
    content: z
      .object({ text: z.string().optional(), encoding: z.string().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();
const harFile = z.object({ log: z.object({ entries: z.array(z.unknown()) }) });

export interface HarImport {
  captures: NewCapture[];
  skipped: number;
  errors: string[];
  /** Entries imported with something missing, each naming the entry and field. */
  warnings: string[];
}

/** Parses a HAR 1.2 file into captures marked `imported`. Bad entries are skipped with a reason naming the entry. */
export function parseHar(text: string, nowMs: number): HarImport {
  let json: unknown;
  const unBommed = text.replace(/^\uFEFF/, ''); // a byte-order mark, as some editors and tools write
  const refused = (reason: string): HarImport => ({
    captures: [],
    skipped: 0,
    errors: [`har: ${otherExportReason(unBommed, json) ?? reason}`],
    warnings: [],
  });
  try {
    json = JSON.parse(unBommed);
  } catch (error) {
    return refused(`not valid JSON (${(error as Error).message})`);
  }
  const file = harFile.safeParse(json);
  if (!file.success) return refused('expected an object with log.entries[]');
  const captures: NewCapture[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  file.data.log.entries.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      // Zod reports this at the entry itself, with an empty field path and only "Invalid input".
      errors.push(`entries[${index}]: not an object (${kindOf(raw)})`);
      return;
    }
    const parsed = harEntry.safeParse(raw);
    if (!parsed.success) {
      errors.push(
        `entries[${index}]: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      return;
    }
    const entry = parsed.data;
    const assumed = withAssumedScheme(entry.request.url, `entries[${index}].request.url`);
    const urlText = assumed.url;
    let url: URL;
    try {
      url = new URL(urlText);
    } catch {
      errors.push(`entries[${index}].request.url: not an absolute URL`);
      return;
    }
    // Hookscope's own export: the block says what HAR has no place for, and the headers are exactly as received.
    const own = entry._hookscope;
    const target = requestTarget(urlText, url, own !== undefined);
    const query = own?.query ?? target.query;
    const path = own?.path ?? target.path;
    // The URL parser would encode or drop them, but the target is taken as written: no request could have carried it.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const unsendable = /[\x00-\x20\x7f]/;
    if (unsendable.test(path) || unsendable.test(query)) {
      const field = own?.path !== undefined && unsendable.test(path) ? '_hookscope.path' : 'request.url';
      errors.push(
        `entries[${index}].${field}: holds a space or control character, which no request target can`,
      );
      return;
    }
    if (assumed.warning !== null) warnings.push(assumed.warning);
    const listedHeaders = readHarHeaders(entry.request.headers, `entries[${index}].request.headers`);
    const unfolded = own?.headers
      ? unfoldedHarHeaders(own.headers, `entries[${index}]._hookscope.headers`)
      : unfoldedHarHeaders(listedHeaders.headers, `entries[${index}].request.headers`);
    const givenHeaders = own?.headers
      ? unfolded.headers.map((h): HeaderPair => [h.name, h.value])
      : withListedCookies(requestHeaders(unfolded.headers), entry.request.cookies, index, warnings);
    if (!own?.headers) warnings.push(...listedHeaders.warnings);
    warnings.push(...unfolded.warnings);
    if (entry.request.postData === null)
      warnings.push(`entries[${index}].request.postData: null; read as no body`);
    const post = entry.request.postData ?? undefined;
    const contentTypeField = givenHeaders.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
    const postBody = harPostBody(post, contentTypeField, {
      textIsUtf8: own !== undefined && own.requestTextInDeclaredCharset !== true,
    });
    const { body } = postBody;
    const bodyWarned = postBody.warnings.length > 0;
    for (const w of postBody.warnings) warnings.push(`entries[${index}].request.${w}`);
    // The body was rebuilt under another boundary: the header must name it, or a reader finds no parts.
    const headers =
      postBody.contentType === null
        ? givenHeaders
        : replaceFirstHeader(givenHeaders, 'content-type', postBody.contentType);
    // The Content-Type header decides, as on the receiver. postData.mimeType is only a fallback: Hookscope's exporter
    // fills it with application/octet-stream when the request had no Content-Type at all, and with the type an imported
    // capture's own postData gave (harContentType) when its headers had none.
    const ownPlaceholder = own !== undefined && post?.mimeType === 'application/octet-stream';
    const contentTypeHeader =
      contentTypeField ?? (!ownPlaceholder && body.length > 0 ? (post?.mimeType ?? null) : null);
    // Typed by postData alone: that type is kept whole for sending (a charset, a boundary), or the type the body was
    // rebuilt under.
    const harMimeType =
      contentTypeField === null && contentTypeHeader !== null
        ? (postBody.contentType ?? contentTypeHeader).trim()
        : null;
    // As Node reports it to the receiver: repeated Content-Encoding fields joined with ", ".
    const encodings = headers.filter(([n]) => n.toLowerCase() === 'content-encoding').map(([, v]) => v);
    // bodySize is the size as received (more than the kept bytes when truncated); other tools' values (-1, the size
    // of a body they did not keep in full) are not trusted.
    const readSize = readHarBodySize(entry.request.bodySize, `entries[${index}].request.bodySize`);
    if (readSize.warning !== null) warnings.push(readSize.warning);
    const bodySize = readSize.bodySize;
    // A tool that left the body out (a binary upload, one over its limit) still counts it: the capture holds none.
    if (!bodyWarned && own === undefined && body.length === 0 && bodySize !== undefined && bodySize > 0)
      warnings.push(
        `entries[${index}].request.bodySize: ${bodySize} bytes were sent, but ${post ? 'postData holds none of them' : 'there is no postData'}; imported with an empty body`,
      );
    const bodySizeBytes =
      own !== undefined && bodySize !== undefined && Number.isSafeInteger(bodySize) && bodySize >= body.length
        ? bodySize
        : body.length;
    const startedText = typeof entry.startedDateTime === 'string' ? entry.startedDateTime : null;
    const started = startedText === null ? null : readHarTime(startedText);
    const sent = startedText === null ? '' : JSON.stringify(clip(startedText));
    if (started === null)
      warnings.push(
        `entries[${index}].startedDateTime: ${entry.startedDateTime === undefined ? 'missing' : `not a date and time but ${kindOf(entry.startedDateTime)}`}; used the import time`,
      );
    else if (started.ms === null)
      warnings.push(`entries[${index}].startedDateTime: ${started.problem} (${sent}); used the import time`);
    else if (started.problem)
      warnings.push(`entries[${index}].startedDateTime: ${started.problem} (${sent}); read as local time`);
    // null, as some tools write for a request that was never answered, is no response.
    const read = entry.response == null ? null : harResponse.safeParse(entry.response);
    if (read && !read.success)
      warnings.push(
        `entries[${index}].response: ${read.error.issues.map((i) => `${['response', ...i.path].join('.')}: ${i.message}`).join('; ')}; imported without the response`,
      );
    const response = read?.success ? read.data : undefined;
    const responseHeaders = readHarHeaders(response?.headers, `entries[${index}].response.headers`);
    if (response && response.status > 0) warnings.push(...responseHeaders.warnings);
    const stored = harResponseBody(
      response?.content,
      responseHeaders.headers.map((h) => [h.name, storedHeaderValue(h.value)] as HeaderPair),
      { textIsUtf8: own !== undefined && own.responseTextInDeclaredCharset !== true },
    );
    // A response with no status is not kept (see below): nothing to warn about.
    if (stored.warning !== null && response && response.status > 0)
      warnings.push(`entries[${index}].${stored.warning}`);
    // Hookscope's own export writes the bytes as sent; other tools write the content decoded.
    const asSent = own ? { body: stored.body, warning: null } : harContentAsSent(stored.body, stored.headers);
    if (asSent.warning !== null && response && response.status > 0)
      warnings.push(`entries[${index}].${asSent.warning}`);
    const responseMimeType = own ? (own.responseMimeType ?? null) : stored.harMimeType;
    // Read leniently: a version that is not text only means it is not known.
    const responseVersion = harHttpVersion(
      typeof response?.httpVersion === 'string' ? response.httpVersion : undefined,
    );
    const requestVersion = readHarVersionText(
      entry.request.httpVersion,
      `entries[${index}].request.httpVersion`,
    );
    if (requestVersion.warning !== null) warnings.push(requestVersion.warning);
    captures.push({
      receivedAtMs: started?.ms ?? nowMs,
      method: entry.request.method.toUpperCase(),
      path,
      query,
      ...(query === '' && target.emptyQuery ? { emptyQuery: true as const } : {}),
      httpVersion: harHttpVersion(requestVersion.version),
      headers,
      ...(own?.trailers?.length
        ? { trailers: own.trailers.map((h) => [h.name, h.value] as HeaderPair) }
        : {}),
      remoteAddress: own?.remoteAddress ?? '',
      // Not in the export.
      remotePort: own?.remotePort ?? null,
      contentType: mediaType(contentTypeHeader),
      ...(harMimeType !== null && sendableType.test(harMimeType) ? { harMimeType } : {}),
      contentEncoding: encodings.length > 0 ? encodings.join(', ') : null,
      body,
      bodySizeBytes,
      truncated: own?.truncated ?? false,
      ...(own?.bodyNotSent === true ? { bodyNotSent: true as const } : {}),
      endpointId: null,
      source: 'imported',
      importedAtMs: nowMs,
      // Where the request was originally sent (shown as "Original URL"; the composer opens it there).
      publicUrl: url.origin === 'null' ? null : url.origin,
      vendor: null,
      eventLabel: null,
      response:
        response && response.status > 0
          ? {
              status: response.status,
              headers: stored.headers,
              bodyBase64: asSent.body.toString('base64'),
              delayMs: responseDelay(entry.timings),
              reason: own?.responseReason ?? null,
              ...(responseMimeType !== null && sendableType.test(responseMimeType)
                ? { harMimeType: responseMimeType }
                : {}),
              ...(responseVersion !== '1.1' ? { httpVersion: responseVersion } : {}),
            }
          : // No status: the client left before the response (Hookscope's export keeps why); filed without a status.
            own?.responseReason
            ? {
                status: 0,
                headers: [],
                bodyBase64: '',
                delayMs: responseDelay(entry.timings),
                reason: own.responseReason,
              }
            : null,
      verification: null,
      // Vendor and event label as for a received capture (the tunnel and signing annotators leave imports alone).
      annotate: true,
    });
  });
  return { captures, skipped: errors.length, errors, warnings };
}

function replaceFirstHeader(headers: HeaderPair[], lowerName: string, value: string): HeaderPair[] {
  const at = headers.findIndex(([name]) => name.toLowerCase() === lowerName);
  return at < 0 ? headers : headers.map((h, i): HeaderPair => (i === at ? [h[0], value] : h));
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Hookscope's export writes the endpoint's response delay as `timings.wait`; other tools' wait (time to first byte) is
 * the closest they have. HAR uses -1 for "not applicable".
 */
function responseDelay(timings: unknown): number {
  const wait =
    typeof timings === 'object' && timings !== null ? (timings as { wait?: unknown }).wait : undefined;
  const ms = typeof wait === 'number' ? Math.round(wait) : -1;
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : 0;
}

/**
 * Browsers' HARs carry a Cookie header beside request.cookies; a hand-made one may list the cookies alone, which the
 * request still sent. A Set-Cookie is not rebuilt from response.cookies: HAR keeps only some attributes (no Max-Age,
 * SameSite or Partitioned) and an ISO expiry, so the header would claim something the server never sent.
 */
function withListedCookies(
  headers: HeaderPair[],
  cookies: unknown,
  index: number,
  warnings: string[],
): HeaderPair[] {
  if (headers.some(([name]) => name.toLowerCase() === 'cookie')) return headers;
  const listed = harCookieHeader(cookies, `entries[${index}].request.cookies`);
  warnings.push(...listed.warnings);
  return listed.value === null ? headers : [...headers, ['Cookie', storedHeaderValue(listed.value)]];
}

/**
 * HTTP/2 captures (Chrome's) list the pseudo-headers `:method`, `:path`, `:scheme`, `:authority` among the headers.
 * They are not header fields and no HTTP/1.1 request can carry them, so they are dropped; `:authority` stands in for
 * the Host header HTTP/2 requests usually lack.
 */
function requestHeaders(fields: Array<{ name: string; value: string }>): HeaderPair[] {
  const headers: HeaderPair[] = fields
    .filter((h) => !h.name.startsWith(':'))
    .map((h) => [h.name, storedHeaderValue(h.value)]);
  const authority = fields.find((h) => h.name.toLowerCase() === ':authority')?.value;
  if (authority && !headers.some(([name]) => name.toLowerCase() === 'host'))
    headers.unshift(['Host', authority]);
  return headers;
}

/**
 * A HAR header value (text) as the receiver stores one: a character per byte. Text with a character past Latin-1 (`€`)
 * cannot be one byte per character, so it was UTF-8 on the wire; stored as it was, no replay could send it.
 */
function storedHeaderValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- the whole Latin-1 range is the point
  return /[^\u0000-\u00ff]/.test(value) ? headerValueAsUtf8Stored(value) : value;
}

/**
 * The path and query as written in the URL. WHATWG parsing would resolve dot segments (`/a/./b/../c` → `/a/c`, also
 * `%2e%2e`) and turn `\` into `/`, changing what the sender sent. Hookscope's own export writes the receiver's raw
 * request target after the origin (a `#` in it as `%23`, the raw path and query in `_hookscope`; older exports wrote
 * the `#` as is); in other tools' files a `#` starts the page's fragment, which is never sent, so it is dropped.
 * `emptyQuery`: the target ended in a bare `?`.
 */
function requestTarget(
  text: string,
  url: URL,
  own: boolean,
): { path: string; query: string; emptyQuery: boolean } {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\\?#]*/.exec(text);
  let target = authority ? text.slice(authority[0].length) : text;
  if (!own && target.includes('#')) target = target.slice(0, target.indexOf('#'));
  // Without `scheme://` (`mailto:x`, `http:x`) there is no raw path to split off: take the URL parser's, keep the query.
  if (!authority) {
    const q = target.indexOf('?');
    return {
      path: url.pathname,
      query: q === -1 ? '' : target.slice(q + 1),
      emptyQuery: q === target.length - 1,
    };
  }
  // A client sends non-ASCII in the target percent-encoded as UTF-8; Hookscope's export already has the bytes received.
  if (!own) target = encodeNonAscii(target);
  const q = target.indexOf('?');
  const path = q === -1 ? target : target.slice(0, q);
  return {
    path: path || '/',
    query: q === -1 ? '' : target.slice(q + 1),
    emptyQuery: q === target.length - 1,
  };
}

function encodeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]+/g, (chars) =>
    [...Buffer.from(chars, 'utf8')].map((b) => `%${b.toString(16).toUpperCase()}`).join(''),
  );
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
