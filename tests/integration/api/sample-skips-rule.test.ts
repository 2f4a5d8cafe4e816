import { expect, it } from 'vitest';
import type { Endpoint, ResponseRule } from '../../../electron/shared/contract/index';
import { inProcessCall } from '../../helpers/in-process-call';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();
const call = inProcessCall(() => t.engine);

const retryRule: ResponseRule = {
  status: 200,
  headers: [],
  body: 'ok',
  delayMs: 1_000,
  behaviour: { kind: 'fail-first', count: 1, failStatus: 503 },
};

it("the sample webhook is captured without taking a step of the catch-all's rule or waiting out its delay", async () => {
  const catchAll = (await call('endpoints.list', {})).items.find((e) => e.isDefault)!;
  await call('endpoints.update', { id: catchAll.id, rule: retryRule });
  const progress = async () =>
    (
      (await call('endpoints.list', {})).items.find((e) => e.id === catchAll.id) as Endpoint & {
        ruleRequests?: number;
      }
    ).ruleRequests;

  const sample = await call('app.sendSample', {});
  expect(sample.status).toBe(200);
  const captured = await call('captures.get', { id: sample.captureId! });
  expect(captured).toMatchObject({ path: '/h/sample/ortto', endpointId: catchAll.id, vendor: 'Ortto' });
  expect(captured.response).toMatchObject({ status: 200, delayMs: 0 });
  expect(captured.response?.reason).toMatch(/sample/);
  expect(await progress()).toBe(0);

  // The user's own first request still meets the rule's first step: the failure it was set up to give.
  const first = await fetch(`${t.engine.receiverUrl}/h/retry`, { method: 'POST', body: '{}' });
  expect(first.status).toBe(503);
  expect(await progress()).toBe(1);
});

it('a request from elsewhere to the sample path goes through the rule as any other', async () => {
  const catchAll = (await call('endpoints.list', {})).items.find((e) => e.isDefault)!;
  await call('endpoints.update', { id: catchAll.id, rule: { ...retryRule, delayMs: 0 } });
  const forged = await fetch(`${t.engine.receiverUrl}/h/sample/ortto`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Ortto-Webhook (Hookscope sample)' },
    body: '{}',
  });
  expect(forged.status).toBe(503);
});
