import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyCapture,
  decodeCapture,
  searchTextFor,
  type DecodeResult,
} from '../../../electron/shared/decode/index';
import { countNodes, input } from './helpers';

const MAX_NODES = 5000;
const contentTypes = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  null,
  'application/octet-stream',
  'multipart/form-data; boundary=b',
  'text/html',
);

function checkResult(r: DecodeResult) {
  expect(countNodes(r)).toBeLessThanOrEqual(MAX_NODES + 2);
  expect(() => JSON.stringify(r)).not.toThrow();
  for (const s of r.sections) expect(typeof s.display).toBe('string');
}

const orttoKey = fc.oneof(
  fc.constantFrom(
    'str::cn',
    'int::v',
    'tme::c',
    'phn::phone',
    'geo::city',
    'dtz::b',
    'bol::p',
    'u4s::t',
    'act::c',
    'str:cm:x',
    'int:cm:y',
  ),
  fc.string(),
);
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(orttoKey, tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('fuzzing: decoder and recognisers never throw and stay bounded', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), contentTypes, fc.string(), (bytes, ct, q) => {
        const i = { ...input(bytes, ct), query: q };
        checkResult(decodeCapture(i));
        classifyCapture(i);
        expect(typeof searchTextFor(i)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('random JSON, including Ortto-shaped envelopes', () => {
    fc.assert(
      fc.property(
        anyJson,
        fc.constantFrom('act::c', 'act::ws', 'act:cm:x', 'bogus', ''),
        (value, fieldId) => {
          for (const body of [
            value,
            { activity: { field_id: fieldId, attr: value }, contact: value, webhook_id: 'w' },
            { event: { type: 'sub_tag', tag_id: value }, data: value, webhook_id: '3' },
          ]) {
            const i = input(JSON.stringify(body) ?? 'null');
            checkResult(decodeCapture(i));
            classifyCapture(i);
            searchTextFor(i);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random form bodies with brackets, percent signs and merge fields', () => {
    const part = fc.stringMatching(/^[a-z[\]%+=&0-9A-F ]{0,40}$/);
    fc.assert(
      fc.property(fc.array(part, { maxLength: 20 }), (parts) => {
        const body = parts.join('&');
        const i = { ...input(body, 'application/x-www-form-urlencoded'), query: body };
        checkResult(decodeCapture(i));
        classifyCapture(i);
      }),
      { numRuns: 400 },
    );
  });
});

describe('fuzzing multipart bodies', () => {
  it('random parts, boundaries inside values, cut anywhere: never throws, fields decoded in order', () => {
    const text = fc.stringMatching(/^[a-z0-9\-\r\n"=; ]{0,30}$/);
    const part = fc.record({ name: fc.stringMatching(/^[a-z]{1,6}$/), value: text, file: fc.boolean() });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), fc.nat(), (parts, cutAt) => {
        const body =
          parts
            .map(
              (p) =>
                `--b\r\nContent-Disposition: form-data; name="${p.name}"${p.file ? '; filename="f.bin"' : ''}\r\n\r\n${p.value}\r\n`,
            )
            .join('') + '--b--\r\n';
        const bytes = new TextEncoder().encode(body);
        const cut = bytes.subarray(0, cutAt % (bytes.length + 1));
        for (const b of [bytes, cut]) {
          const i = input(b, 'multipart/form-data; boundary=b');
          checkResult(decodeCapture(i));
          classifyCapture(i);
          expect(typeof searchTextFor(i)).toBe('string');
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('fuzzing long JSON numbers', () => {
  it('every number is shown as sent or as the double it equals', () => {
    const digits = fc.stringMatching(/^-?[1-9][0-9]{0,25}(\.[0-9]{1,25})?$/);
    fc.assert(
      fc.property(digits, (n) => {
        const r = decodeCapture(input(`{"n":${n}}`));
        const shown = r.sections[0]!.children![0]!.display;
        expect(shown === n || Number(shown) === Number(n)).toBe(true);
        if (shown !== n) expect(String(Number(n))).toBe(shown);
        // Where a double can round (16 digits or more), the digits sent are what is shown.
        if (n.replace(/[^0-9]/g, '').length >= 16) expect(shown).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fuzzing XML-ish bodies', () => {
  it('never throws, stays bounded', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^<[a-z<>/ ="[\]&;!?-]{0,80}>$/), (text) => {
        const i = input(text, 'application/xml');
        checkResult(decodeCapture(i));
        classifyCapture(i);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile sizes and shapes', () => {
  it('10k-deep XML and an entity-expansion attempt are handled', () => {
    const deep = '<a>'.repeat(10_000) + 'x' + '</a>'.repeat(10_000);
    const r = decodeCapture(input(deep, 'application/xml'));
    expect(['xml', 'text']).toContain(r.bodyFormat);
    expect(countNodes(r)).toBeLessThanOrEqual(MAX_NODES + 2);
    const lol =
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;&c;&c;</l>';
    const r2 = decodeCapture(input(lol, 'application/xml'));
    expect(JSON.stringify(r2).length).toBeLessThan(200_000);
  });

  it('10k-deep nesting decodes generically with a truncation note', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = decodeCapture(input(deep));
    expect(r.truncated).toBe(true);
    expect(r.warnings.some((w) => w.code === 'truncated')).toBe(true);
    const deepObj = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const r2 = decodeCapture(input(deepObj));
    expect(r2.truncated).toBe(true);
    expect(classifyCapture(input(deepObj))).toEqual({ vendor: null, eventLabel: null });
  });

  it('a 10 MB payload stops at the node limit and says so', () => {
    const items = Array.from({ length: 150_000 }, (_, i) => ({
      'str::cn': `Campaign name number ${i} of many`,
      'int::v': i * 1000 + 1,
    }));
    const body = JSON.stringify({
      activity: { field_id: 'act::c', attr: { 'obj::i': items } },
      webhook_id: 'w',
    });
    expect(body.length).toBeGreaterThan(9_000_000);
    const r = decodeCapture(input(body));
    expect(r.vendor).toBe('Ortto');
    expect(r.truncated).toBe(true);
    expect(countNodes(r)).toBeLessThanOrEqual(MAX_NODES + 2);
    // the acknowledge path skips big bodies entirely
    expect(classifyCapture(input(body))).toEqual({ vendor: null, eventLabel: null });
    expect(searchTextFor(input(body))).toContain('Clicked email');
  });

  it('malformed JSON falls back to text with a reason', () => {
    const r = decodeCapture(input('{"activity": {"field_id": "act::c"'));
    expect(r.bodyFormat).toBe('invalid-json');
    expect(r.reason).toMatch(/not valid JSON/);
    expect(r.warnings[0]!.code).toBe('malformed');
    expect(r.sections[0]!.display).toContain('act::c');
  });

  it('binary bodies are not decoded, with a reason', () => {
    const r = decodeCapture(input(new Uint8Array([0, 1, 2, 3, 255, 254]), 'application/octet-stream'));
    expect(r.bodyFormat).toBe('binary');
    expect(r.reason).toMatch(/binary/);
  });

  it('__proto__ and constructor keys are plain data', () => {
    const r = decodeCapture(
      input('__proto__[polluted]=1&constructor[prototype][x]=2', 'application/x-www-form-urlencoded'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.sections[0]!.children!.map((c) => c.key)).toEqual(['__proto__', 'constructor']);
  });

  it('integers beyond 2^53 get a precision warning', () => {
    const r = decodeCapture(input('{"id":820982911946154500}'));
    expect(r.warnings.map((w) => w.code)).toContain('precision');
  });
});
