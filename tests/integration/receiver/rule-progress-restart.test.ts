import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../electron/shared/contract/index';
import { useRestartableEngine } from '../../helpers/restartable-engine';

const t = useRestartableEngine();
const { call, start } = t;
const post = async (slug: string) =>
  (await fetch(`${t.engine.receiverUrl}/h/${slug}`, { method: 'POST', body: 'a' })).status;
const counted = async (id: number) =>
  (await call('endpoints.list', {})).items.find((e: Endpoint & { ruleRequests?: number }) => e.id === id)
    ?.ruleRequests;

describe("a fail-first rule's count across a restart", () => {
  it('goes on where it was, and only for the rule it counted for', async () => {
    await start();
    const rule = { status: 200, headers: [], body: 'ok', delayMs: 0 };
    const created = await call('endpoints.create', {
      slug: 'retries',
      name: 'Retries',
      rule: { ...rule, behaviour: { kind: 'fail-first', count: 3, failStatus: 503 } },
    });
    expect([await post('retries'), await post('retries')]).toEqual([503, 503]);
    await t.stop();

    await start();
    expect(await counted(created.id)).toBe(2);
    expect([await post('retries'), await post('retries')]).toEqual([503, 200]);

    // Saving the endpoint starts the count again, and that too survives a restart.
    await call('endpoints.update', { id: created.id, name: 'Retries again' });
    expect(await post('retries')).toBe(503);
    await t.stop();

    await start();
    expect(await counted(created.id)).toBe(1);
    expect([await post('retries'), await post('retries'), await post('retries')]).toEqual([503, 503, 200]);
  });
});
