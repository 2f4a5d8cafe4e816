import { describe, expect, it } from 'vitest';
import { single, toggled } from '../../../renderer/src/features/captures/selection';

describe('Ctrl-click selection', () => {
  it('adds a row and shows it', () => {
    expect(toggled(single(1), 2)).toEqual({ active: 2, anchor: 2, ids: new Set([1, 2]) });
  });

  it('taking out the shown row shows the most recently selected one left, then none', () => {
    const three = toggled(toggled(single(1), 3), 2);
    const off = toggled(three, 2);
    expect(off).toEqual({ active: 3, anchor: 3, ids: new Set([1, 3]) });
    expect(toggled(toggled(off, 3), 1)).toEqual({ active: null, anchor: null, ids: new Set() });
  });

  it('taking out another row keeps the shown one', () => {
    expect(toggled(toggled(single(1), 2), 1)).toEqual({ active: 2, anchor: 2, ids: new Set([2]) });
  });
});
