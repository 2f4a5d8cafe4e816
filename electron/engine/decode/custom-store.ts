import type Database from 'better-sqlite3';
import type { CustomDictionaryInfo } from '../../shared/contract/decode';
import type { CustomEntry } from '../../shared/decode/index';

type Source = CustomDictionaryInfo['source'];

interface DictionaryRow {
  id: number;
  name: string;
  source: Source;
  created_at_ms: number;
  updated_at_ms: number;
  entry_count: number;
}
interface EntryRow {
  dictionary_id: number;
  field_id: string;
  activity_id: string;
  label: string;
  display_type: string | null;
}

const toInfo = (r: DictionaryRow): CustomDictionaryInfo => ({
  id: r.id,
  name: r.name,
  source: r.source,
  entryCount: r.entry_count,
  createdAtMs: r.created_at_ms,
  updatedAtMs: r.updated_at_ms,
});
const toEntry = (r: EntryRow): CustomEntry => ({
  fieldId: r.field_id,
  label: r.label,
  activityId: r.activity_id === '' ? null : r.activity_id,
  displayType: r.display_type,
});

const SELECT_DICTIONARY = `SELECT d.*, (SELECT COUNT(*) FROM decode_dictionary_entries e WHERE e.dictionary_id = d.id) AS entry_count
  FROM decode_dictionaries d`;

/** Custom dictionaries in SQLite. Entries of later dictionaries override earlier ones. */
export class CustomDictionaryStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number,
  ) {}

  list(): CustomDictionaryInfo[] {
    return (this.db.prepare(`${SELECT_DICTIONARY} ORDER BY d.id`).all() as DictionaryRow[]).map(toInfo);
  }

  get(id: number): CustomDictionaryInfo | null {
    const row = this.db.prepare(`${SELECT_DICTIONARY} WHERE d.id = ?`).get(id) as DictionaryRow | undefined;
    return row ? toInfo(row) : null;
  }

  create(name: string, source: Source): CustomDictionaryInfo {
    const now = this.now();
    const result = this.db
      .prepare(
        'INSERT INTO decode_dictionaries (name, source, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?)',
      )
      .run(name, source, now, now);
    return this.get(Number(result.lastInsertRowid))!;
  }

  rename(id: number, name: string): CustomDictionaryInfo | null {
    this.db
      .prepare('UPDATE decode_dictionaries SET name = ?, updated_at_ms = ? WHERE id = ?')
      .run(name, this.now(), id);
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM decode_dictionary_entries WHERE dictionary_id = ?').run(id);
      return this.db.prepare('DELETE FROM decode_dictionaries WHERE id = ?').run(id).changes > 0;
    })();
  }

  entries(id: number): CustomEntry[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM decode_dictionary_entries WHERE dictionary_id = ? ORDER BY field_id, activity_id',
        )
        .all(id) as EntryRow[]
    ).map(toEntry);
  }

  /** Every entry of every dictionary, oldest dictionary first (so later ones win when compiled). */
  allEntries(): (CustomEntry & { dictionaryId: number })[] {
    return (
      this.db
        .prepare('SELECT * FROM decode_dictionary_entries ORDER BY dictionary_id, field_id, activity_id')
        .all() as EntryRow[]
    ).map((r) => ({ ...toEntry(r), dictionaryId: r.dictionary_id }));
  }

  /** Insert or replace entries in one transaction. */
  upsert(id: number, entries: CustomEntry[]): number {
    const stmt = this.db
      .prepare(`INSERT INTO decode_dictionary_entries (dictionary_id, field_id, activity_id, label, display_type)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (dictionary_id, field_id, activity_id) DO UPDATE SET label = excluded.label,
      display_type = excluded.display_type`);
    return this.db.transaction(() => {
      for (const e of entries) stmt.run(id, e.fieldId, e.activityId ?? '', e.label, e.displayType);
      this.db.prepare('UPDATE decode_dictionaries SET updated_at_ms = ? WHERE id = ?').run(this.now(), id);
      return entries.length;
    })();
  }

  /** Whether an entry of this dictionary has this display type. */
  holdsDisplayType(id: number, displayType: string): boolean {
    return (
      this.db
        .prepare(
          'SELECT 1 FROM decode_dictionary_entries WHERE dictionary_id = ? AND display_type = ? LIMIT 1',
        )
        .get(id, displayType) !== undefined
    );
  }

  deleteEntry(id: number, fieldId: string, activityId: string | null): boolean {
    const changes = this.db
      .prepare(
        'DELETE FROM decode_dictionary_entries WHERE dictionary_id = ? AND field_id = ? AND activity_id = ?',
      )
      .run(id, fieldId, activityId ?? '').changes;
    if (changes > 0)
      this.db.prepare('UPDATE decode_dictionaries SET updated_at_ms = ? WHERE id = ?').run(this.now(), id);
    return changes > 0;
  }
}
