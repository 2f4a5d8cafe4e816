import { afterEach, describe, expect, it } from 'vitest';
import { nestForm } from '../../../renderer/src/lib/form';

// Form keys are the sender's. Nesting `a[][__proto__][x]=1` must build a field named __proto__, not write to
// Object.prototype of the whole page.
const probe = () => ({}) as Record<string, unknown>;

describe('nesting form keys that name prototype members', () => {
  afterEach(() => {
    for (const key of ['polluted', 'p2', 'p3', '']) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it.each([
    ['a[][__proto__][polluted]', 'polluted'],
    ['b[][constructor][prototype][p2]', 'p2'],
    ['c[0][__proto__][p3]', 'p3'],
    ['d[][__proto__]', ''],
  ])('%s leaves Object.prototype alone and keeps the value', (key, name) => {
    const nested = nestForm([[key, 'yes']]);
    expect(probe()[name]).toBeUndefined();
    expect(JSON.stringify(nested)).toContain('"yes"');
  });

  it('keeps __proto__ and constructor as ordinary field names inside arrays', () => {
    const nested = nestForm([
      ['a[][__proto__][x]', '1'],
      ['b[][constructor]', '2'],
    ]);
    expect(JSON.parse(JSON.stringify(nested))).toEqual({
      a: [{ ['__proto__']: { x: '1' } }],
      b: [{ constructor: '2' }],
    });
  });
});
