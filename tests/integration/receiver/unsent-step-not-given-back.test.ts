import { connect } from 'node:net';
import { expect, it } from 'vitest';
import type { ResponseRule } from '../../../electron/shared/contract/index';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

const failFirst = (failStatus: number): ResponseRule => ({
  status: 200,
  headers: [],
  body: 'ok',
  delayMs: 60_000,
  behaviour: { kind: 'fail-first', count: 1, failStatus },
});

it('a response not sent after its rule was edited does not claim its step was given back', async () => {
  const created = await call('endpoints.create', { slug: 'held', name: 'Held', rule: failFirst(500) });
  const socket = connect(Number(new URL(t.engine.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('POST /h/held/gone HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na');
  const find = async () =>
    (await call('captures.list', { limit: 20 })).items.find((c) => c.path === '/h/held/gone');
  // Committed with the response it is about to get, while the rule's delay runs.
  await expect.poll(async () => (await find())?.responseStatus, { timeout: 5000 }).toBe(500);

  // The rule changes meanwhile: the old rule's step has no count to go back to.
  await call('endpoints.update', { id: created.id, rule: failFirst(503) });
  socket.destroy();
  await expect.poll(async () => (await find())?.responseStatus, { timeout: 5000 }).toBeNull();

  const detail = await call('captures.get', { id: (await find())!.id });
  expect(detail.response?.reason).toMatch(
    /^not sent: the client disconnected before the response was written/,
  );
  expect(detail.response?.reason).not.toContain('given back');
  // The edited rule counts from its own first request.
  await call('endpoints.update', { id: created.id, rule: { ...failFirst(503), delayMs: 0 } });
  expect((await fetch(`${t.engine.receiverUrl}/h/held`, { method: 'POST', body: 'x' })).status).toBe(503);
});
