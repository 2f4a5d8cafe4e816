import { connect, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/engine';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = <M extends keyof Engine['handlers']>(m: M, input: Parameters<Engine['handlers'][M]>[0]) =>
  (t.engine.handlers[m] as (i: unknown, meta: unknown) => ReturnType<Engine['handlers'][M]>)(input, {
    transport: 'in-process',
  });

const responseStatusOf = async (path: string) =>
  (await call('captures.list', { limit: 20 })).items.find((c) => c.path === path)?.responseStatus;

/** Sends a request the rule holds back, and waits until it is recorded with the status it is about to get. */
const sendHeld = async (path: string, status: number): Promise<Socket> => {
  const socket = connect(Number(new URL(t.engine.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => undefined);
  socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na`);
  await expect.poll(() => responseStatusOf(path), { timeout: 5000 }).toBe(status);
  return socket;
};

it("reports the step a sequence's next request takes after an earlier step is given back", async () => {
  const created = await call('endpoints.create', {
    slug: 'seq',
    name: 'Seq',
    rule: {
      status: 200,
      headers: [],
      body: 'ok',
      delayMs: 60_000,
      behaviour: { kind: 'sequence', statuses: [500, 503, 200] },
    },
  });
  const progress = async () => {
    const e = (await call('endpoints.list', {})).items.find((x) => x.id === created.id)!;
    return { ruleRequests: e.ruleRequests, ruleNextStep: e.ruleNextStep };
  };
  const first = await sendHeld('/h/seq/first', 500);
  const second = await sendHeld('/h/seq/second', 503);
  expect(await progress()).toEqual({ ruleRequests: 2, ruleNextStep: 2 });

  // The first sender leaves during the delay: its step (500) goes back and is what the next request gets.
  first.destroy();
  await expect.poll(() => responseStatusOf('/h/seq/first'), { timeout: 5000 }).toBeNull();
  expect(await progress()).toEqual({ ruleRequests: 1, ruleNextStep: 0 });

  const third = await sendHeld('/h/seq/third', 500);
  expect(await progress()).toEqual({ ruleRequests: 2, ruleNextStep: 2 });
  second.destroy();
  third.destroy();
});
