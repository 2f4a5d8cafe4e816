import { describe, expect, it } from 'vitest';
import { instanceSchema } from '../../unit/decode/instance-schema';
import { useLabelApp } from './label-app';

const t = useLabelApp();

describe('a JSON file imported with the CSV format chosen', () => {
  it.each([
    ['an instance schema', JSON.stringify(instanceSchema, null, 2), 'Ortto instance schema'],
    ['an ID → label map', '{"str:cm:a": "Alpha"}', 'JSON'],
    ['a list of entries', '  [{"fieldId": "str:cm:a", "label": "Alpha"}]', 'JSON'],
  ])('is refused naming the format to choose (%s), and no dictionary is made', async (_, content, format) => {
    const res = await t.app.rpc('dictionary.custom.import', {
      name: 'Wrong',
      format: 'csv',
      content,
      dictionaryId: null,
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid_input');
    expect(res.error.message).toMatch(/^content: .*looks like JSON, not CSV/);
    expect(res.error.message).toContain(`"${format}"`);
    const list = await t.ok<{ items: unknown[] }>('dictionary.custom.list');
    expect(list.items).toEqual([]);
  });
});
