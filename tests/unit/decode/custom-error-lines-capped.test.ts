import { describe, expect, it } from 'vitest';
import { parseLabelJson } from '../../../electron/shared/decode/custom';

// Every problem line of an import is capped at 100, so a file of a million bad items cannot answer with a million lines;
// `skipped` still counts them all.
describe('a custom dictionary import of many unusable items', () => {
  it('lists at most 100 problems for a JSON list of non-objects, counting every one skipped', () => {
    const r = parseLabelJson(JSON.stringify(Array(5_000).fill(1)));
    expect(r.skipped).toBe(5_000);
    expect(r.errors.length).toBeLessThanOrEqual(100);
    expect(r.errors[0]).toBe('[0]: expected an object with fieldId and label');
  });

  it('lists at most 100 problems for a JSON map of values that are no labels', () => {
    const r = parseLabelJson(
      JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`f${i}`, 1]))),
    );
    expect(r.skipped).toBe(5_000);
    expect(r.errors.length).toBeLessThanOrEqual(100);
    expect(r.errors[0]).toBe('"f0": expected a label string or an object with label');
  });
});
