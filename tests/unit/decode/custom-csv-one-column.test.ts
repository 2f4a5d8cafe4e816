import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('a one-column CSV dictionary', () => {
  it('is refused naming the missing label only, without a delimiter the parser could not guess', () => {
    expect(parseCustomDictionary('str:cm:a', 'csv').errors).toEqual(['row 1: label is missing for str:cm:a']);
    expect(parseCustomDictionary('str:cm:a\nstr:cm:b\n', 'csv').errors).toEqual([
      'row 1: label is missing for str:cm:a',
      'row 2: label is missing for str:cm:b',
    ]);
  });

  it('a semicolon-separated file is still read by its delimiter', () => {
    const r = parseCustomDictionary('id;label\nstr:cm:a;Alpha\n', 'csv');
    expect(r.errors).toEqual([]);
    expect(r.entries.map((e) => e.label)).toEqual(['Alpha']);
  });
});
