import { describe, expect, it } from 'vitest';
import { parseInstanceSchema, parseLabelCsv, parseLabelJson } from '../../../electron/shared/decode/custom';

const LIMIT = 50_000;
const ids = (n: number) => Array.from({ length: n }, (_, i) => `str:cm:f${i}`);
const limitLines = (errors: string[]) => errors.filter((e) => e.includes(`more than ${LIMIT} entries`));

describe('a custom dictionary import past 50,000 entries', () => {
  it('says so once, with the count of rows left out and where they start (CSV)', () => {
    const r = parseLabelCsv(['id,label', ...ids(LIMIT + 150).map((id) => `${id},Label ${id}`)].join('\n'));
    expect(r.entries).toHaveLength(LIMIT);
    expect(r.skipped).toBe(150);
    expect(limitLines(r.errors)).toEqual([
      `more than ${LIMIT} entries: the 150 from row ${LIMIT + 2} on were left out`,
    ]);
  });

  it('says so once for a JSON map, a JSON list and an instance schema', () => {
    const map = parseLabelJson(JSON.stringify(Object.fromEntries(ids(LIMIT + 3).map((id) => [id, 'L']))));
    expect(limitLines(map.errors)).toEqual([
      `more than ${LIMIT} entries: the 3 from "str:cm:f${LIMIT}" on were left out`,
    ]);
    const list = parseLabelJson(JSON.stringify(ids(LIMIT + 2).map((fieldId) => ({ fieldId, label: 'L' }))));
    expect(limitLines(list.errors)).toEqual([
      `more than ${LIMIT} entries: the 2 from [${LIMIT}] on were left out`,
    ]);
    const fields = Object.fromEntries(
      ids(LIMIT + 1).map((id) => [id, { id, name: 'L', display_type: 'text' }]),
    );
    const schema = parseInstanceSchema(JSON.stringify({ namespaces: { cm: { fields } } }));
    expect(schema.entries).toHaveLength(LIMIT);
    expect(limitLines(schema.errors)).toHaveLength(1);
  });

  it('puts that line first, where the import message shows it, ahead of the rows refused one by one', () => {
    const rows = ids(LIMIT + 100).map((id, i) => (i % 1000 === 0 ? `${id},` : `${id},L`));
    const r = parseLabelCsv(rows.join('\n'));
    expect(r.errors[0]).toMatch(/^more than 50000 entries: the \d+ from row \d+ on were left out$/);
    expect(r.errors.slice(1).every((e) => e.includes('label is missing'))).toBe(true);
  });

  it('adds no such line at the limit', () => {
    const r = parseLabelCsv(
      ids(LIMIT)
        .map((id) => `${id},L`)
        .join('\n'),
    );
    expect(r.entries).toHaveLength(LIMIT);
    expect(r.errors).toEqual([]);
  });
});
