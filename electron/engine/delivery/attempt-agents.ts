import { Agent } from 'undici';

/** Connection pools kept at once; another timeout closes the least recently used one (its requests finish first). */
const KEPT_AGENTS = 8;
/**
 * How long a connect may run past its attempt's timeout: undici's timers fire up to ~200 ms early, and the attempt's
 * own timeout must end it first, with the message naming the configured timeout.
 */
const CONNECT_GRACE_MS = 1_000;

/**
 * One connection pool per attempt timeout, whose connect timeout follows that timeout. undici's default (10 s) ended
 * longer attempts while connecting; one fixed at the longest allowed (600 s) would keep a connect abandoned by a
 * shorter attempt open that long. The attempt's abort ends it sooner; this bounds the socket it leaves behind.
 */
export function agentsByTimeout(): (timeoutMs: number) => Agent {
  const agents = new Map<number, Agent>();
  return (timeoutMs) => {
    const agent =
      agents.get(timeoutMs) ??
      new Agent({ connections: 256, pipelining: 1, connect: { timeout: timeoutMs + CONNECT_GRACE_MS } });
    // Most recently used last.
    agents.delete(timeoutMs);
    agents.set(timeoutMs, agent);
    if (agents.size > KEPT_AGENTS) {
      const [oldest, evicted] = agents.entries().next().value!;
      agents.delete(oldest);
      evicted.close().catch(() => {});
    }
    return agent;
  };
}
