import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('CSV dictionary rows named as a spreadsheet numbers them', () => {
  it('counts blank lines, so a problem on line 6 is named row 6', () => {
    const r = parseCustomDictionary('id,label\n\n\nstr:cm:a,A\n\nstr:cm:b,\n', 'csv');
    expect(r.entries.map((e) => e.fieldId)).toEqual(['str:cm:a']);
    expect(r.errors).toEqual(['row 6: label is missing for str:cm:b']);
  });

  it('counts blank lines before the header too', () => {
    const r = parseCustomDictionary('\n\nid,label\nstr:cm:a,\n', 'csv');
    expect(r.errors).toEqual(['row 4: label is missing for str:cm:a']);
  });

  it('names the row a quote is left open on after blank lines, and keeps the rows before it', () => {
    const r = parseCustomDictionary('id,label\n\nstr:cm:a,Alpha\n\nstr:cm:b,"Beta\nstr:cm:c,Gamma\n', 'csv');
    expect(r.entries.map((e) => e.fieldId)).toEqual(['str:cm:a']);
    expect(r.errors).toEqual(['row 5: Quoted field unterminated']);
  });

  it('a row spreadsheets save blank (only commas) is left out, not refused', () => {
    const r = parseCustomDictionary('id,label\nstr:cm:a,A\n,\nstr:cm:b,B\n', 'csv');
    expect(r.entries.map((e) => e.fieldId)).toEqual(['str:cm:a', 'str:cm:b']);
    expect(r.errors).toEqual([]);
  });
});
