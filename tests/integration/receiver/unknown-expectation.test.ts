import { expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { rawExchange } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

it('a request with an Expect other than 100-continue is captured and answered by its rule, not refused with 417', async () => {
  await call('endpoints.create', {
    slug: 'expect',
    name: 'Expect',
    rule: { status: 202, headers: [], body: 'taken', delayMs: 0, behaviour: { kind: 'fixed' } },
  });
  const reply = await rawExchange(
    Number(new URL(t.engine.receiverUrl).port),
    'POST /h/expect HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello',
  );
  expect(reply).toMatch(/^HTTP\/1\.1 202 /);
  expect(reply.endsWith('\r\n\r\ntaken')).toBe(true);
  const id = Number(/x-hookscope-capture-id: (\d+)/i.exec(reply)?.[1]);
  const capture = await call('captures.get', { id });
  expect(capture.path).toBe('/h/expect');
  expect(capture.headers).toContainEqual(['Expect', '200-ok']);
  expect(Buffer.from(capture.bodyBase64 ?? '', 'base64').toString()).toBe('hello');
  expect(capture.response?.status).toBe(202);
});
