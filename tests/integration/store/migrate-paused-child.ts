// Child process for the upgrade-killed test: migrates a database with the given migrations folder; a migration that
// calls pause_here() says so on stdout and then waits forever (until the parent kills it).
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../../electron/engine/store/migrator';

const db = new Database(process.argv[2]!);
db.pragma('journal_mode = WAL');
db.function('pause_here', () => {
  process.stdout.write('paused\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  return 0;
});
migrate(db, loadMigrations(process.argv[3]!));
