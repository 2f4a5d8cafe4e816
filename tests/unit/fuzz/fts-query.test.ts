import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/engine/store/database';
import {
  attachSearchIndex,
  searchIndexFileName,
} from '../../../electron/engine/store/search-index/index-schema';
import { toFtsQuery } from '../../../electron/engine/store/capture-filter-sql';
import { tempDir } from '../../helpers/temp-dir';

let db: Database.Database;
let dir: ReturnType<typeof tempDir>;
let match: Database.Statement;

beforeAll(() => {
  dir = tempDir();
  db = openDatabase({ dataDir: dir.path });
  attachSearchIndex(db, join(dir.path, searchIndexFileName));
  const insert = db.prepare(
    'INSERT INTO captures_fts (rowid, path, query, headers, body, labels) VALUES (?, ?, ?, ?, ?, ?)',
  );
  insert.run(
    1,
    '/h/ortto',
    '',
    'content-type: application/json',
    '{"str::cn":"Trial onboarding","email":"alex@example.com"}',
    'Ortto',
  );
  insert.run(
    2,
    '/h/ontraport',
    'a=1',
    'user-agent: Ontraport',
    'data[email]=kim@example.com&event[type]=sub_tag',
    'Ontraport',
  );
  match = db.prepare('SELECT rowid FROM captures_fts WHERE captures_fts MATCH ? ORDER BY rowid DESC LIMIT 5');
});
afterAll(() => {
  db.close();
  dir.cleanup();
});

// Strings built from FTS5's own syntax, so the generator reaches the operators a user might type by accident.
const ftsSyntax = fc
  .array(
    fc.constantFrom(
      '"',
      '*',
      '^',
      ':',
      '(',
      ')',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      'NEAR(',
      '-',
      '+',
      '{',
      '}',
      ',',
      ' ',
      'str::cn',
      'email',
      '\u0000',
      'é',
      '🙂',
      '\ud800',
      '東京',
      '都',
      'ー',
      '𠮷野',
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  ftsSyntax,
);

describe('toFtsQuery (fuzzed against a real FTS5 table)', () => {
  it('turns any string into null or a query SQLite accepts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const query = toFtsQuery(text)?.match;
        if (query === undefined) return;
        expect(() => match.all(query)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a stored word typed with any surrounding FTS syntax, and never matches everything by injection', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('"', '*', '(', ')', ':', '^', '-', ' OR ', ' NOT ', '{'),
        fc.constantFrom('onboarding', 'ontraport', 'kim'),
        (junk, word) => {
          const query = toFtsQuery(`${junk}${word}`)?.match;
          const rows = query ? (match.all(query) as { rowid: number }[]) : [];
          // Each word lives in exactly one of the two rows: a query that returned both would mean injected syntax.
          expect(rows.length).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
    expect(match.all(toFtsQuery('str::cn')!.match)).toEqual([{ rowid: 1 }]);
  });
});
