import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('negative zero in a JSON body', () => {
  it('is shown and copied as sent, with no warning', () => {
    const result = decodeCapture(input('{"neg":-0,"negDecimal":-0.0,"negExp":-0e5,"half":-0.5,"zero":0}'));
    const shown = (path: string) => {
      const n = node(result, path);
      return { display: n.display, raw: n.raw, warnings: n.warnings.length };
    };
    expect(shown('$.neg')).toEqual({ display: '-0', raw: '-0', warnings: 0 });
    expect(shown('$.negDecimal')).toEqual({ display: '-0.0', raw: '-0.0', warnings: 0 });
    expect(shown('$.negExp')).toEqual({ display: '-0e5', raw: '-0e5', warnings: 0 });
    expect(shown('$.half')).toEqual({ display: '-0.5', raw: '-0.5', warnings: 0 });
    expect(shown('$.zero')).toEqual({ display: '0', raw: '0', warnings: 0 });
  });

  it('keeps a negative number too small for a double flagged as lost', () => {
    const tiny = node(decodeCapture(input('{"tiny":-1e-400}')), '$.tiny');
    expect(tiny.display).toBe('-1e-400');
    expect(tiny.warnings.map((w) => w.message).join('\n')).toContain("Beyond a double's range");
  });
});
