import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('a CSV row whose quote is never closed', () => {
  it('is not imported with the rows after it swallowed into its label; the error names the row', () => {
    const r = parseCustomDictionary('id,label\nstr:cm:a,Alpha\nstr:cm:b,"Beta\nstr:cm:c,Gamma\n', 'csv');
    expect(r.entries).toEqual([{ fieldId: 'str:cm:a', label: 'Alpha', activityId: null, displayType: null }]);
    expect(r.skipped).toBe(1);
    expect(r.errors).toEqual(['row 3: Quoted field unterminated']);
  });

  it('without a header too', () => {
    const r = parseCustomDictionary('str:cm:a,"Alpha\nstr:cm:b,Beta\n', 'csv');
    expect(r.entries).toEqual([]);
    expect(r.errors).toEqual(['row 1: Quoted field unterminated']);
  });
});
