import { expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import type { Endpoint } from '../../../electron/shared/contract/index';
import { draftToRule, ruleToDraft } from '../../../renderer/src/features/endpoints/RuleEditor';
import { useTestEngine } from '../../helpers/test-engine';

// RFC 9110 §5.5: the spaces and tabs around a field value are not part of it, and clients drop them. The endpoint form
// always read its header lines so; the API kept them, so saving the form later changed a rule the user never touched.
const t = useTestEngine();
/** Through the dispatcher, as every transport calls: it checks and reads the input as the contract says. */
const call = async <T>(method: string, input: unknown): Promise<T> => {
  const reply = await createDispatcher(t.engine.handlers, { checkOutputs: true }).dispatch(method, input, {
    transport: 'in-process',
  });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
};

it('a rule header value saved through the API reads back as the endpoint form saves it again', async () => {
  const created = await call<Endpoint>('endpoints.create', {
    slug: 'padded',
    name: 'Padded',
    rule: {
      status: 200,
      headers: [
        ['X-Padded', ' \t two  inner  spaces \t '],
        ['X-Latin', '\u00a0nbsp kept\u00a0'],
        ['X-Empty', '   '],
      ],
      body: 'ok',
      delayMs: 0,
      behaviour: { kind: 'fixed' },
    },
  });
  expect(created.rule.headers).toEqual([
    ['X-Padded', 'two  inner  spaces'],
    ['X-Latin', '\u00a0nbsp kept\u00a0'],
    ['X-Empty', ''],
  ]);

  // Saved again through the form without touching the headers: nothing changes.
  const stored = (await call<{ items: Endpoint[] }>('endpoints.list', {})).items.find(
    (e) => e.id === created.id,
  )!;
  const again = draftToRule(ruleToDraft(stored.rule));
  expect(again.error).toBeNull();
  expect(again.rule?.headers).toEqual(stored.rule.headers);

  // And what the receiver answers is that value.
  const res = await fetch(`${t.engine.receiverUrl}/h/padded`, { method: 'POST', body: 'x' });
  await res.arrayBuffer();
  expect(res.headers.get('x-padded')).toBe('two  inner  spaces');
});
