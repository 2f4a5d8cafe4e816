import { expect, it } from 'vitest';
import { responseStatusOf, sendHeld } from '../../helpers/held-request';
import { createHeldSequenceEndpoint } from '../../helpers/held-sequence-endpoint';
import { useRestartableEngine } from '../../helpers/restartable-engine';

const t = useRestartableEngine();

it("a sequence's step given back is still the next request's after a restart", async () => {
  await t.start();
  // Long enough for the first sender to leave while both answers are held back.
  const { progress } = await createHeldSequenceEndpoint(t.call, 4000);

  const first = await sendHeld(t.engine, '/h/seq/first', 500);
  const second = await sendHeld(t.engine, '/h/seq/second', 503);
  first.socket.destroy();
  await expect.poll(() => responseStatusOf(t.engine, '/h/seq/first'), { timeout: 5000 }).toBeNull();
  expect(await second.answer).toBe('HTTP/1.1 503 Service Unavailable');
  second.socket.destroy();
  expect(await progress()).toEqual({ ruleRequests: 1, ruleNextStep: 0 });
  await t.stop();

  await t.start();
  expect(await progress()).toEqual({ ruleRequests: 1, ruleNextStep: 0 });
  // The step given back (500) goes out first, then the count goes on where it was.
  const third = await sendHeld(t.engine, '/h/seq/third', 500);
  expect(await third.answer).toBe('HTTP/1.1 500 Internal Server Error');
  third.socket.destroy();
  expect(await progress()).toEqual({ ruleRequests: 2, ruleNextStep: 2 });
});
