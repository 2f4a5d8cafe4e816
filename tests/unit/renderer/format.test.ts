import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount } from '../../../renderer/src/lib/format';

describe('formatting counts and sizes', () => {
  it('puts the noun in the number the count needs', () => {
    expect(formatCount(0, 'capture')).toBe('0 captures');
    expect(formatCount(1, 'capture')).toBe('1 capture');
    expect(formatCount(2500, 'capture')).toBe(`${(2500).toLocaleString()} captures`);
    expect(formatCount(1, 'delivery', 'deliveries')).toBe('1 delivery');
    expect(formatCount(3, 'delivery', 'deliveries')).toBe('3 deliveries');
  });

  it('sizes in the largest unit under 1024', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
  });
});
