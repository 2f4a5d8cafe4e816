import { describe, expect, it } from 'vitest';
import { draftToRule, ruleToDraft } from '../../../renderer/src/features/endpoints/RuleEditor';

const draft = ruleToDraft({
  status: 200,
  headers: [],
  body: 'ok',
  delayMs: 0,
  behaviour: { kind: 'failure-rate', percent: 50, failStatus: 503 },
});

describe('the failure percentage of a failure-rate rule', () => {
  // The field says "a number from 0 to 100": a half percent typed without its leading zero is one.
  it.each([
    ['.5', 0.5],
    ['5.', 5],
    [' 0.25 ', 0.25],
    ['100', 100],
  ])('takes %j as %d', (typed, percent) => {
    const { rule, error } = draftToRule({ ...draft, failPercent: typed });
    expect(error).toBeNull();
    expect(rule?.behaviour).toEqual({ kind: 'failure-rate', percent, failStatus: 503 });
  });

  it.each(['.', '', '5%', '1e1', '100.5', '-1'])('refuses %j, naming the field', (typed) => {
    expect(draftToRule({ ...draft, failPercent: typed }).error).toBe(
      'Failure percentage: a number from 0 to 100',
    );
  });
});
