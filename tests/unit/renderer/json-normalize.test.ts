import { describe, expect, it } from 'vitest';
import { sortKeys, tryParseJson } from '../../../renderer/src/lib/json-normalize';

describe('sortKeys (the diff\'s "normalise key order")', () => {
  it('sorts keys at every depth and keeps a payload\'s own "__proto__" key as a key', () => {
    const parsed = tryParseJson('{"b":1,"__proto__":{"x":1},"a":{"d":2,"c":3}}');
    if (!parsed.ok) throw new Error('parse failed');
    expect(JSON.stringify(sortKeys(parsed.value))).toBe('{"__proto__":{"x":1},"a":{"c":3,"d":2},"b":1}');
    expect(Object.getPrototypeOf(sortKeys(parsed.value))).toBe(Object.prototype);
  });
});
