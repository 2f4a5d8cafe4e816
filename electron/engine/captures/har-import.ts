import { z } from 'zod';
import type { HeaderPair } from '../../shared/contract/index';
import type { NewCapture } from '../store/capture-writer';
import { mediaType } from '../store/capture-rows';

const nameValue = z.object({ name: z.string(), value: z.string() });
const harEntry = z.object({
  startedDateTime: z.string(),
  request: z.object({
    method: z.string().min(1),
    url: z.string().min(1),
    httpVersion: z.string().optional(),
    headers: z.array(nameValue).default([]),
    postData: z
      .object({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        _encoding: z.string().optional(),
      })
      .passthrough()
      .optional(),
  }),
  response: z
    .object({
      status: z.number(),
      headers: z.array(nameValue).default([]),
      content: z
        .object({ text: z.string().optional(), encoding: z.string().optional() })
        .passthrough()
        .optional(),
    })
    .passthrough()
    .optional(),
});
const harFile = z.object({ log: z.object({ entries: z.array(z.unknown()) }) });

export interface HarImport {
  captures: NewCapture[];
  skipped: number;
  errors: string[];
}

/** Parses a HAR 1.2 file into captures marked `imported`. Bad entries are skipped with a reason naming the entry. */
export function parseHar(text: string, nowMs: number): HarImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { captures: [], skipped: 0, errors: [`har: not valid JSON (${(error as Error).message})`] };
  }
  const file = harFile.safeParse(json);
  if (!file.success)
    return { captures: [], skipped: 0, errors: ['har: expected an object with log.entries[]'] };
  const captures: NewCapture[] = [];
  const errors: string[] = [];
  file.data.log.entries.forEach((raw, index) => {
    const parsed = harEntry.safeParse(raw);
    if (!parsed.success) {
      errors.push(
        `entries[${index}]: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
      return;
    }
    const entry = parsed.data;
    let url: URL;
    try {
      url = new URL(entry.request.url);
    } catch {
      errors.push(`entries[${index}].request.url: not an absolute URL`);
      return;
    }
    const rawQuery = entry.request.url.includes('?')
      ? entry.request.url.slice(entry.request.url.indexOf('?') + 1).split('#')[0]!
      : '';
    const headers: HeaderPair[] = entry.request.headers.map((h) => [h.name, h.value]);
    const post = entry.request.postData;
    const body = post?.text
      ? post._encoding === 'base64'
        ? Buffer.from(post.text, 'base64')
        : Buffer.from(post.text, 'utf8')
      : Buffer.alloc(0);
    const contentTypeHeader =
      headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ??
      (body.length > 0 ? (post?.mimeType ?? null) : null);
    const started = Date.parse(entry.startedDateTime);
    const response = entry.response;
    const responseBody = response?.content?.text
      ? response.content.encoding === 'base64'
        ? Buffer.from(response.content.text, 'base64')
        : Buffer.from(response.content.text, 'utf8')
      : Buffer.alloc(0);
    captures.push({
      receivedAtMs: Number.isFinite(started) ? started : nowMs,
      method: entry.request.method.toUpperCase(),
      path: url.pathname,
      query: rawQuery,
      httpVersion: (entry.request.httpVersion ?? '1.1').replace(/^HTTP\//i, ''),
      headers,
      remoteAddress: '',
      remotePort: null,
      contentType: mediaType(contentTypeHeader),
      contentEncoding: headers.find(([n]) => n.toLowerCase() === 'content-encoding')?.[1] ?? null,
      body,
      bodySizeBytes: body.length,
      truncated: false,
      endpointId: null,
      source: 'imported',
      // Where the request was originally sent (shown as "Original URL"; the composer opens it there).
      publicUrl: url.origin === 'null' ? null : url.origin,
      vendor: null,
      eventLabel: null,
      response:
        response && response.status > 0
          ? {
              status: response.status,
              headers: response.headers.map((h) => [h.name, h.value] as HeaderPair),
              bodyBase64: responseBody.toString('base64'),
              delayMs: 0,
              reason: null,
            }
          : null,
      verification: null,
    });
  });
  return { captures, skipped: errors.length, errors };
}
