import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { input, node } from './helpers';

describe('a -0 in an Ortto int field', () => {
  const result = decodeCapture(
    input('{"activity":{"field_id":"act::c","attr":{"int::v":-0,"int:cm:count":-0,"int::pv":-0.0}}}'),
  );
  const shown = (id: string) => {
    const n = node(result, `$.activity.attr["${id}"]`);
    return { display: n.display, raw: n.raw, warnings: n.warnings.map((w) => w.message) };
  };

  it('is zero, never "beyond 2^53"', () => {
    for (const id of ['int::v', 'int:cm:count', 'int::pv'])
      expect(shown(id).warnings.join('\n')).not.toContain('2^53');
  });

  it('reads as zero in a ×1000 field, with the wire value in the details', () => {
    expect(shown('int::v')).toEqual({ display: '0.00', raw: '-0', warnings: [] });
    expect(node(result, '$.activity.attr["int::v"]').details).toContain('-0 on the wire ÷ 1000');
  });

  it('is shown as sent in a plain number field', () => {
    expect(shown('int::pv')).toMatchObject({ display: '-0.0', raw: '-0.0', warnings: [] });
  });
});

describe('a -0 in an Ortto ID list', () => {
  it('is not reported as beyond 2^53', () => {
    const result = decodeCapture(input('{"activity":{"field_id":"act::c","attr":{"u4s::t":[-0,4]}}}'));
    const list = node(result, '$.activity.attr["u4s::t"]');
    expect(list.display).toBe('-0, 4');
    expect(list.warnings.map((w) => w.message).join('\n')).not.toContain('2^53');
  });
});
