import { describe, expect, it } from 'vitest';
import { useEngineApi } from '../../helpers/engine-api';
import { refusal } from '../../helpers/refusal';

// A misspelt optional field was dropped without a word: the endpoint saved, answering otherwise than asked.
const s = useEngineApi();

const rule = { status: 200, headers: [], body: 'aGk=', delayMs: 0, behaviour: { kind: 'fixed' } };

describe('endpoint input with a field the API does not know', () => {
  it.each([
    [
      'the rule',
      { rule: { ...rule, encoding: 'base64' } },
      /^rule\.encoding: not an input of endpoints\.create \(it takes status, /,
    ],
    [
      'its behaviour',
      { rule: { ...rule, behaviour: { kind: 'fixed', delayMs: 5000 } } },
      /^rule\.behaviour\.delayMs: not an input of endpoints\.create \(it takes kind\)/,
    ],
    [
      'the auth',
      { auth: { kind: 'basic', username: 'u', password: 'p', realm: 'x' } },
      /^auth\.realm: not an input of endpoints\.create \(it takes kind, username, password\)/,
    ],
    [
      'the signature check',
      { verify: { scheme: 'github', secret: 's', on_failure: 'refuse-401' } },
      /^verify\.on_failure: not an input of endpoints\.create \(it takes scheme, /,
    ],
  ])('is refused in %s, naming the field, and nothing is created', async (_where, fields, message) => {
    const error = await refusal(
      s.api.call('endpoints.create', { slug: 'typo', name: 'Typo', ...fields } as never),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(message);
    expect((await s.api.call('endpoints.list', {})).items.map((e) => e.slug)).not.toContain('typo');
  });

  it('is refused by endpoints.update, which keeps what was stored', async () => {
    const created = await s.api.call('endpoints.create', { slug: 'kept', name: 'Kept', rule } as never);
    const error = await refusal(
      s.api.call('endpoints.update', { id: created.id, rule: { ...rule, encoding: 'base64' } } as never),
    );
    expect(error.message).toMatch(/^rule\.encoding: not an input of endpoints\.update \(it takes status, /);
    expect((await s.api.call('endpoints.list', {})).items.find((e) => e.id === created.id)?.rule).toEqual(
      created.rule,
    );
  });
});
