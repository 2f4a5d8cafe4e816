import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

it('when the transaction claiming due rows fails to commit, no request goes out: the row is sent once, after a later claim commits', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/once`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  // Every claim leaves a row behind that breaks a deferred foreign key: the claim itself succeeds, its COMMIT fails.
  h.db.exec(`
    CREATE TABLE test_parent (id INTEGER PRIMARY KEY);
    CREATE TABLE test_child (parent INTEGER REFERENCES test_parent (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TRIGGER test_claim_commit_fails AFTER UPDATE OF lease_owner ON deliveries
      WHEN NEW.lease_owner IS NOT NULL BEGIN INSERT INTO test_child VALUES (1); END;`);
  expect(() => h.service.start()).toThrow(/FOREIGN KEY/);
  expect(h.service.get(id).state).toBe('pending');

  h.db.exec('DROP TRIGGER test_claim_commit_fails');
  h.service.queue.poke();
  await h.settle();
  expect(h.service.get(id).attemptList.map((a) => a.outcome)).toEqual(['success']);
  expect(server.received.map((r) => r.url)).toEqual(['/once']);
});
