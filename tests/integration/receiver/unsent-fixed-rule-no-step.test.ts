import { connect } from 'node:net';
import { expect, it } from 'vitest';
import type { ResponseRule } from '../../../electron/shared/contract/index';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

const held = (behaviour: ResponseRule['behaviour']): ResponseRule => ({
  status: 200,
  headers: [],
  body: 'ok',
  delayMs: 60_000,
  behaviour,
});

/** Sends a request to `/h/<slug>/gone`, leaves while the rule's delay runs, and gives back the recorded reason. */
async function reasonAfterLeaving(slug: string): Promise<string | null | undefined> {
  const socket = connect(Number(new URL(t.engine.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST /h/${slug}/gone HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na`);
  const find = async () =>
    (await call('captures.list', { limit: 20 })).items.find((c) => c.path === `/h/${slug}/gone`);
  await expect.poll(async () => (await find())?.responseStatus, { timeout: 5000 }).toBe(200);
  socket.destroy();
  await expect.poll(async () => (await find())?.responseStatus, { timeout: 5000 }).toBeNull();
  return (await call('captures.get', { id: (await find())!.id })).response?.reason;
}

it('a response a fixed or failure-rate rule never sent claims no rule step given back: those rules have no steps', async () => {
  await call('endpoints.create', { slug: 'fixed', name: 'Fixed', rule: held({ kind: 'fixed' }) });
  await call('endpoints.create', {
    slug: 'rate',
    name: 'Rate',
    rule: held({ kind: 'failure-rate', percent: 0, failStatus: 503 }),
  });
  for (const slug of ['fixed', 'rate']) {
    const reason = await reasonAfterLeaving(slug);
    expect(reason).toBe(
      'not sent: the client disconnected before the response was written; the rule would have answered 200',
    );
  }
});
