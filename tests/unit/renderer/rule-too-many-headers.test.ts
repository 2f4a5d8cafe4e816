import { expect, it } from 'vitest';
import { errorField } from '../../../renderer/src/features/endpoints/error-field';
import { draftToRule, ruleToDraft } from '../../../renderer/src/features/endpoints/RuleEditor';

it('more response headers than a rule holds is refused as "Headers: …", on the headers field', () => {
  const draft = ruleToDraft({ status: 200, headers: [], body: '', delayMs: 0, behaviour: { kind: 'fixed' } });
  const headers = Array.from({ length: 101 }, (_, i) => `X-H${i}: ${i}`).join('\n');
  const { rule, error } = draftToRule({ ...draft, headers });
  expect(rule).toBeNull();
  expect(error).toMatch(/^Headers: /);
  expect(errorField(error!)).toBe('rule-headers');
});
