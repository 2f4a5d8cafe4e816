import type Database from 'better-sqlite3';

const minuteMs = 60_000;

/** Captures with no endpoint (imports) are counted under this id; real endpoint ids start at 1. */
const noEndpoint = 0;

/**
 * Kept counts of captures per endpoint per minute of arrival (migration 034), so the charts' rate is a lookup of at
 * most one row per endpoint per minute instead of a walk over every capture in the window. Every insert and delete
 * of captures goes through `tally` inside its own transaction, so the counts commit or roll back with the rows.
 */
export class CaptureMinutes {
  private readonly bump: Database.Statement;
  private readonly dropEmpty: Database.Statement;
  private readonly readAll: Database.Statement;
  private readonly readEndpoint: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.bump = db.prepare(
      `INSERT INTO capture_minutes (endpoint_id, minute, captures) VALUES (?, ?, ?)
       ON CONFLICT (endpoint_id, minute) DO UPDATE SET captures = captures + excluded.captures`,
    );
    this.dropEmpty = db.prepare(
      'DELETE FROM capture_minutes WHERE endpoint_id = ? AND minute = ? AND captures <= 0',
    );
    this.readAll = db
      .prepare(
        'SELECT minute, SUM(captures) AS n FROM capture_minutes WHERE minute >= ? AND minute < ? GROUP BY minute',
      )
      .raw();
    this.readEndpoint = db
      .prepare(
        'SELECT minute, captures FROM capture_minutes WHERE endpoint_id = ? AND minute >= ? AND minute < ?',
      )
      .raw();
  }

  /** A tally for one transaction's captures: `count` each inserted (+1) or deleted (−1) capture, then `apply`. */
  tally(): { count(endpointId: number | null, receivedAtMs: number, delta: number): void; apply(): void } {
    const byKey = new Map<string, [number, number, number]>();
    let last: [number, number, number] | undefined;
    return {
      count(endpointId, receivedAtMs, delta) {
        const endpoint = endpointId ?? noEndpoint;
        const minute = Math.floor(receivedAtMs / minuteMs);
        // A group-commit batch is almost always one endpoint in one minute: skip the map for repeats.
        if (last && last[0] === endpoint && last[1] === minute) {
          last[2] += delta;
          return;
        }
        const key = `${endpoint}:${minute}`;
        last = byKey.get(key);
        if (last) last[2] += delta;
        else byKey.set(key, (last = [endpoint, minute, delta]));
      },
      apply: () => {
        for (const [endpoint, minute, delta] of byKey.values()) {
          if (delta === 0) continue;
          this.bump.run(endpoint, minute, delta);
          if (delta < 0) this.dropEmpty.run(endpoint, minute);
        }
      },
    };
  }

  clear(): void {
    this.db.prepare('DELETE FROM capture_minutes').run();
  }

  /**
   * Captures per bucket for every endpoint (`endpointId` undefined) or one, or null when the window is not made of
   * whole minutes (the caller counts rows instead).
   */
  rate(
    endpointId: number | null | undefined,
    window: { endMs: number; bucketMs: number; buckets: number },
  ): number[] | null {
    const { endMs, bucketMs, buckets } = window;
    if (bucketMs % minuteMs !== 0 || endMs % minuteMs !== 0) return null;
    const perBucket = bucketMs / minuteMs;
    const endMinute = endMs / minuteMs;
    const startMinute = endMinute - perBucket * buckets;
    const rows = (
      endpointId === undefined
        ? this.readAll.all(startMinute, endMinute)
        : this.readEndpoint.all(endpointId ?? noEndpoint, startMinute, endMinute)
    ) as Array<[number, number]>;
    const rate = new Array<number>(buckets).fill(0);
    for (const [minute, n] of rows) rate[Math.floor((minute - startMinute) / perBucket)]! += n;
    return rate;
  }
}
