import { describe, expect, it } from 'vitest';
import { prettyJson, sortKeys, tryParseJson } from '../../../renderer/src/lib/json-normalize';

describe('sortKeys (the diff\'s "normalise key order")', () => {
  it('sorts keys at every depth and keeps a payload\'s own "__proto__" key as a key', () => {
    const parsed = tryParseJson('{"b":1,"__proto__":{"x":1},"a":{"d":2,"c":3}}');
    if (!parsed.ok) throw new Error('parse failed');
    expect(JSON.stringify(sortKeys(parsed.value))).toBe('{"__proto__":{"x":1},"a":{"c":3,"d":2},"b":1}');
    expect(Object.getPrototypeOf(sortKeys(parsed.value))).toBe(Object.prototype);
  });
});

describe('tryParseJson', () => {
  it('parses JSON nested 5,000 deep, where a reviver runs out of stack, and still refuses broken JSON', () => {
    const deep = '['.repeat(5_000) + '"bottom"' + ']'.repeat(5_000);
    const parsed = tryParseJson(deep);
    if (!parsed.ok) throw new Error('deep JSON did not parse');
    let level: unknown = parsed.value;
    for (let i = 0; i < 5_000; i++) level = (level as unknown[])[0];
    expect(level).toBe('bottom');
    expect(tryParseJson(deep.slice(0, -1)).ok).toBe(false);
    // Too deep to sort keys by recursion: the diff gets the text as received rather than an error.
    const deeper = '['.repeat(50_000) + '1' + ']'.repeat(50_000);
    expect(prettyJson(deeper, true)).toBe(deeper);
  });
});
