import { expect } from 'vitest';
import type { ApiClient } from '../../electron/shared/contract/client';
import { harOf, type HarHeader } from './har';

/**
 * Imports one HAR entry, `GET /<name>`, whose recorded response has these headers and body: bytes are given as base64
 * (as a tool's HAR gives a compressed body), text as it is (as a browser gives a body it decoded).
 */
export async function importRecordedResponse(
  api: ApiClient,
  name: string,
  headers: HarHeader[],
  body: Buffer | string,
): Promise<void> {
  const text =
    typeof body === 'string'
      ? { text: body }
      : { text: body.toString('base64'), encoding: 'base64' as const };
  const har = harOf({
    path: `/${name}`,
    method: 'GET',
    response: { status: 200, headers, content: { mimeType: 'application/json', ...text } },
  });
  expect((await api.call('captures.importHar', { har })).imported).toBe(1);
}

export interface ExportedResponse {
  /** The path of its request, without the leading `/`. */
  name: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

/** Each recorded response of an export of every capture, as a reader of that format gets it. */
export async function exportedResponses(
  api: ApiClient,
  format: 'json' | 'har',
  redact = true,
): Promise<ExportedResponse[]> {
  const { content } = await api.call('captures.export', { format, redact });
  if (format === 'json') {
    const captures = JSON.parse(content) as Array<{
      path: string;
      response: { headers: Array<[string, string]>; bodyBase64: string };
    }>;
    return captures.map((c) => ({
      name: c.path.slice(1),
      headers: c.response.headers,
      body: Buffer.from(c.response.bodyBase64, 'base64'),
    }));
  }
  const har = JSON.parse(content) as {
    log: {
      entries: Array<{
        request: { url: string };
        response: { headers: HarHeader[]; content: { text: string; encoding?: string } };
      }>;
    };
  };
  return har.log.entries.map((e) => ({
    name: new URL(e.request.url).pathname.slice(1),
    headers: e.response.headers.map((h): [string, string] => [h.name, h.value]),
    body: Buffer.from(e.response.content.text, e.response.content.encoding === 'base64' ? 'base64' : 'utf8'),
  }));
}
