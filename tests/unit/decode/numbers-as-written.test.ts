import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

// A webhook developer checks what was sent: `1e2` and `1.50` are not `100` and `1.5` on the wire.
describe('a JSON number written otherwise than JavaScript prints it', () => {
  const body =
    '{"exp":1e2,"upper":2E-1,"plus":1e+2,"cents":1.50,"whole":10.0,"small":0.0000001,' +
    '"list":[1.0,7],"plain":1.5,"big":12345678901234567890}';
  const result = decodeCapture(input(body));
  const shown = (path: string) => {
    const n = node(result, path);
    return { display: n.display, raw: n.raw, warnings: n.warnings.length };
  };

  it('is shown and copied as sent, with no warning', () => {
    expect(shown('$.exp')).toEqual({ display: '1e2', raw: '1e2', warnings: 0 });
    expect(shown('$.upper')).toEqual({ display: '2E-1', raw: '2E-1', warnings: 0 });
    expect(shown('$.plus')).toEqual({ display: '1e+2', raw: '1e+2', warnings: 0 });
    expect(shown('$.cents')).toEqual({ display: '1.50', raw: '1.50', warnings: 0 });
    expect(shown('$.whole')).toEqual({ display: '10.0', raw: '10.0', warnings: 0 });
    expect(shown('$.small')).toEqual({ display: '0.0000001', raw: '0.0000001', warnings: 0 });
    expect(shown('$.list[0]')).toEqual({ display: '1.0', raw: '1.0', warnings: 0 });
  });

  it('says what a parser reads it as', () => {
    expect(node(result, '$.exp').details).toContain('A JSON parser reads it as 100.');
  });

  it('leaves numbers written as JavaScript prints them, and long ones, as they were', () => {
    expect(shown('$.list[1]')).toEqual({ display: '7', raw: '7', warnings: 0 });
    expect(shown('$.plain')).toEqual({ display: '1.5', raw: '1.5', warnings: 0 });
    expect(node(result, '$.big').display).toBe('12345678901234567890');
  });

  it('is written as sent in the whole raw JSON of the object holding it', () => {
    const whole = decodeCapture(input('{"o":{"a":1e2,"b":[1.50]}}'), undefined, { rawAt: '$.o' });
    expect(node(whole, '$.o').raw).toBe('{"a":1e2,"b":[1.50]}');
  });
});
