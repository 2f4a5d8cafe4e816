import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Har, Param } from 'har-format';
import { startApp, type TestApp } from '../../helpers/app-server';
import { send } from '../../helpers/raw-http';

// HAR 1.2's postData.params lists "posted parameters (in case of URL encoded parameters)"; an export with only the
// text gave HAR viewers and converters that read the fields from params none at all.
let app: TestApp;

const post = (path: string, type: string, body: string) =>
  send(`${app.receiverUrl}${path}`, { method: 'POST', headers: [['content-type', type]], body });

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  await post(
    '/h/form',
    'application/x-www-form-urlencoded; charset=utf-8',
    'name=J%C3%BCrgen+K&tag=a&tag=b&empty=',
  );
  await post('/h/secret-form', 'application/x-www-form-urlencoded', 'user=ann&password=hunter2');
  await post('/h/json', 'application/json', '{"name":"x"}');
});
afterAll(async () => app.close());

async function postData(path: string, redact: boolean) {
  const res = await app.rpc<{ content: string }>('captures.export', { format: 'har', redact });
  if (!res.ok) throw new Error(res.error.message);
  const entry = (JSON.parse(res.value.content) as Har).log.entries.find(
    (e) => new URL(e.request.url).pathname === path,
  );
  return entry!.request.postData!;
}

describe('a HAR export’s postData for a URL-encoded form', () => {
  it('lists each field decoded in params, in order and repeated, beside the text as sent', async () => {
    const data = await postData('/h/form', false);
    expect(data.params).toEqual<Param[]>([
      { name: 'name', value: 'Jürgen K' },
      { name: 'tag', value: 'a' },
      { name: 'tag', value: 'b' },
      { name: 'empty', value: '' },
    ]);
    expect(data.text).toBe('name=J%C3%BCrgen+K&tag=a&tag=b&empty=');
  });

  it('lists a secret field redacted in a redacted export', async () => {
    const data = await postData('/h/secret-form', true);
    expect(data.params?.map((p) => p.name)).toEqual(['user', 'password']);
    expect(JSON.stringify(data)).not.toContain('hunter2');
  });

  it('has no params for a body of another type', async () => {
    expect(await postData('/h/json', false)).not.toHaveProperty('params');
  });
});
