import { describe, expect, it } from 'vitest';
import { instanceSchema } from '../../unit/decode/instance-schema';
import { useLabelApp } from './label-app';

const t = useLabelApp();

interface Imported {
  dictionary: { id: number; source: string };
}

describe('a JSON export imported again', () => {
  it.each(['json', 'auto'] as const)(
    'keeps the source the export records (format %s), an instance schema included',
    async (format) => {
      const first = await t.ok<Imported>('dictionary.custom.import', {
        name: 'Schema',
        format: 'ortto-schema',
        content: JSON.stringify(instanceSchema),
        dictionaryId: null,
      });
      expect(first.dictionary.source).toBe('ortto-schema');
      const exported = await t.ok<{ content: string }>('dictionary.custom.export', {
        id: first.dictionary.id,
        format: 'json',
      });

      const again = await t.ok<Imported>('dictionary.custom.import', {
        name: 'Schema again',
        format,
        content: exported.content,
        dictionaryId: null,
      });
      expect(again.dictionary.source).toBe('ortto-schema');
    },
  );

  it('a JSON list that is not an export, or an export naming no known source, is recorded as JSON', async () => {
    for (const content of [
      '[{"fieldId": "str:cm:a", "label": "Alpha"}]',
      '{"name": "X", "source": "spreadsheet", "entries": [{"fieldId": "str:cm:a", "label": "Alpha"}]}',
    ]) {
      const r = await t.ok<Imported>('dictionary.custom.import', {
        name: 'Plain',
        format: 'json',
        content,
        dictionaryId: null,
      });
      expect(r.dictionary.source).toBe('json');
    }
  });
});
