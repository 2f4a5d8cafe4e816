import { expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();

const create = (rule: Record<string, unknown>) =>
  createDispatcher(t.engine.handlers).dispatch(
    'endpoints.create',
    {
      slug: 'long',
      name: 'Long',
      rule: { status: 200, headers: [], delayMs: 0, behaviour: { kind: 'fixed' }, ...rule },
    },
    { transport: 'in-process' },
  );

it('an API rule body over the limit as base64 says so, as the form does', async () => {
  const reply = await create({ body: 'AAAA'.repeat(250_001), bodyEncoding: 'base64' });
  expect(reply.ok).toBe(false);
  if (!reply.ok)
    expect(reply.error.message).toBe(
      'rule.body: 1,000,004 characters as base64, 4 over the limit of 1,000,000 ' +
        '(base64 takes 4 characters for every 3 bytes: 750,000 bytes fit)',
    );
});

it('a body over the limit is named even when another field of the rule is wrong too', async () => {
  const reply = await create({ body: 'b'.repeat(1_000_005), delayMs: -1 });
  expect(reply.ok).toBe(false);
  if (!reply.ok)
    expect(reply.error.message).toContain('rule.body: 1,000,005 characters, 5 over the limit of 1,000,000');
});
