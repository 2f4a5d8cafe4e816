import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

// A JSON file saved by Windows Notepad or Excel starts with a byte-order mark; read as UTF-8 text it is U+FEFF.
const BOM = '\uFEFF';

describe('a dictionary file that starts with a byte-order mark', () => {
  it.each(['auto', 'json'] as const)('imports its JSON labels (%s)', (format) => {
    expect(parseCustomDictionary(`${BOM}{"str:cm:plan":"Plan"}`, format).entries).toEqual([
      { fieldId: 'str:cm:plan', label: 'Plan', activityId: null, displayType: null },
    ]);
  });

  it('imports an instance schema', () => {
    const schema = { namespaces: { cm: { fields: { 'str:cm:plan': { id: 'str:cm:plan', name: 'Plan' } } } } };
    const r = parseCustomDictionary(`${BOM}${JSON.stringify(schema)}`, 'ortto-schema');
    expect(r.entries.map((e) => [e.fieldId, e.label])).toEqual([['str:cm:plan', 'Plan']]);
  });
});
