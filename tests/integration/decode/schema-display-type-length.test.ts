import { describe, expect, it } from 'vitest';
import { useLabelApp } from './label-app';

const t = useLabelApp();
const { ok } = t;

describe('an instance schema field whose display type is longer than a stored one may be', () => {
  it('is refused with an error naming it; the dictionary still opens with the other fields', async () => {
    const long = `x${'_long'.repeat(12)}`;
    const schema = {
      namespaces: {
        '': {
          fields: {
            'str:cm:plan': { id: 'str:cm:plan', name: 'Plan', display_type: 'text' },
            'str:cm:odd': { id: 'str:cm:odd', name: 'Odd', display_type: long },
          },
        },
      },
    };
    const r = await ok<{ dictionary: { id: number }; imported: number; errors: string[] }>(
      'dictionary.custom.import',
      { name: 'Schema', format: 'ortto-schema', content: JSON.stringify(schema) },
    );
    expect(r.imported).toBe(1);
    expect(r.errors).toEqual([
      'namespaces[""].fields["str:cm:odd"]: display_type for str:cm:odd is longer than 60 characters',
    ]);
    const got = await t.app.rpc<{ entries: { fieldId: string }[] }>('dictionary.custom.get', {
      id: r.dictionary.id,
    });
    expect(got.ok && got.value.entries.map((e) => e.fieldId)).toEqual(['str:cm:plan']);
  });
});
