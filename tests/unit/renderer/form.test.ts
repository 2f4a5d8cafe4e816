import { describe, expect, it } from 'vitest';
import { hasBrackets, keyPath, nestForm, parseFormPairs } from '../../../renderer/src/lib/form';

describe('form-urlencoded parsing', () => {
  it('keeps order, duplicates, + as space and percent-escapes', () => {
    expect(parseFormPairs('b=2&a=1+2&a=%3Cx%3E&empty=&flag')).toEqual([
      ['b', '2'],
      ['a', '1 2'],
      ['a', '<x>'],
      ['empty', ''],
      ['flag', ''],
    ]);
  });

  it('splits bracket keys and refuses malformed ones', () => {
    expect(keyPath('contact[tags][]')).toEqual(['contact', 'tags', '']);
    expect(keyPath('a[b][c]')).toEqual(['a', 'b', 'c']);
    expect(keyPath('plain')).toEqual(['plain']);
    expect(keyPath('a[b]x')).toEqual(['a[b]x']);
    expect(keyPath('[lead]')).toEqual(['[lead]']);
  });

  it('nests PHP/Rails-style keys, pushing [] values into arrays', () => {
    const pairs = parseFormPairs(
      'contact[email]=x%40y.z&contact[tags][]=vip&contact[tags][]=new&fields[f1][v]=1&n=1&n=2',
    );
    expect(hasBrackets(pairs)).toBe(true);
    expect(JSON.parse(JSON.stringify(nestForm(pairs)))).toEqual({
      contact: { email: 'x@y.z', tags: ['vip', 'new'] },
      fields: { f1: { v: '1' } },
      n: ['1', '2'],
    });
  });

  it('keeps a value that is later used as a container instead of dropping it', () => {
    const nested = JSON.parse(
      JSON.stringify(
        nestForm([
          ['a', 'scalar'],
          ['a[b]', 'inner'],
        ]),
      ),
    );
    expect(nested).toEqual({ a: { '': 'scalar', b: 'inner' } });
  });

  it('is not fooled by __proto__ keys', () => {
    const nested = nestForm([['__proto__[polluted]', 'yes']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(nested)).toEqual(['__proto__']);
    expect({ ...(Object.getOwnPropertyDescriptor(nested, '__proto__')?.value as object) }).toEqual({
      polluted: 'yes',
    });
  });
});
