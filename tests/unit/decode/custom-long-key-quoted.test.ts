import { describe, expect, it } from 'vitest';
import { parseInstanceSchema, parseLabelJson } from '../../../electron/shared/decode/custom';

// A problem line quotes the file's key, which may be of any length: the import notice shows these lines.
const longKey = `str:cm:${'x'.repeat(10_000)}`;
const quoted = `"${longKey.slice(0, 40)}…"`;

describe('a custom dictionary import whose unusable item sits under a 10,000-character key', () => {
  it('quotes the first 40 characters of a JSON map key', () => {
    const r = parseLabelJson(JSON.stringify({ [longKey]: 5 }));
    expect(r.errors).toEqual([`${quoted}: expected a label string or an object with label`]);
  });

  it('quotes the first 40 characters of a repeated JSON map key', () => {
    const r = parseLabelJson(`{"${longKey}": "A", "${longKey}": "B"}`);
    expect(r.errors[0]).toBe(`${quoted}: listed 2 times; only the last label is kept`);
  });

  it('quotes the first 40 characters of an instance schema namespace and field key', () => {
    const r = parseInstanceSchema(
      JSON.stringify({ namespaces: { [longKey]: { fields: { [longKey]: { id: 'str:cm:a' } } } } }),
    );
    expect(r.errors).toEqual([`namespaces[${quoted}].fields[${quoted}]: label is missing for str:cm:a`]);
  });

  it('keeps a key of 40 characters whole, and a character outside the BMP uncut', () => {
    const emojiKey = `${'a'.repeat(39)}😀${'b'.repeat(5)}`;
    const r = parseLabelJson(JSON.stringify({ [emojiKey]: 5, [longKey.slice(0, 40)]: 5 }));
    expect(r.errors).toEqual([
      `"${'a'.repeat(39)}😀…": expected a label string or an object with label`,
      `"${longKey.slice(0, 40)}": expected a label string or an object with label`,
    ]);
  });
});
