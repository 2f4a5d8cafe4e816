import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../electron/shared/contract/index';
import { parseFormPairs } from '../../../renderer/src/lib/form';
import { startApp, type TestApp } from '../../helpers/app-server';
import { send } from '../../helpers/raw-http';

// An older sender percent-encodes Latin-1 bytes: `Jos%E9` is not UTF-8, and URLSearchParams turns it into "Jos\uFFFD".
const query = 'name=Jos%E9&city=M%FCnchen&plain=a+b&stray=%ZZ';
const pairs: Array<[string, string]> = [
  ['name', 'José'],
  ['city', 'München'],
  ['plain', 'a b'],
  ['stray', '%ZZ'],
];

let app: TestApp;
let id: number;

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const res = await send(`${app.receiverUrl}/latin1-query?${query}`, { method: 'POST', body: query });
  id = Number(res.headers['x-hookscope-capture-id']);
});
afterAll(async () => app.close());

async function exported<T>(format: 'json' | 'har'): Promise<T> {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact: false });
  if (!res.ok) throw new Error(res.error.message);
  return JSON.parse(res.value.content) as T;
}

describe('query parameters percent-encoded in Latin-1', () => {
  it('are read as the Decoded tab and search read them, in the detail and in every export', async () => {
    const detail = await app.rpc<CaptureDetail>('captures.get', { id });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.queryParams).toEqual(pairs);
    expect(detail.value.query).toBe(query);

    const [json] = await exported<CaptureDetail[]>('json');
    expect(json!.queryParams).toEqual(pairs);

    const har = await exported<{
      log: { entries: Array<{ request: { queryString: unknown; url: string } }> };
    }>('har');
    const request = har.log.entries[0]!.request;
    expect(request.queryString).toEqual(pairs.map(([name, value]) => ({ name, value })));
    expect(request.url.endsWith(`?${query}`)).toBe(true);
  });

  it('are read the same way as form body fields in the Body tab', () => {
    expect(parseFormPairs(query)).toEqual(pairs);
  });
});
