import type { Endpoint } from '../../electron/shared/contract/index';

/**
 * Endpoint 1 with only what ResponseRules reads: its first `count` requests fail with 503, then it answers 200 "ok"
 * after `delayMs`. Each call is a new object with an equal rule, as the store hands out an endpoint saved again.
 */
export const failFirstEndpoint = ({ count = 1, delayMs = 0 } = {}): Endpoint =>
  ({
    id: 1,
    slug: 'hook',
    rule: {
      status: 200,
      headers: [],
      body: 'ok',
      bodyEncoding: 'utf8',
      delayMs,
      behaviour: { kind: 'fail-first', count, failStatus: 503 },
    },
  }) as unknown as Endpoint;
