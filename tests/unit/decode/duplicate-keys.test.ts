import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { findDuplicateKeys } from '../../../electron/shared/decode/duplicate-keys';
import { input, node } from './helpers';

describe('a JSON object that writes a key twice', () => {
  it('says so on the body: the tree can only show the last value', () => {
    const r = decodeCapture(input('{"a":1,"b":{"c":"x","c":"y","c":"z"},"a":2}'));
    expect(node(r, '$.a').display).toBe('2');
    const messages = node(r, '$').warnings.map((w) => [w.code, w.message]);
    expect(messages).toEqual([
      ['duplicate-key', expect.stringMatching(/^Key "c" is written 3 times in \$\.b: /)],
      ['duplicate-key', expect.stringMatching(/^Key "a" is written 2 times in \$: /)],
    ]);
  });

  it('finds them in arrays, under odd keys and inside strings that look like keys, and nowhere else', () => {
    expect(findDuplicateKeys('[{"k":1},{"k":2},{"x":[{"q\\"":1,"q\\"":2}]}]')).toEqual([
      { objectPath: '$[2].x[0]', key: 'q"', count: 2 },
    ]);
    expect(findDuplicateKeys('{"s":"\\"s\\":1,","t":{"s":1},"u":["s","s"]}')).toEqual([]);
    expect(findDuplicateKeys('{"str::cn":{},"str::cn":[]}')).toEqual([
      { objectPath: '$', key: 'str::cn', count: 2 },
    ]);
  });

  it('leaves a body without repeats alone', () => {
    expect(node(decodeCapture(input('{"a":{"a":{"a":1}}}')), '$').warnings).toEqual([]);
  });
});
