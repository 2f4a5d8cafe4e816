import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';
import { send } from '../../helpers/raw-http';

let app: TestApp;
let ids: number[];
beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const bodies = ['{"event":"a","token":"s3cret"}', 'plain text', Buffer.from([0, 1, 2, 255])];
  for (const body of bodies) {
    const res = await fetch(`${app.receiverUrl}/h/download?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer hunter2', 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
  }
  const list = await app.rpc<{ items: Array<{ id: number }> }>('captures.list', { limit: 10 });
  if (!list.ok) throw new Error(list.error.message);
  ids = list.value.items.map((c) => c.id);
  expect(ids).toHaveLength(3);
});
afterAll(async () => app.close());

const download = (
  input: unknown,
  headers: Array<[string, string]> = [['authorization', `Bearer ${app.token}`]],
) =>
  send(`${app.apiUrl}/api/export`, {
    method: 'POST',
    headers: [['content-type', 'application/json'], ...headers],
    body: JSON.stringify(input),
  });

describe('POST /api/export', () => {
  it.each(['har', 'jsonl', 'json', 'curl'] as const)(
    'streams the same %s file captures.export answers, redacted by default',
    async (format) => {
      const rpc = await app.rpc<{ content: string; fileName: string; mimeType: string }>('captures.export', {
        format,
        ids,
      });
      if (!rpc.ok) throw new Error(rpc.error.message);
      const res = await download({ format, ids });
      expect(res.status).toBe(200);
      expect(res.body.toString('utf8')).toBe(rpc.value.content);
      expect(res.body.toString('utf8')).not.toContain('hunter2');
      expect(res.headers['content-type']).toBe(`${rpc.value.mimeType}; charset=utf-8`);
      const extension = rpc.value.fileName.split('.').pop();
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="hookscope-[\\dTZ-]+\\.${extension}"$`),
      );
    },
  );

  it('exports by filter, and unredacted when asked', async () => {
    const res = await download({ format: 'har', filter: { methods: ['POST'] }, redact: false });
    const har = JSON.parse(res.body.toString('utf8')) as { log: { entries: unknown[] } };
    expect(har.log.entries).toHaveLength(3);
    expect(res.body.toString('utf8')).toContain('hunter2');
  });

  it('refuses a missing or wrong token', async () => {
    expect((await download({ format: 'har', ids }, [])).status).toBe(401);
    const wrong = await download({ format: 'har', ids }, [['authorization', `Bearer ${app.token}x`]]);
    expect(wrong.status).toBe(401);
    expect(wrong.body.toString()).not.toContain('"log"');
  });

  it('refuses a foreign Host or Origin even with the right token', async () => {
    const auth: [string, string] = ['authorization', `Bearer ${app.token}`];
    const port = new URL(app.apiUrl).port;
    expect((await download({ format: 'har', ids }, [auth, ['host', `evil.example:${port}`]])).status).toBe(
      403,
    );
    expect((await download({ format: 'har', ids }, [auth, ['origin', 'https://evil.example']])).status).toBe(
      403,
    );
    expect((await download({ format: 'har', ids }, [auth, ['origin', app.apiUrl]])).status).toBe(200);
  });

  it('refuses input captures.export would refuse, and GET', async () => {
    const res = await download({ format: 'zip', ids });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const get = await send(`${app.apiUrl}/api/export`, {
      headers: [['authorization', `Bearer ${app.token}`]],
    });
    expect(get.status).toBe(405);
  });
});
