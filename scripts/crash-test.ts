// npm run test:crash [-- --rounds 10 --connections 32]
// Loads an engine (child process) at a high rate, SIGKILLs it at a random moment, restarts it over the same data
// dir, 10 times. After each kill: every 2xx-acknowledged capture is stored with the right SHA-256 and
// PRAGMA integrity_check is ok. At the end the kept counters match the rows and the index catches up.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openStores } from '../electron/engine/store/open-stores';
import { systemClock } from '../electron/engine/util/clock';
import { crashRound } from '../tests/helpers/crash-run';
import { tempDir } from '../tests/helpers/temp-dir';
import { parseFlags, table } from './bench/bench-util';

const flags = parseFlags(process.argv.slice(2), { rounds: 'number', connections: 'number', 'min-ms': 'number', 'max-ms': 'number' });
const rounds = (flags.rounds as number | undefined) ?? 10;
const connections = (flags.connections as number | undefined) ?? 32;
const minMs = (flags['min-ms'] as number | undefined) ?? 300;
const maxMs = (flags['max-ms'] as number | undefined) ?? 2500;

const dir = tempDir('hookscope-crash-');
const rows: Array<Array<string | number>> = [];
let failures = 0;
let acknowledgedTotal = 0;
try {
  console.log(`crash test: ${rounds} rounds, ${connections} connections, SIGKILL after ${minMs}–${maxMs} ms, data dir ${dir.path}`);
  for (let round = 1; round <= rounds; round++) {
    const killAfterMs = Math.round(minMs + Math.random() * (maxMs - minMs));
    const r = await crashRound(dir.path, { killAfterMs, connections });
    acknowledgedTotal += r.acknowledged;
    const ok = r.integrity === 'ok' && r.missing === 0 && r.corrupted === 0 && r.stored >= acknowledgedTotal && r.acknowledged > 0;
    if (!ok) failures++;
    rows.push([round, killAfterMs, r.acknowledged, r.missing, r.corrupted, r.integrity, r.stored, ok ? 'ok' : 'FAILED']);
    console.log(`  round ${round}: killed after ${killAfterMs} ms, ${r.acknowledged} acknowledged, ${r.missing} missing, ${r.corrupted} corrupted, integrity ${r.integrity}, ${r.stored} rows in total`);
  }

  // Reopen through the store: counters kept in the same transactions as the rows must match them exactly.
  const stores = openStores({ dataDir: dir.path, clock: systemClock });
  stores.captures.indexer.drain();
  const stats = stores.captures.stats();
  stores.captures.close();
  stores.db.close();
  const db = new Database(join(dir.path, 'hookscope.sqlite'), { readonly: true });
  const real = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(stored_body_size), 0) AS bytes FROM captures').get() as { n: number; bytes: number };
  const orphanBodies = (db.prepare('SELECT COUNT(*) AS n FROM capture_bodies WHERE capture_id NOT IN (SELECT id FROM captures)').get() as { n: number }).n;
  db.close();
  const consistent = stats.count === real.n && stats.bodyBytes === real.bytes && orphanBodies === 0 && stats.indexLagRows === 0;
  if (!consistent) failures++;
  console.log('\n' + table(['round', 'kill after ms', 'acknowledged', 'missing', 'corrupted', 'integrity_check', 'rows stored (cumulative)', 'verdict'], rows));
  console.log(
    `\nafter restart: counter ${stats.count} rows / ${stats.bodyBytes} bytes vs actual ${real.n} / ${real.bytes}; ` +
      `${orphanBodies} orphan bodies; index lag ${stats.indexLagRows} rows → ${consistent ? 'consistent' : 'INCONSISTENT'}`,
  );
  console.log(
    'deliveries: not covered here — the delivery queue is not yet part of createEngine; its restart behaviour ' +
      '(no loss, no duplicate over a clean close and two racing engines) is tested in tests/integration/delivery/restart.test.ts.',
  );
  console.log(failures === 0 ? `\nPASS: ${acknowledgedTotal} acknowledged captures over ${rounds} kills, none lost or damaged.` : `\nFAIL: ${failures} check(s) failed.`);
} finally {
  dir.cleanup();
}
process.exit(failures === 0 ? 0 : 1);
