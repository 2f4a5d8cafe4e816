import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from '../../helpers/raw-http';
import { startApp, type TestApp } from '../../helpers/app-server';

// An absolute-form request target (`POST http://user:password@host/path HTTP/1.1`) keeps its origin beside the capture;
// a password in it is a credential like any other.
let app: TestApp;
const formats = ['har', 'jsonl', 'json', 'curl'] as const;
let id = 0;

beforeAll(async () => {
  app = await startApp({ serveUi: false });
  const answer = await rawExchange(
    Number(new URL(app.receiverUrl).port),
    'POST http://bob:TARGETPASSWORD1@example.com/abs/x?a=1 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
  );
  id = Number(/x-hookscope-capture-id: (\d+)/i.exec(answer)?.[1]);
  expect(id).toBeGreaterThan(0);
});
afterAll(async () => app.close());

const exported = async (format: (typeof formats)[number], redact: boolean) => {
  const res = await app.rpc<{ content: string }>('captures.export', { format, ids: [id], redact });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.content;
};

describe('the origin of an absolute-form request target in an export', () => {
  it.each(formats)('%s: its password is redacted by default, the user name and host kept', async (format) => {
    const content = await exported(format, true);
    expect(content).not.toContain('TARGETPASSWORD1');
    if (format === 'json' || format === 'jsonl')
      expect(content).toContain('http://bob:%5Bredacted%5D@example.com');
  });

  it('is kept whole with redact: false', async () => {
    expect(await exported('json', false)).toContain('http://bob:TARGETPASSWORD1@example.com');
  });
});
