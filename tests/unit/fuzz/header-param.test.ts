import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsetOf } from '../../../electron/shared/decode/charset';
import { headerParam, headerParams } from '../../../electron/shared/decode/header-param';
import { boundaryOf } from '../../../electron/shared/decode/multipart';

/** An RFC 9110 token: what a parameter name (or an unquoted value) may be. */
const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
/** Quoted values made of the characters that could end or split a parameter if read carelessly. */
const quotedText = fc.string({
  unit: fc.constantFrom(';', '=', '"', '\\', ' ', '\t', ',', 'a', 'b', 'é', '中'),
  maxLength: 20,
});
interface Param {
  name: string;
  value: { text: string; quoted: boolean };
  spaceBefore: string;
  spaceAroundEq: string;
}
const param: fc.Arbitrary<Param> = fc.record({
  name: token,
  value: fc.oneof(
    quotedText.map((text) => ({ text, quoted: true })),
    token.map((text) => ({ text, quoted: false })),
  ),
  spaceBefore: fc.constantFrom('', ' ', '  ', '\t'),
  spaceAroundEq: fc.constantFrom('', ' '),
});

const quote = (text: string) => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
const serialize = (type: string, params: Param[]) =>
  type +
  params
    .map(
      (p) =>
        `;${p.spaceBefore}${p.name}${p.spaceAroundEq}=${p.spaceAroundEq}${p.value.quoted ? quote(p.value.text) : p.value.text}`,
    )
    .join('');

describe('header parameters (fuzzed): a serialized parameter list reads back as generated', () => {
  it('gives every parameter, in order, with its name lower-cased and its value as generated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('multipart/form-data', 'text/plain', 'form-data'),
        fc.array(param, { maxLength: 6 }),
        (type, params) => {
          const header = serialize(type, params);
          const read = [...headerParams(header)];
          expect(read.map((p) => [p.name, p.value])).toEqual(
            params.map((p) => [p.name.toLowerCase(), p.value.text]),
          );
          // Each span covers exactly its own `; name=value`, so a rebuilt header can replace one parameter alone.
          read.forEach((p, i) => {
            expect(header[p.start]).toBe(';');
            expect(p.end).toBe(read[i + 1]?.start ?? header.length);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('headerParam finds the first parameter of a name, never one written inside another quoted value', () => {
    fc.assert(
      fc.property(fc.array(param, { maxLength: 6 }), token, (params, wanted) => {
        const header = serialize('multipart/form-data', params);
        const first = params.find((p) => p.name.toLowerCase() === wanted.toLowerCase());
        expect(headerParam(header, (name) => name === wanted.toLowerCase())).toBe(first?.value.text ?? null);
      }),
      { numRuns: 1000 },
    );
  });

  it('a decoy `; boundary=` or `; charset=` inside another quoted value is never read as the real one', () => {
    const decoy = (name: string, around: string): Param => ({
      name: 'x',
      value: { text: `${around}; ${name}=fake${around}`, quoted: true },
      spaceBefore: ' ',
      spaceAroundEq: '',
    });
    const plain = (name: string, text: string): Param => ({
      name,
      value: { text, quoted: false },
      spaceBefore: ' ',
      spaceAroundEq: '',
    });
    fc.assert(
      fc.property(fc.array(param, { maxLength: 4 }), quotedText, token, (params, around, real) => {
        const others = params.filter((p) => !['boundary', 'charset'].includes(p.name.toLowerCase()));
        const multipart = serialize('multipart/form-data', [
          ...others,
          decoy('boundary', around),
          plain('boundary', real),
        ]);
        expect(boundaryOf(multipart)).toBe(real);
        const text = serialize('text/plain', [...others, decoy('charset', around), plain('charset', real)]);
        expect(charsetOf(text)).toBe(real.toLowerCase());
        expect(charsetOf(serialize('text/plain', [...others, decoy('charset', around)]))).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
