import { describe, expect, it } from 'vitest';
import { agentsByTimeout } from '../../../electron/engine/delivery/attempt-agents';

describe('connection pools per attempt timeout', () => {
  it('shares one pool per timeout and closes the least recently used past eight', async () => {
    const agentFor = agentsByTimeout();
    const first = agentFor(1_000);
    expect(agentFor(1_000)).toBe(first);
    const others = [2, 3, 4, 5, 6, 7, 8].map((s) => agentFor(s * 1_000));
    expect(agentFor(1_000)).toBe(first);
    const last = agentFor(9_000);
    expect(first.closed).toBe(false);
    expect(others[0]!.closed).toBe(true);
    for (const agent of [first, ...others.slice(1), last]) await agent.close();
  });
});
