import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

it('a pipelined response queued behind a delayed one is recorded as not sent when the client leaves, its step given back', async () => {
  await call('endpoints.create', {
    slug: 'slow',
    name: 'Slow',
    rule: { status: 200, headers: [], body: 'late', delayMs: 60_000, behaviour: { kind: 'fixed' } },
  });
  await call('endpoints.create', {
    slug: 'flaky',
    name: 'Flaky',
    rule: {
      status: 200,
      headers: [],
      body: 'ok',
      delayMs: 0,
      behaviour: { kind: 'fail-first', count: 1, failStatus: 503 },
    },
  });
  const socket = connect(Number(new URL(t.engine.receiverUrl).port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk));
  await new Promise((resolve) => socket.once('connect', resolve));
  // Two requests on one connection: the second's answer can only follow the first's, held for a minute.
  socket.write(
    'POST /h/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na' +
      'POST /h/flaky/queued HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nb',
  );
  const queued = async () =>
    (await call('captures.list', { limit: 20 })).items.find((c) => c.path === '/h/flaky/queued');
  await expect.poll(async () => (await queued())?.responseStatus, { timeout: 5000 }).toBe(503);

  socket.destroy();
  expect(received).toBe('');
  // The client never got the 503: recorded as not sent, and the failure is still to come.
  await expect.poll(async () => (await queued())?.responseStatus, { timeout: 5000 }).toBeNull();
  const detail = await call('captures.get', { id: (await queued())!.id });
  expect(detail.response?.reason).toBe(
    'not sent: the client disconnected before the response was written; the rule would have answered 503 ' +
      '(fail-first: request 1 of 1 failed on purpose), and that step was given back',
  );
  expect((await fetch(`${t.engine.receiverUrl}/h/flaky`, { method: 'POST', body: 'x' })).status).toBe(503);
});
