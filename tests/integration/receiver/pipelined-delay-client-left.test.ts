import { connect } from 'node:net';
import { expect, it } from 'vitest';
import type { ResponseRule } from '../../../electron/shared/contract/index';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

const heldAMinute = (failStatus: number): ResponseRule => ({
  status: 200,
  headers: [],
  body: 'late',
  delayMs: 60_000,
  behaviour: { kind: 'fail-first', count: 1, failStatus },
});

it('a pipelined request whose rule holds its answer back stops waiting when the client leaves', async () => {
  await call('endpoints.create', { slug: 'first', name: 'First', rule: heldAMinute(502) });
  await call('endpoints.create', { slug: 'second', name: 'Second', rule: heldAMinute(503) });
  const socket = connect(Number(new URL(t.engine.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'POST /h/first HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na' +
      'POST /h/second/queued HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\nb',
  );
  const queued = async () =>
    (await call('captures.list', { limit: 20 })).items.find((c) => c.path === '/h/second/queued');
  await expect.poll(async () => (await queued())?.responseStatus, { timeout: 5000 }).toBe(503);

  socket.destroy();
  // Recorded as not sent once the client is gone, not a minute later when the delay would have ended; the failure
  // goes back to the next request.
  await expect.poll(async () => (await queued())?.responseStatus, { timeout: 5000 }).toBeNull();
  const detail = await call('captures.get', { id: (await queued())!.id });
  expect(detail.response?.reason).toMatch(
    /^not sent: the client disconnected .*and that step was given back$/,
  );
});
