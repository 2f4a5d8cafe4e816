import { describe, expect, it } from 'vitest';
import { recordFromPayload, recordsFromFile } from '../../../electron/shared/send/merge-fields';
import { recordsFromFileInTurns } from '../../../electron/shared/send/records';

describe('recordsFromFile', () => {
  it('reads CSV rows with quoted commas, a BOM and blank lines', () => {
    const csv =
      '\uFEFFFirst Name,Email,Note\n"Smith, Mary",mary@example.com,"said ""hi"""\n\nAda,ada@example.com,\n';
    const { rows, errors } = recordsFromFile(csv, 'csv');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { 'First Name': 'Smith, Mary', Email: 'mary@example.com', Note: 'said "hi"' },
      { 'First Name': 'Ada', Email: 'ada@example.com', Note: '' },
    ]);
  });

  it('names a malformed CSV row and leaves it out instead of sending half of it', () => {
    const { rows, errors } = recordsFromFile('a,b\n1,2\n3,4,5\n6,7\n', 'csv');
    expect(rows).toEqual([
      { a: '1', b: '2' },
      { a: '6', b: '7' },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.row).toBe(2);
    expect(errors[0]?.message).toMatch(/^row 2: /);
  });

  it('an unterminated quote leaves out its own row (and names it), not the row after', () => {
    const { rows, errors } = recordsFromFile('n,m\n1,a\n2,"unterminated\n3,c\n', 'csv');
    expect(rows).toEqual([{ n: '1', m: 'a' }]);
    expect(errors).toEqual([
      { row: 2, message: expect.stringMatching(/^row 2: quoted field unterminated .*no later line is read/) },
    ]);
  });

  it('reads a one-column CSV without a delimiter warning', () => {
    expect(recordsFromFile('email\na@x\n', 'csv')).toEqual({ rows: [{ email: 'a@x' }], errors: [] });
  });

  it('reports a duplicated CSV column', () => {
    const { errors } = recordsFromFile('email,email\na,b\n', 'csv');
    expect(errors.some((e) => e.message.includes('column "email" appears twice'))).toBe(true);
  });

  it('reads a JSON array of objects, flattening nested values to strings', () => {
    const { rows, errors } = recordsFromFile(
      '[{"id": 8, "contact": {"email": "m@x"}, "tags": ["a", "b"], "vip": true}]',
      'json',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ id: '8', 'contact.email': 'm@x', 'tags.0': 'a', 'tags.1': 'b', vip: 'true' }]);
  });

  it('names JSON rows that are not objects, and invalid JSON', () => {
    const { rows, errors } = recordsFromFile('[{"a":1}, 5, null]', 'json');
    expect(rows).toEqual([{ a: '1' }]);
    expect(errors.map((e) => e.row)).toEqual([2, 3]);
    expect(errors[0]?.message).toContain('expected an object, got number');
    const bad = recordsFromFile('[{"a":', 'json');
    expect(bad.rows).toEqual([]);
    expect(bad.errors[0]?.message).toMatch(/^file: not valid JSON/);
  });

  it('refuses a top-level number, string or null as the file, not as a row', async () => {
    for (const [content, got] of [
      ['42', 'number'],
      ['"x"', 'string'],
      ['null', 'null'],
    ]) {
      const message = `file: must be a JSON array of objects (or one object), got ${got}`;
      expect(recordsFromFile(content!, 'json')).toEqual({ rows: [], errors: [{ row: 0, message }] });
      expect(await recordsFromFileInTurns(content!, 'json', setImmediate)).toEqual({
        rows: [],
        errors: [{ row: 0, message }],
      });
    }
  });

  it('treats a single JSON object as one row', () => {
    expect(recordsFromFile('{"email":"x@y"}', 'json').rows).toEqual([{ email: 'x@y' }]);
  });
});

describe('recordsFromFileInTurns', () => {
  const byRow = (r: ReturnType<typeof recordsFromFile>) => ({
    rows: r.rows,
    errors: [...r.errors].sort((a, b) => a.row - b.row || a.message.localeCompare(b.message)),
  });
  const lines = Array.from({ length: 300 }, (_, i) =>
    i % 37 === 5 ? `${i}` : i % 53 === 7 ? `"${i}"x,1` : `${i},"line\n${i}"`,
  );
  it.each([
    ['quoted line breaks, ragged and malformed rows', ['h1,h2', ...lines].join('\n')],
    ['a BOM, duplicate and blank column names, blank lines', '\uFEFFa,a,,b\n1,2,3,4\n5,6,7,8,9\n\n\n10'],
    ['semicolons and CRLF', 'a;b\r\n1;2\r\n3;"4\r\n5"\r\n6;7\r\n'],
    ['an unterminated quote', ['h1,h2', ...lines.slice(0, 50), '"open,1', '5,6'].join('\n')],
  ])('reads %s as recordsFromFile does, whatever the chunk size', async (_, csv) => {
    for (const chunkChars of [20, 100, 1000, 1 << 20]) {
      const inTurns = await recordsFromFileInTurns(csv, 'csv', (resume) => setImmediate(resume), chunkChars);
      expect(byRow(inTurns)).toEqual(byRow(recordsFromFile(csv, 'csv')));
    }
  });
});

describe('recordsFromFileInTurns with JSON', () => {
  const items = Array.from({ length: 120 }, (_, i) =>
    i % 17 === 3 ? i : { id: i, contact: { email: `u${i}@x`, name: `N\u00e9 ${i} \ud83d\ude00` }, tags: [i] },
  );
  it.each([
    ['an array of objects with rows that are not', JSON.stringify(items, null, 1)],
    ['one object, after a BOM', '\uFEFF {"a": {"b": [1, null]}, "__proto__": {"x": 1}} '],
    ['a number', '42'],
    ['an empty array', '[]'],
  ])('reads %s as recordsFromFile does, a chunk per turn', async (_, json) => {
    for (const chunkChars of [1, 7, 100, 1 << 20]) {
      let turns = 0;
      const inTurns = await recordsFromFileInTurns(
        json,
        'json',
        (resume) => {
          turns++;
          setImmediate(resume);
        },
        chunkChars,
      );
      expect(inTurns).toEqual(recordsFromFile(json, 'json'));
      expect(turns).toBe(Math.ceil(json.replace(/^\uFEFF/, '').length / chunkChars) - 1);
    }
  });

  it.each([
    ['[{"a":1},{"a":2},{"a":3 x}]', 'unexpected "x" at byte 24, in row 3'],
    ['[{"a":1},{"a":2},{"a":3}', 'Unexpected end of JSON input'],
    ['[{"a":1},{"a":2}] {"a":3}', 'unexpected "{" at byte 18'],
    ['[{"a":1},{"a":2},]', 'unexpected "]", in row 3'],
    ['', 'Unexpected end of JSON input'],
  ])('refuses the whole of %j, naming where it breaks', async (json, why) => {
    for (const chunkChars of [5, 1 << 20]) {
      const inTurns = await recordsFromFileInTurns(
        json,
        'json',
        (resume) => setImmediate(resume),
        chunkChars,
      );
      expect(inTurns).toEqual({ rows: [], errors: [{ row: 0, message: `file: not valid JSON (${why})` }] });
    }
  });
});

describe('recordFromPayload', () => {
  it('detects the format when the content type is missing', () => {
    expect(recordFromPayload(null, 'a=1&b=two+words')).toEqual({ a: '1', b: 'two words' });
    expect(recordFromPayload(null, '{"a":{"b":1}}')).toEqual({ 'a.b': '1' });
    expect(recordFromPayload('application/xml', '<contact><email>x@y</email></contact>')).toEqual({
      'contact.email': 'x@y',
    });
  });

  it('returns an empty record for text and for broken JSON', () => {
    expect(recordFromPayload('text/plain', 'hello')).toEqual({});
    expect(recordFromPayload('application/json', '{"a":')).toEqual({});
  });
});
