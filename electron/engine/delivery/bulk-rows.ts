import type Database from 'better-sqlite3';

export interface BulkItem {
  row: number;
  record: Record<string, string>;
}

/** Rows stored (and parsed again after a restart) per part: about 10 ms of work each. */
export const ROWS_PER_PART = 10_000;

/**
 * A bulk job's rows, read a part at a time: after a restart a job of 200k rows is not parsed whole (about 270 ms in
 * one turn) to enqueue its next batch. Keeps the last part it read.
 */
export class BulkRows {
  private cached: { part: number; items: BulkItem[] } | undefined;

  private constructor(
    readonly count: number,
    private readonly load: (part: number) => BulkItem[],
    private readonly perPart = ROWS_PER_PART,
  ) {}

  /** The rows a start has just parsed (and stored). */
  static inMemory(items: BulkItem[]): BulkRows {
    return new BulkRows(items.length, (part) =>
      items.slice(part * ROWS_PER_PART, (part + 1) * ROWS_PER_PART),
    );
  }

  /** The rows stored under `rowsKey`; counting them parses only the last part (in SQLite). */
  static stored(db: Database.Database, rowsKey: number | null): BulkRows {
    const { parts, last } = db
      .prepare(
        `SELECT COUNT(*) AS parts,
                (SELECT json_array_length(rows_json) FROM bulk_job_rows WHERE rows_key = @key ORDER BY part DESC LIMIT 1)
                  AS last
           FROM bulk_job_rows WHERE rows_key = @key`,
      )
      .get({ key: rowsKey }) as { parts: number; last: number | null };
    const read = db.prepare('SELECT rows_json FROM bulk_job_rows WHERE rows_key = ? AND part = ?').pluck();
    const count = parts === 0 ? 0 : (parts - 1) * ROWS_PER_PART + (last ?? 0);
    const load = (part: number) =>
      JSON.parse((read.get(rowsKey, part) as string | undefined) ?? '[]') as BulkItem[];
    // Parts before the last are full; a job migrated from before parts has all its rows in part 0.
    return new BulkRows(count, load, parts === 1 ? Math.max(ROWS_PER_PART, count) : ROWS_PER_PART);
  }

  /** Rows `from` (inclusive) to `to` (exclusive), 0-based; reads at most the parts that hold them. */
  slice(from: number, to: number): BulkItem[] {
    const out: BulkItem[] = [];
    for (let at = from; at < Math.min(to, this.count);) {
      const part = Math.floor(at / this.perPart);
      const items = this.part(part);
      const start = at - part * this.perPart;
      const taken = items.slice(start, start + (to - at));
      if (taken.length === 0) break;
      out.push(...taken);
      at += taken.length;
    }
    return out;
  }

  private part(part: number): BulkItem[] {
    if (this.cached?.part !== part) this.cached = { part, items: this.load(part) };
    return this.cached.items;
  }
}
