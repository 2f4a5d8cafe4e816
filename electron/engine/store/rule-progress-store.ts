import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface RuleProgress {
  /** The rule the count belongs to, as ResponseRules serialises it. */
  version: string;
  counted: number;
}

/** Where ResponseRules keeps its counts between runs. */
export interface RuleProgressPersistence {
  /** The count stored for this endpoint under this rule version, if there is one. */
  load(endpointId: number, version: string): number | undefined;
  save(entries: Map<number, RuleProgress>): void;
  forget(endpointId: number): void;
}

/** A rule version (as ResponseRules serialises it) as stored: in `rule_progress` and with a capture's response. */
export const ruleVersionHash = (version: string) => createHash('sha256').update(version).digest('hex');

/** Rule counts in SQLite (`rule_progress`), one row per endpoint, keyed to a hash of the rule they count for. */
export class RuleProgressStore implements RuleProgressPersistence {
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly saveAll: (entries: Map<number, RuleProgress>) => void;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT rule_version, counted FROM rule_progress WHERE endpoint_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO rule_progress (endpoint_id, rule_version, counted) VALUES (?, ?, ?)
       ON CONFLICT (endpoint_id) DO UPDATE SET rule_version = excluded.rule_version, counted = excluded.counted`,
    );
    this.remove = db.prepare('DELETE FROM rule_progress WHERE endpoint_id = ?');
    this.saveAll = db.transaction((entries: Map<number, RuleProgress>) => {
      for (const [endpointId, { version, counted }] of entries)
        this.upsert.run(endpointId, ruleVersionHash(version), counted);
    });
  }

  load(endpointId: number, version: string): number | undefined {
    const row = this.select.get(endpointId) as { rule_version: string; counted: number } | undefined;
    return row && row.rule_version === ruleVersionHash(version) ? row.counted : undefined;
  }

  save(entries: Map<number, RuleProgress>): void {
    if (entries.size > 0) this.saveAll(entries);
  }

  forget(endpointId: number): void {
    this.remove.run(endpointId);
  }
}
