import { describe, expect, it } from 'vitest';
import { findMergeFields } from '../../../electron/shared/decode/merge-fields';
import { findPlaceholders, resolveTemplate } from '../../../electron/shared/send/merge-fields';

// The composer fills what the decoder reports as an unfilled merge field, and the other way round.
describe('merge-field labels: one alphabet for the composer and the decoder', () => {
  const record = {
    "Owner's Name": 'Ann',
    'Member?': 'yes',
    'Spent (USD)': '12',
    'nDate long+0': 'May 1',
    'Time: Start': '9am',
  };

  it.each(Object.keys(record))('the composer fills [%s] and the decoder reports it unfilled', (label) => {
    const template = `v=[${label}]`;
    expect(resolveTemplate(template, record)).toEqual({
      text: `v=${record[label as keyof typeof record]}`,
      unresolved: [],
    });
    expect(findMergeFields(template)).toEqual([`[${label}]`]);
  });

  it('JSON arrays, key paths, literals and IPv6 hosts stay literal in both', () => {
    for (const text of [
      '{"tags": [1, 2], "ok": [true], "s": ["a"], "f": [(1)]}',
      'data[id]=8&a[b][c]=1',
      'http://[fe80::1]:8080/x and http://[::1]/',
    ]) {
      expect(findPlaceholders(text)).toEqual([]);
      expect(resolveTemplate(text, { id: '8', b: '2', c: '3' }).text).toBe(text);
    }
    expect(findMergeFields('http://[fe80::1]:8080/x')).toEqual([]);
  });
});
