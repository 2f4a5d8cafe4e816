import { describe, expect, it } from 'vitest';
import { ResponseRules } from '../../../electron/engine/receiver/response-rules';
import type { Endpoint } from '../../../electron/shared/contract/index';
import { ruleProgressText } from '../../../renderer/src/features/endpoints/rule-progress';
import { failFirstEndpoint } from '../../helpers/fail-first-endpoint';

const failFirst = (count: number) => failFirstEndpoint({ count, delayMs: 60_000 });

const card = (rules: ResponseRules, endpoint: Endpoint) =>
  ruleProgressText({ ...endpoint, ...rules.progressOf(endpoint) });

describe("a fail-first card once a failure's sender left", () => {
  it('counts the failure given back as still to come', () => {
    const rules = new ResponseRules();
    const endpoint = failFirst(1);
    const first = rules.decide(endpoint);
    expect(first.status).toBe(503);
    expect(rules.decide(endpoint).status).toBe(200);
    expect(rules.giveBack(endpoint, first)).toBe(true);

    expect(card(rules, endpoint)).toBe('0 of 1 failures used');
    expect(rules.decide(endpoint).status).toBe(503);
    expect(card(rules, endpoint)).toBe('1 of 1 failures used');
  });

  it('counts every failure given back, not only the next one', () => {
    const rules = new ResponseRules();
    const endpoint = failFirst(3);
    const held = [0, 1, 2, 3, 4].map(() => rules.decide(endpoint));
    expect(rules.giveBack(endpoint, held[0]!)).toBe(true);
    expect(rules.giveBack(endpoint, held[2]!)).toBe(true);
    expect(rules.giveBack(endpoint, held[4]!)).toBe(true);

    expect(card(rules, endpoint)).toBe('1 of 3 failures used');
    expect(rules.decide(endpoint).status).toBe(503);
    expect(rules.decide(endpoint).status).toBe(503);
    expect(rules.decide(endpoint).status).toBe(200);
    expect(card(rules, endpoint)).toBe('3 of 3 failures used');
  });
});
