import { expect, it } from 'vitest';
import { responseStatusOf, sendHeld } from '../../helpers/held-request';
import { createHeldSequenceEndpoint } from '../../helpers/held-sequence-endpoint';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

it("reports the step a sequence's next request takes after an earlier step is given back", async () => {
  const { progress } = await createHeldSequenceEndpoint(call, 60_000);
  const first = (await sendHeld(t.engine, '/h/seq/first', 500)).socket;
  const second = (await sendHeld(t.engine, '/h/seq/second', 503)).socket;
  expect(await progress()).toEqual({ ruleRequests: 2, ruleNextStep: 2 });

  // The first sender leaves during the delay: its step (500) goes back and is what the next request gets.
  first.destroy();
  await expect.poll(() => responseStatusOf(t.engine, '/h/seq/first'), { timeout: 5000 }).toBeNull();
  expect(await progress()).toEqual({ ruleRequests: 1, ruleNextStep: 0 });

  const third = (await sendHeld(t.engine, '/h/seq/third', 500)).socket;
  expect(await progress()).toEqual({ ruleRequests: 2, ruleNextStep: 2 });
  second.destroy();
  third.destroy();
});
