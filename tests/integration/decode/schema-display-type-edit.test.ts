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

/** Ortto's own display type for a region field, which Hookscope does not list. */
const schema = {
  namespaces: {
    '': { fields: { 'geo::region': { id: 'geo::region', name: 'Region', display_type: 'region_picker' } } },
  },
};

describe('editing an entry an instance schema gave a display type Hookscope does not list', () => {
  it('relabels it, or moves it to another ID, keeping that display type; elsewhere the type is still refused', async () => {
    const { dictionary } = await ok<{ dictionary: { id: number } }>('dictionary.custom.import', {
      name: 'Schema',
      format: 'ortto-schema',
      content: JSON.stringify(schema),
    });
    // What the Dictionary view's Edit → Save label sends: the entry as loaded, with the new label.
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId: dictionary.id,
      entry: { fieldId: 'geo::region', label: 'Sales region', displayType: 'region_picker' },
    });
    await ok('dictionary.custom.upsertEntry', {
      dictionaryId: dictionary.id,
      entry: { fieldId: 'geo:cm:territory', label: 'Territory', displayType: 'region_picker' },
    });
    const { entries } = await ok<{ entries: Entry[] }>('dictionary.custom.get', { id: dictionary.id });
    expect(entries.map((e) => [e.fieldId, e.label, e.displayType]).sort()).toEqual([
      ['geo::region', 'Sales region', 'region_picker'],
      ['geo:cm:territory', 'Territory', 'region_picker'],
    ]);

    const other = await ok<{ id: number }>('dictionary.custom.create', { name: 'By hand' });
    const refused = await t.app.rpc('dictionary.custom.upsertEntry', {
      dictionaryId: other.id,
      entry: { fieldId: 'geo::region', label: 'Region', displayType: 'region_picker' },
    });
    expect(!refused.ok && refused.error.message).toMatch(
      /^entry\.displayType: "region_picker" is not an Ortto display type/,
    );
    const misspelt = await t.app.rpc('dictionary.custom.upsertEntry', {
      dictionaryId: dictionary.id,
      entry: { fieldId: 'int:cm:price', label: 'Price', displayType: 'curency' },
    });
    expect(!misspelt.ok && misspelt.error.message).toMatch(/^entry\.displayType: "curency" is not an Ortto/);
  });
});
