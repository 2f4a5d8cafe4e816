import { describe, expect, it } from 'vitest';
import { ResponseRules } from '../../../electron/engine/receiver/response-rules';
import { ruleVersionHash } from '../../../electron/engine/store/rule-progress-store';
import { failFirstEndpoint } from '../../helpers/fail-first-endpoint';

/** The endpoint as the store hands it out: saved again, it is a new object with an equal rule. */
const saved = () => failFirstEndpoint();

describe('a step taken before the endpoint was saved', () => {
  it('is not given back to the count saving restarted, even with the rule unchanged', () => {
    const rules = new ResponseRules();
    const beforeSave = rules.decide(saved());
    expect(beforeSave.status).toBe(503);
    rules.reset(1);
    const endpoint = saved();
    expect(rules.decide(endpoint).status).toBe(503);
    expect(rules.decide(endpoint).status).toBe(200);

    expect(rules.giveBack(endpoint, beforeSave)).toBe(false);
    expect(rules.decide(endpoint).status).toBe(200);
    expect(rules.counted(endpoint)).toBe(3);
  });

  it('a step taken after the save still goes back', () => {
    const rules = new ResponseRules();
    rules.decide(saved());
    rules.reset(1);
    const endpoint = saved();
    const afterSave = rules.decide(endpoint);
    expect(rules.giveBack(endpoint, afterSave)).toBe(true);
    expect(rules.decide(endpoint).status).toBe(503);
  });

  it('a step recorded before counts had generations (the rule hash alone) still goes back to the same rule', () => {
    const rules = new ResponseRules();
    const endpoint = saved();
    const taken = rules.decide(endpoint);
    const ruleVersion = ruleVersionHash(JSON.stringify(endpoint.rule));
    expect(rules.giveBack(endpoint, { step: taken.step, ruleVersion })).toBe(true);
    expect(rules.decide(endpoint).status).toBe(503);
  });
});
