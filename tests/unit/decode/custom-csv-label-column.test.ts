import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('a CSV dictionary header with more than one column a label could be read from', () => {
  it('takes the label from `label`, wherever `name` stands', () => {
    for (const csv of [
      'id,name,label\nstr:cm:a,Alpha name,Alpha label',
      'id,label,name\nstr:cm:a,Alpha label,Alpha name',
    ]) {
      expect(parseCustomDictionary(csv, 'csv').entries).toEqual([
        { fieldId: 'str:cm:a', label: 'Alpha label', activityId: null, displayType: null },
      ]);
    }
  });

  it('takes the ID from `id` before `key`', () => {
    const r = parseCustomDictionary('key,id,label\nold-key,str:cm:a,Alpha', 'csv');
    expect(r.entries.map((e) => e.fieldId)).toEqual(['str:cm:a']);
  });
});
