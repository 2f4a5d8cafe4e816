import { describe, expect, it } from 'vitest';
import { filterEntries } from '../../../renderer/src/features/decode/filter-entries';
import type { DictionaryEntryRow } from '../../../electron/shared/contract/decode';

const row = (vendor: string, id: string, label: string, kind = 'field'): DictionaryEntryRow => ({
  vendor,
  id,
  kind,
  label,
  altLabels: [],
  activityId: null,
  displayType: null,
  confidence: null,
  sources: [],
  note: null,
  origin: 'built-in',
  dictionaryId: null,
});

const rows = [
  row('Ortto', 'str::ifn', 'Initial UTM campaign name'),
  row('Ortto', 'str::cn', 'Campaign name'),
  row('Ortto', 'str::cnx', 'Campaign name (extra)'),
  row('Ontraport', 'firstname', 'First name'),
];

describe('dictionary search', () => {
  it('finds entries by vendor', () => {
    expect(filterEntries(rows, { text: 'ontraport', vendor: '', kind: '' }).map((r) => r.id)).toEqual([
      'firstname',
    ]);
  });

  it('ranks the exact label first, then labels that start with the text', () => {
    expect(filterEntries(rows, { text: 'Campaign name', vendor: '', kind: '' }).map((r) => r.id)).toEqual([
      'str::cn',
      'str::cnx',
      'str::ifn',
    ]);
  });
});
