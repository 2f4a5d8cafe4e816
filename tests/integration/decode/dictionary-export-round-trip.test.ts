import { describe, expect, it } from 'vitest';
import { useLabelApp } from './label-app';

const t = useLabelApp();
const { ok } = t;

interface Entry {
  fieldId: string;
  label: string;
  activityId: string | null;
  displayType: string | null;
}

/** An instance schema whose display types include ones Ortto uses that Hookscope does not list. */
const schema = {
  namespaces: {
    '': {
      fields: {
        'str::first': { id: 'str::first', name: 'Given name', display_type: 'text' },
        'geo::region': { id: 'geo::region', name: 'Region', display_type: 'region_picker' },
        'act:cm:quote-sent': {
          id: 'act:cm:quote-sent',
          name: 'Quote sent',
          display_type: 'activity',
          attributes: [{ id: 'obj:cm:quote', name: 'Quote', display_type: 'quote_object' }],
        },
      },
    },
  },
};

describe('custom dictionary export → import', () => {
  it.each(['json', 'csv'] as const)(
    '%s keeps every entry of an instance schema, display types Hookscope does not list included',
    async (format) => {
      const first = await ok<{ dictionary: { id: number }; imported: number }>('dictionary.custom.import', {
        name: 'Schema',
        format: 'ortto-schema',
        content: JSON.stringify(schema),
      });
      expect(first.imported).toBe(4);
      const exported = await ok<{ content: string }>('dictionary.custom.export', {
        id: first.dictionary.id,
        format,
      });

      const again = await ok<{ dictionary: { id: number }; imported: number; errors: string[] }>(
        'dictionary.custom.import',
        { name: 'Schema again', format, content: exported.content },
      );

      expect(again.errors).toEqual([]);
      expect(again.imported).toBe(4);
      const before = await ok<{ entries: Entry[] }>('dictionary.custom.get', { id: first.dictionary.id });
      const after = await ok<{ entries: Entry[] }>('dictionary.custom.get', { id: again.dictionary.id });
      expect(after.entries).toEqual(before.entries);
      expect(after.entries.map((e) => e.displayType).sort()).toEqual(
        ['activity', 'quote_object', 'region_picker', 'text'].sort(),
      );
    },
  );

  it('still refuses a misspelt display type in a hand-made list of entries', async () => {
    const res = await t.app.rpc('dictionary.custom.import', {
      name: 'Hand-made',
      format: 'json',
      content: JSON.stringify({
        entries: [{ fieldId: 'int:cm:price', label: 'Price', displayType: 'curency' }],
      }),
    });
    expect(!res.ok && res.error.message).toMatch(/display_type for int:cm:price: "curency" is not an Ortto/);
  });

  it('still refuses a misspelt display type in a hand-written CSV', async () => {
    const res = await t.app.rpc('dictionary.custom.import', {
      name: 'Hand-written',
      format: 'csv',
      content: 'id,label,display_type\nint:cm:price,Price,curency',
    });
    expect(!res.ok && res.error.message).toMatch(/display_type for int:cm:price: "curency" is not an Ortto/);
  });
});
