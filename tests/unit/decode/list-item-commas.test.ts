import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { formatList } from '../../../electron/shared/decode/values';
import { input, node } from './helpers';

describe('list items that hold the separator', () => {
  it('an sst item with a comma is quoted, so it cannot read as two items; Copy value keeps the JSON', () => {
    const r = decodeCapture(input(JSON.stringify({ contact: { 'sst:cm:plan': ['Paid, annual', 'VIP'] } })));
    const plan = node(r, '$.contact["sst:cm:plan"]');
    expect(plan.display).toBe('"Paid, annual", VIP');
    expect(plan.details).toContain('2 items');
    expect(plan.raw).toBe('["Paid, annual","VIP"]');
  });

  it.each([
    [['a "b"', 'c'], '"a \\"b\\"", c'],
    [['', 'x'], '"", x'],
    [[' padded', 'x'], '" padded", x'],
    [['Plain words', 'VIP'], 'Plain words, VIP'],
  ])('stl %j shows as %s', (items, shown) => {
    expect(formatList(items, 'string-list').display).toBe(shown);
  });
});
