import { deliveryHarness } from './helpers';

type Harness = ReturnType<typeof deliveryHarness>;

/**
 * Closes `a`, makes the stored rows of its bulk jobs unreadable (only the part numbered `onlyPart` when given), and
 * returns a started harness on the same data.
 */
export async function restartWithUnreadableRows(a: Harness, onlyPart?: number): Promise<Harness> {
  await a.service.close();
  if (onlyPart === undefined) a.db.prepare(`UPDATE bulk_job_rows SET rows_json = 'not json'`).run();
  else a.db.prepare(`UPDATE bulk_job_rows SET rows_json = 'not json' WHERE part = ?`).run(onlyPart);
  a.db.close();
  const b = deliveryHarness({}, { dataDir: a.dataDir });
  b.service.start();
  return b;
}
