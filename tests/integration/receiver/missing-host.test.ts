import { expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { rawExchange } from '../../helpers/raw-http';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);
const port = () => Number(new URL(t.engine.receiverUrl).port);

it('an HTTP/1.1 request without Host is answered 400 saying why, and captured with that answer', async () => {
  const reply = await rawExchange(
    port(),
    'POST /no-host HTTP/1.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello',
  );
  expect(reply).toMatch(/^HTTP\/1\.1 400 /);
  expect(reply).toContain('Host header');
  const id = Number(/x-hookscope-capture-id: (\d+)/i.exec(reply)?.[1]);
  expect(id).toBeGreaterThan(0);
  const capture = await call('captures.get', { id });
  expect(capture.path).toBe('/no-host');
  expect(Buffer.from(capture.bodyBase64 ?? '', 'base64').toString()).toBe('hello');
  expect(capture.response?.status).toBe(400);
  expect(capture.response?.reason).toContain('without a Host header');
});

it('an HTTP/1.0 request needs no Host and gets the rule as usual', async () => {
  const reply = await rawExchange(port(), 'GET /old-client HTTP/1.0\r\n\r\n');
  expect(reply).toMatch(/^HTTP\/1\.1 200 /);
});
