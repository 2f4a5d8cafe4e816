import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('a CSV header written as words (Field ID, Display type)', () => {
  it('is read as the header, whatever the column order', () => {
    const r = parseCustomDictionary(
      'Label,Field ID,Activity ID,Display type\nPlan,str:cm:plan,,\nPrice,int:cm:price,act:cm:bought,currency\n',
      'csv',
    );
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      { fieldId: 'str:cm:plan', label: 'Plan', activityId: null, displayType: null },
      { fieldId: 'int:cm:price', label: 'Price', activityId: 'act:cm:bought', displayType: 'currency' },
    ]);
  });
});
