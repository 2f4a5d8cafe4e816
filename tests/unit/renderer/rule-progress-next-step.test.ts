import { describe, expect, it } from 'vitest';
import type { Endpoint, ResponseRule } from '../../../electron/shared/contract/endpoints';
import { ruleProgressText } from '../../../renderer/src/features/endpoints/rule-progress';

const endpoint = (
  behaviour: ResponseRule['behaviour'],
  progress: Pick<Endpoint, 'ruleRequests' | 'ruleNextStep'>,
): Endpoint => ({
  id: 2,
  slug: 'seq',
  name: 'Seq',
  isDefault: false,
  pathPrefix: '/h/seq',
  rule: { status: 200, headers: [], body: '', delayMs: 5000, behaviour },
  auth: { kind: 'none' },
  verify: null,
  rateLimitPerMinute: 0,
  createdAtMs: 0,
  captureCount: 0,
  ...progress,
});

describe("an endpoint card's rule progress once a step was given back", () => {
  const sequence: ResponseRule['behaviour'] = { kind: 'sequence', statuses: [500, 503, 200] };

  it('names the step the next request takes, not the count', () => {
    // Two requests counted, the first given back: the next request gets step 1 (500) again.
    expect(ruleProgressText(endpoint(sequence, { ruleRequests: 1, ruleNextStep: 0 }))).toBe(
      'next: step 1 of 3',
    );
    expect(ruleProgressText(endpoint(sequence, { ruleRequests: 2, ruleNextStep: 2 }))).toBe(
      'next: step 3 of 3',
    );
    expect(ruleProgressText(endpoint(sequence, { ruleRequests: 7, ruleNextStep: 7 }))).toBe(
      'next: step 3 of 3',
    );
  });

  it('keeps counting failures used for fail-first', () => {
    const failFirst: ResponseRule['behaviour'] = { kind: 'fail-first', count: 3, failStatus: 503 };
    expect(ruleProgressText(endpoint(failFirst, { ruleRequests: 1, ruleNextStep: 0 }))).toBe(
      '1 of 3 failures used',
    );
  });
});
