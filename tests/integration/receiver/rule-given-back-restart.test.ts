import { connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await engine?.close();
  dir?.cleanup();
});

const call = <M extends keyof Engine['handlers']>(m: M, input: Parameters<Engine['handlers'][M]>[0]) =>
  (engine!.handlers[m] as (i: unknown, meta: unknown) => ReturnType<Engine['handlers'][M]>)(input, {
    transport: 'in-process',
  });
const start = async () => {
  engine = await createEngine({ dataDir: dir!.path, mode: 'test', log: silentLogger });
};
const responseStatusOf = async (path: string) =>
  (await call('captures.list', { limit: 20 })).items.find((c) => c.path === path)?.responseStatus;

/** A raw request, recorded with the status the rule is about to answer; `answer` is what the socket got back. */
const send = async (path: string, status: number) => {
  const socket: Socket = connect(Number(new URL(engine!.receiverUrl).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => undefined);
  let received = '';
  const answer = new Promise<string>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) resolve(received.slice(0, received.indexOf('\r\n')));
    });
  });
  socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na`);
  await expect.poll(() => responseStatusOf(path), { timeout: 5000 }).toBe(status);
  return { socket, answer };
};

it("a sequence's step given back is still the next request's after a restart", async () => {
  dir = tempDir();
  await start();
  const created = await call('endpoints.create', {
    slug: 'seq',
    name: 'Seq',
    rule: {
      status: 200,
      headers: [],
      body: 'ok',
      // Long enough for the first sender to leave while both answers are held back.
      delayMs: 4000,
      behaviour: { kind: 'sequence', statuses: [500, 503, 200] },
    },
  });
  const progress = async () => {
    const e = (await call('endpoints.list', {})).items.find((x) => x.id === created.id)!;
    return { ruleRequests: e.ruleRequests, ruleNextStep: e.ruleNextStep };
  };

  const first = await send('/h/seq/first', 500);
  const second = await send('/h/seq/second', 503);
  first.socket.destroy();
  await expect.poll(() => responseStatusOf('/h/seq/first'), { timeout: 5000 }).toBeNull();
  expect(await second.answer).toBe('HTTP/1.1 503 Service Unavailable');
  second.socket.destroy();
  expect(await progress()).toEqual({ ruleRequests: 1, ruleNextStep: 0 });
  await engine!.close();

  await start();
  expect(await progress()).toEqual({ ruleRequests: 1, ruleNextStep: 0 });
  // The step given back (500) goes out first, then the count goes on where it was.
  const third = await send('/h/seq/third', 500);
  expect(await third.answer).toBe('HTTP/1.1 500 Internal Server Error');
  third.socket.destroy();
  expect(await progress()).toEqual({ ruleRequests: 2, ruleNextStep: 2 });
});
