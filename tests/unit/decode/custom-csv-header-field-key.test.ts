import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('a CSV whose header names the ID column Field or Key', () => {
  it.each([
    ['Field,Label', 'Field,Label\nstr:cm:plan,Plan\n'],
    ['Key,Value', 'key,value\nstr:cm:plan,Plan\n'],
    ['Field,Field name', 'Field,Field name\nstr:cm:plan,Plan\n'],
  ])('%s is read as the header, not imported as an entry', (_, csv) => {
    const r = parseCustomDictionary(csv, 'auto');
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      { fieldId: 'str:cm:plan', label: 'Plan', activityId: null, displayType: null },
    ]);
  });
});
