import type Database from 'better-sqlite3';

/** One SELECT: every row, or the first one. */
export interface Read {
  sql: string;
  params: unknown[];
  rows: 'all' | 'first';
}

/**
 * A query as data: its SELECTs, and what to make of their results. Plain data, so it can run on the receiver's
 * connection or be handed to the background reader's (see background-reader.ts) and give the same answer.
 */
export interface ReadPlan<T> {
  reads: Read[];
  finish(results: unknown[]): T;
}

export function runRead(db: Database.Database, read: Read): unknown {
  const statement = db.prepare(read.sql);
  return read.rows === 'all' ? statement.all(...read.params) : statement.get(...read.params);
}

/** Runs a plan on this connection, now. */
export function readHere<T>(db: Database.Database, plan: ReadPlan<T>): T {
  return plan.finish(plan.reads.map((read) => runRead(db, read)));
}

/** A plan whose answer is already known (a kept counter): nothing to read. */
export const known = <T>(value: T): ReadPlan<T> => ({ reads: [], finish: () => value });
