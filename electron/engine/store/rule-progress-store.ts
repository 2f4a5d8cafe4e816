import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface RuleProgress {
  /** The rule the count belongs to, as ResponseRules serialises it. */
  version: string;
  counted: number;
  /** Steps given back and not handed out again, lowest first; not in `counted`. */
  givenBack: number[];
  /** How many times saving the endpoint restarted its count (see `ResponseRules.reset`). */
  generation: number;
}

export interface StoredRuleCount {
  /** Steps handed out and not given back. */
  counted: number;
  /** Steps given back and not handed out again, lowest first. */
  givenBack: number[];
}

/** Where ResponseRules keeps its counts between runs. */
export interface RuleProgressPersistence {
  /** The count stored for this endpoint under this rule version, if there is one. */
  load(endpointId: number, version: string): StoredRuleCount | undefined;
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
    this.select = db.prepare(
      'SELECT rule_version, counted, given_back FROM rule_progress WHERE endpoint_id = ?',
    );
    this.selectGeneration = db.prepare('SELECT generation FROM rule_progress WHERE endpoint_id = ?').pluck();
    this.upsert = db.prepare(
      `INSERT INTO rule_progress (endpoint_id, rule_version, counted, given_back, generation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (endpoint_id) DO UPDATE SET rule_version = excluded.rule_version, counted = excluded.counted,
         given_back = excluded.given_back, generation = excluded.generation`,
    );
    // An empty rule version matches no rule's hash, so no rule reads the dropped count.
    this.restartCount = db.prepare(
      `INSERT INTO rule_progress (endpoint_id, rule_version, counted, given_back, generation) VALUES (?, '', 0, '[]', ?)
       ON CONFLICT (endpoint_id) DO UPDATE SET rule_version = '', counted = 0, given_back = '[]',
         generation = excluded.generation`,
    );
    this.saveAll = db.transaction((entries: Map<number, RuleProgress>) => {
      for (const [endpointId, { version, counted, givenBack, generation }] of entries)
        this.upsert.run(endpointId, ruleVersionHash(version), counted, JSON.stringify(givenBack), generation);
    });
  }

  load(endpointId: number, version: string): StoredRuleCount | undefined {
    const row = this.select.get(endpointId) as
      { rule_version: string; counted: number; given_back: string } | undefined;
    if (!row || row.rule_version !== ruleVersionHash(version)) return undefined;
    return { counted: row.counted, givenBack: readGivenBack(row.given_back) };
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

/** Stored steps given back; anything but whole, distinct, non-negative steps (a hand-edited row) is read as none. */
function readGivenBack(text: string): number[] {
  try {
    const steps: unknown = JSON.parse(text);
    if (Array.isArray(steps) && steps.every((n) => Number.isSafeInteger(n) && (n as number) >= 0))
      return [...new Set(steps as number[])].sort((a, b) => a - b);
  } catch {
    // fall through: read as none given back
  }
  return [];
}
