import { afterAll, beforeAll, expect } from 'vitest';
import { send } from './raw-http';
import { startApp, type TestApp } from './app-server';

export type CaptureExportFormat = 'har' | 'jsonl' | 'json' | 'curl';

/**
 * A real app (receiver and API, no UI) started before the file's tests and closed after, with the two steps every
 * export-redaction test takes: capture a request through the receiver, then export it.
 */
export function useRedactionApp() {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ serveUi: false });
  });
  afterAll(async () => app.close());
  return {
    /** POSTs to the receiver at `path`; the id of the capture it made. */
    async capture(
      path: string,
      headers: Array<[string, string]>,
      body: string | Buffer = '',
    ): Promise<number> {
      const res = await send(`${app.receiverUrl}${path}`, { method: 'POST', headers, body });
      expect(res.status).toBe(200);
      return Number(res.headers['x-hookscope-capture-id']);
    },
    /** The text of an export of these captures, redacted unless told otherwise; a refusal throws its message. */
    async exported(ids: number[], format: CaptureExportFormat, redact = true): Promise<string> {
      const res = await app.rpc<{ content: string }>('captures.export', { format, ids, redact });
      if (!res.ok) throw new Error(res.error.message);
      return res.value.content;
    },
  };
}

/** The captures of a JSON export (one array) or a JSONL export (one per line). */
export function exportedCaptures<T>(content: string, format: 'json' | 'jsonl'): T[] {
  return format === 'json'
    ? (JSON.parse(content) as T[])
    : content
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as T);
}

/** Each body of a JSON or JSONL export as bytes (they carry bodies as base64). */
export function exportedBodies(content: string, format: 'json' | 'jsonl'): Buffer[] {
  return exportedCaptures<{ bodyBase64?: string }>(content, format).map((c) =>
    Buffer.from(c.bodyBase64 ?? '', 'base64'),
  );
}

/** The export as a reader sees it: JSON and JSONL carry bodies as base64, so their decoded text is added. */
export function withDecodedBodies(content: string, format: CaptureExportFormat): string {
  if (format === 'har' || format === 'curl') return content;
  return [content, ...exportedBodies(content, format).map((b) => b.toString('utf8'))].join('\n');
}
