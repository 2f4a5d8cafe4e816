import { connect } from 'node:net';
import { expect, it } from 'vitest';
import type { ResponseRule } from '../../../electron/shared/contract/index';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);
const post = async (slug: string) =>
  (await fetch(`${t.engine.receiverUrl}/h/${slug}`, { method: 'POST', body: 'a' })).status;

const rule = (behaviour: ResponseRule['behaviour']): ResponseRule => ({
  status: 200,
  headers: [],
  body: 'ok',
  delayMs: 0,
  behaviour,
});

it("a request whose body was still arriving when the rule was edited does not restart the new rule's count", async () => {
  const created = await call('endpoints.create', {
    slug: 'slow',
    name: 'Slow',
    rule: rule({ kind: 'fixed' }),
  });
  const port = Number(new URL(t.engine.receiverUrl).port);
  const socket = connect(port, '127.0.0.1');
  let reply = '';
  socket.on('data', (chunk) => (reply += String(chunk)));
  const seen = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => reply.includes(text) && (socket.off('data', check), resolve());
      socket.on('data', check);
      check();
    });
  // The head only: "100 Continue" says the request has reached its endpoint; its answer is not decided yet.
  socket.write('POST /h/slow HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n');
  await seen('100 Continue');

  await call('endpoints.update', {
    id: created.id,
    rule: rule({ kind: 'fail-first', count: 1, failStatus: 503 }),
  });
  expect(await post('slow')).toBe(503);

  socket.write('b');
  await seen('x-hookscope-capture-id');
  socket.destroy();
  // It is answered by the rule saved when its answer was decided: request 2 of "fail the first 1".
  expect(reply).toContain('HTTP/1.1 200 OK');

  // "Fail the first 1" failed one request: the slow one's answer did not start the count again.
  expect([await post('slow'), await post('slow')]).toEqual([200, 200]);
});
