import { describe, expect, it } from 'vitest';
import type { Endpoint, ResponseRule } from '../../../electron/shared/contract/endpoints';
import { ruleSummary } from '../../../renderer/src/features/endpoints/rule-summary';

const endpoint = (rule: Partial<ResponseRule>): Endpoint => ({
  id: 2,
  slug: 'slow',
  name: 'Slow',
  isDefault: false,
  pathPrefix: '/h/slow',
  rule: { status: 201, headers: [], body: '', delayMs: 0, behaviour: { kind: 'fixed' }, ...rule },
  auth: { kind: 'none' },
  verify: null,
  rateLimitPerMinute: 0,
  createdAtMs: 0,
  captureCount: 0,
});

describe("an endpoint card's summary of a delayed rule", () => {
  // The receiver holds back every answer of the rule, its deliberate failures too.
  it.each([
    [{ kind: 'fail-first', count: 2, failStatus: 502 }, '502 for the first 2, then 201, each after 150 ms'],
    [
      { kind: 'failure-rate', percent: 50, failStatus: 503 },
      '503 50% of the time, else 201, each after 150 ms',
    ],
    [{ kind: 'sequence', statuses: [500, 200] }, '500 → 200, each after 150 ms'],
    [{ kind: 'sequence', statuses: [202] }, '202 after 150 ms'],
    [{ kind: 'fixed' }, '201 after 150 ms'],
  ] satisfies Array<[ResponseRule['behaviour'], string]>)(
    'says the delay holds back every answer: %j',
    (behaviour, text) => {
      expect(ruleSummary(endpoint({ delayMs: 150, behaviour }))).toBe(text);
    },
  );

  it('says nothing of a delay there is not', () => {
    expect(ruleSummary(endpoint({ behaviour: { kind: 'fail-first', count: 2, failStatus: 502 } }))).toBe(
      '502 for the first 2, then 201',
    );
  });
});
