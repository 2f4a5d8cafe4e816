import { describe, expect, it } from 'vitest';
import { parseCustomDictionary } from '../../../electron/shared/decode/index';

describe('an import that lists one ID twice', () => {
  it('keeps the later label once and names both rows, so "imported" counts what is stored', () => {
    const csv =
      'id,label,display_type\nint:cm:price,Price,currency\nstr::first,Given name,\nint:cm:price,Unit price,\n';
    const r = parseCustomDictionary(csv, 'csv');
    expect(r.entries).toEqual([
      { fieldId: 'int:cm:price', label: 'Unit price', activityId: null, displayType: null },
      { fieldId: 'str::first', label: 'Given name', activityId: null, displayType: null },
    ]);
    expect(r.skipped).toBe(1);
    expect(r.errors).toEqual([
      'row 4: int:cm:price is listed again (first at row 2); this later label is kept',
    ]);
  });

  it('counts the same ID in different activities as different entries, and a repeat inside one as a repeat', () => {
    const json = JSON.stringify([
      { fieldId: 'str::cn', label: 'Campaign', activityId: 'act::c' },
      { fieldId: 'str::cn', label: 'Campaign name' },
      { fieldId: 'str::cn', label: 'Clicked campaign', activityId: 'act::c' },
    ]);
    const r = parseCustomDictionary(json, 'json');
    expect(r.entries.map((e) => [e.label, e.activityId])).toEqual([
      ['Clicked campaign', 'act::c'],
      ['Campaign name', null],
    ]);
    expect(r.errors).toEqual([
      '[2]: str::cn in act::c is listed again (first at [0]); this later label is kept',
    ]);
  });

  it('names an ID written twice in a JSON map of id → label, which JSON.parse collapses to the last', () => {
    const r = parseCustomDictionary(
      '{"int:cm:price": {"label": "Price", "display_type": "currency"}, "str::first": "Given name", "int:cm:price": "Unit price"}',
      'json',
    );
    expect(r.entries.find((e) => e.fieldId === 'int:cm:price')).toEqual({
      fieldId: 'int:cm:price',
      label: 'Unit price',
      activityId: null,
      displayType: null,
    });
    expect(r.skipped).toBe(1);
    expect(r.errors).toEqual(['"int:cm:price": listed 2 times; only the last label is kept']);
  });
});
