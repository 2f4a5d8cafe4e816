import { describe, expect, it } from 'vitest';
import { useLabelApp } from './label-app';

const { ok } = useLabelApp();

describe('custom labels in the dictionary table', () => {
  it('are listed under the kind of the built-in ID they relabel, so the Kind filter shows them beside it', async () => {
    const imported = await ok<{ imported: number }>('dictionary.custom.import', {
      name: 'Instance',
      format: 'csv',
      content:
        'str::email,Work e-mail\nstr:o:name,Company\nstr::cn,Campaign\nstr:cm:job,Job\nf1584,Plan\nact::c,Link click',
    });
    expect(imported.imported).toBe(6);
    const { items } = await ok<{ items: { id: string; kind: string }[] }>('dictionary.entries', {
      origin: 'custom',
    });
    expect(Object.fromEntries(items.map((r) => [r.id, r.kind]))).toEqual({
      'str::email': 'person-field',
      'str:o:name': 'account-field',
      'str::cn': 'attribute',
      'str:cm:job': 'field',
      f1584: 'field',
      'act::c': 'activity',
    });
  });

  it('are listed under the vendor of the ID they relabel: Ontraport fields, custom ones (f1584) too', async () => {
    await ok('dictionary.custom.import', {
      name: 'Vendors',
      format: 'csv',
      content: 'f1585,Plan tier\nfirstname,Given name\nstr:cm:team,Team\nmy_key,Mine',
    });
    const { items } = await ok<{ items: { id: string; vendor: string }[] }>('dictionary.entries', {
      origin: 'custom',
    });
    const vendors = Object.fromEntries(items.map((r) => [r.id, r.vendor]));
    expect([vendors.f1585, vendors.firstname, vendors['str:cm:team'], vendors.my_key]).toEqual([
      'Ontraport',
      'Ontraport',
      'Ortto',
      'Custom',
    ]);
  });
});
