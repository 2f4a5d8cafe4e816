import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// Element names are the sender's field names, whatever they are called; the parser's prototype-pollution guard must
// neither refuse the document nor rename them.
describe('XML elements named like Object.prototype members are decoded under their own names', () => {
  it('keeps constructor, __proto__, prototype, toString and a self-closing hasOwnProperty beside the others', () => {
    const r = decodeCapture(
      input(
        '<a id="1" constructor="k"><email>x</email><constructor>C</constructor><__proto__><polluted>y</polluted>' +
          '</__proto__><prototype>Q</prototype><toString>T</toString><hasOwnProperty/></a>',
        'application/xml',
      ),
    );
    expect(r.bodyFormat).toBe('xml');
    expect(r.reason).not.toMatch(/well-formed/);
    expect(node(r, '$.a').children!.map((child) => child.key)).toEqual(
      expect.arrayContaining([
        '@id',
        '@constructor',
        'email',
        'constructor',
        '__proto__',
        'prototype',
        'toString',
      ]),
    );
    expect(node(r, '$.a.email').display).toBe('x');
    expect(node(r, '$.a.constructor').display).toBe('C');
    expect(node(r, '$.a.__proto__.polluted').display).toBe('y');
    expect(node(r, '$.a.prototype').display).toBe('Q');
    expect(node(r, '$.a.toString').display).toBe('T');
    expect(node(r, '$.a.hasOwnProperty').display).toBe('');
    expect(node(r, '$.a["@constructor"]').display).toBe('k');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
