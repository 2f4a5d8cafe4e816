import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface RuleProgress {
  /** The rule the count belongs to, as ResponseRules serialises it. */
  version: string;
  counted: number;
  /** How many times saving the endpoint restarted its count (see `ResponseRules.reset`). */
  generation: number;
}

/** Where ResponseRules keeps its counts between runs. */
export interface RuleProgressPersistence {
  /** The count stored for this endpoint under this rule version, if there is one. */
  load(endpointId: number, version: string): number | undefined;
  /** How many times the endpoint's count was restarted, 0 if never. */
  generation(endpointId: number): number;
  save(entries: Map<number, RuleProgress>): void;
  /** Drops the endpoint's count and keeps its new generation. */
  restart(endpointId: number, generation: number): void;
}

/** A rule version (as ResponseRules serialises it) as stored: in `rule_progress` and with a capture's response. */
export const ruleVersionHash = (version: string) => createHash('sha256').update(version).digest('hex');

/** Rule counts in SQLite (`rule_progress`), one row per endpoint, keyed to a hash of the rule they count for. */
export class RuleProgressStore implements RuleProgressPersistence {
  private readonly select: Database.Statement;
  private readonly selectGeneration: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly restartCount: Database.Statement;
  private readonly saveAll: (entries: Map<number, RuleProgress>) => void;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT rule_version, counted FROM rule_progress WHERE endpoint_id = ?');
    this.selectGeneration = db.prepare('SELECT generation FROM rule_progress WHERE endpoint_id = ?').pluck();
    this.upsert = db.prepare(
      `INSERT INTO rule_progress (endpoint_id, rule_version, counted, generation) VALUES (?, ?, ?, ?)
       ON CONFLICT (endpoint_id) DO UPDATE SET rule_version = excluded.rule_version, counted = excluded.counted,
         generation = excluded.generation`,
    );
    // An empty rule version matches no rule's hash, so no rule reads the dropped count.
    this.restartCount = db.prepare(
      `INSERT INTO rule_progress (endpoint_id, rule_version, counted, generation) VALUES (?, '', 0, ?)
       ON CONFLICT (endpoint_id) DO UPDATE SET rule_version = '', counted = 0, generation = excluded.generation`,
    );
    this.saveAll = db.transaction((entries: Map<number, RuleProgress>) => {
      for (const [endpointId, { version, counted, generation }] of entries)
        this.upsert.run(endpointId, ruleVersionHash(version), counted, generation);
    });
  }

  load(endpointId: number, version: string): number | undefined {
    const row = this.select.get(endpointId) as { rule_version: string; counted: number } | undefined;
    return row && row.rule_version === ruleVersionHash(version) ? row.counted : undefined;
  }

  generation(endpointId: number): number {
    return (this.selectGeneration.get(endpointId) as number | undefined) ?? 0;
  }

  save(entries: Map<number, RuleProgress>): void {
    if (entries.size > 0) this.saveAll(entries);
  }

  restart(endpointId: number, generation: number): void {
    this.restartCount.run(endpointId, generation);
  }
}
