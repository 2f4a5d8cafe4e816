import { expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();

it('an API rule body over the limit is refused saying by how much, naming the field', async () => {
  const reply = await createDispatcher(t.engine.handlers).dispatch(
    'endpoints.create',
    {
      slug: 'long',
      name: 'Long',
      rule: {
        status: 200,
        headers: [],
        body: 'b'.repeat(1_000_005),
        delayMs: 0,
        behaviour: { kind: 'fixed' },
      },
    },
    { transport: 'in-process' },
  );
  expect(reply.ok).toBe(false);
  if (!reply.ok)
    expect(reply.error.message).toBe('rule.body: 1,000,005 characters, 5 over the limit of 1,000,000');
});
