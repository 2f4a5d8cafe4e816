import { gunzipSync, gzipSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  exportedBodies as bodiesOf,
  useRedactionApp,
  type CaptureExportFormat,
} from '../../helpers/redaction-app';

// A body whose Content-Encoding cannot be undone still carries its secrets to anyone who reads the export.
const formats = ['har', 'jsonl', 'json', 'curl'] as const;
const r = useRedactionApp();
const capture = (headers: Array<[string, string]>, body: Buffer) => r.capture('/hook', headers, body);

/** Each exported body as a reader gets it: as written, and inflated as far as gunzip goes. */
async function exportedBodies(id: number, format: CaptureExportFormat): Promise<string> {
  const content = await r.exported([id], format);
  const bodies: Buffer[] = [];
  if (format === 'har') {
    const har = JSON.parse(content) as {
      log: { entries: Array<{ request: { postData?: { text: string; _encoding?: string } } }> };
    };
    for (const { request } of har.log.entries)
      if (request.postData)
        bodies.push(
          Buffer.from(request.postData.text, request.postData._encoding === 'base64' ? 'base64' : 'utf8'),
        );
  } else if (format === 'curl') {
    for (const [, b64] of content.matchAll(/printf %s '?([A-Za-z0-9+/=]+)'? \| base64 -d/g))
      bodies.push(Buffer.from(b64!, 'base64'));
  } else {
    bodies.push(...bodiesOf(content, format));
  }
  const inflated = bodies.map((b) => {
    try {
      return gunzipSync(b, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
    } catch {
      return '';
    }
  });
  return [content, ...bodies.map((b) => b.toString('latin1')), ...inflated].join('\n');
}

describe('a redacted export hides the secrets of a body whose Content-Encoding cannot be undone', () => {
  it.each(formats)('%s: plain JSON the sender labelled gzip', async (format) => {
    const id = await capture(
      [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      Buffer.from('{"api_key":"LABELSECRET1","note":"label-visible"}'),
    );
    const content = await exportedBodies(id, format);
    expect(content).not.toContain('LABELSECRET1');
    expect(content).toContain('label-visible');
  });

  it.each(formats)('%s: gzip cut off before its end', async (format) => {
    const whole = gzipSync(`{"password":"CUTSECRET2","filler":"${'x'.repeat(4000)}"}`);
    const id = await capture(
      [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      whole.subarray(0, whole.length - 12),
    );
    const content = await exportedBodies(id, format);
    expect(content).not.toContain('CUTSECRET2');
  });

  it.each(formats)('%s: a broken gzip body with no secret is exported as received', async (format) => {
    const whole = gzipSync('{"note":"cut-visible"}');
    const cut = whole.subarray(0, whole.length - 4);
    const id = await capture(
      [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      cut,
    );
    expect(await exportedBodies(id, format)).toContain('cut-visible');
  });
});
