import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../electron/shared/contract/index';
import { startApp, type TestApp } from '../../helpers/app-server';
import { harOf } from '../../helpers/har';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(async () => app.close());

async function importOne(har: string) {
  const result = await app.rpc<{ imported: number; errors: string[]; warnings: string[] }>(
    'captures.importHar',
    { har, duplicates: true },
  );
  if (!result.ok) throw new Error(result.error.message);
  const list = await app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 1 });
  if (!list.ok) throw new Error(list.error.message);
  const detail = await app.rpc<CaptureDetail>('captures.get', { id: list.value.items[0]!.id });
  if (!detail.ok) throw new Error(detail.error.message);
  return { result: result.value, detail: detail.value };
}
const bytes = (base64: string) => Buffer.from(base64, 'base64');

describe('HAR text marked encoding "base64"', () => {
  it('that is not base64 is stored as the text itself, with a warning naming the field, request and response', async () => {
    const har = JSON.parse(
      harOf({
        path: '/marked-base64',
        postData: { mimeType: 'application/json', text: '{"event":"signup","id":7}' },
        response: { status: 200, content: { mimeType: 'application/json', text: '{"ok":true}' } },
      }),
    ) as { log: { entries: Array<{ request: { postData: object }; response: { content: object } }> } };
    Object.assign(har.log.entries[0]!.request.postData, { encoding: 'base64' });
    Object.assign(har.log.entries[0]!.response.content, { encoding: 'base64' });

    const { result, detail } = await importOne(JSON.stringify(har));
    expect(result.imported).toBe(1);
    expect(bytes(detail.bodyBase64).toString('utf8')).toBe('{"event":"signup","id":7}');
    expect(bytes(detail.response!.bodyBase64).toString('utf8')).toBe('{"ok":true}');
    expect(result.warnings).toEqual([
      expect.stringMatching(/^entries\[0\]\.request\.postData\.text: .*not base64/),
      expect.stringMatching(/^entries\[0\]\.response\.content\.text: .*not base64/),
    ]);
  });

  it('that is base64, wrapped over lines or URL-safe, is its bytes, without a warning', async () => {
    const sent = Buffer.from([0x00, 0x01, 0xfb, 0xff, 0xfe, 0x20, 0x3e, 0x3f]);
    const har = JSON.parse(
      harOf({ path: '/real-base64', postData: { mimeType: 'application/octet-stream' } }),
    ) as { log: { entries: Array<{ request: { postData: object } }> } };
    const wrapped = sent.toString('base64url').replace(/(.{4})/, '$1\n');
    Object.assign(har.log.entries[0]!.request.postData, { text: wrapped, encoding: 'base64' });

    const { result, detail } = await importOne(JSON.stringify(har));
    expect(result.warnings).toEqual([]);
    expect(bytes(detail.bodyBase64)).toEqual(sent);
  });
});
