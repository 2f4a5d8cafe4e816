import { expect, it } from 'vitest';
import { useCleanup } from '../../helpers/cleanup';
import { cueServer, deliveryHarness } from './helpers';

const cleanup = useCleanup();

/** Every claim from now on fails at COMMIT (a deferred foreign key); `undo` lets claims commit again. */
function claimsFailToCommit(h: ReturnType<typeof deliveryHarness>) {
  h.db.exec(`
    CREATE TABLE test_parent (id INTEGER PRIMARY KEY);
    CREATE TABLE test_child (parent INTEGER REFERENCES test_parent (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TRIGGER test_claim_commit_fails AFTER UPDATE OF lease_owner ON deliveries
      WHEN NEW.lease_owner IS NOT NULL BEGIN INSERT INTO test_child VALUES (1); END;`);
  return { undo: () => h.db.exec('DROP TRIGGER test_claim_commit_fails') };
}

it('a send whose claim fails after the delivery was stored answers with the queued delivery, which goes out once later', async () => {
  const server = await cueServer(() => ({ status: 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const claims = claimsFailToCommit(h);

  const sent = h.service.send({
    request: { method: 'POST', url: `${server.url}/queued`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  expect(sent.state).toBe('pending');
  expect(h.service.get(sent.id).state).toBe('pending');

  claims.undo();
  h.clock.advance(1_000);
  await h.settle();
  expect(h.service.get(sent.id).attemptList.map((a) => a.outcome)).toEqual(['success']);
  expect(server.received.map((r) => r.url)).toEqual(['/queued']);
});

it('a retry-now whose claim fails after the row was made due answers with the due delivery', async () => {
  const server = await cueServer((n) => ({ status: n === 0 ? 500 : 200 }));
  cleanup.push(() => server.close());
  const h = deliveryHarness();
  cleanup.push(() => h.close());
  h.service.start();
  const { id } = h.service.send({
    request: { method: 'POST', url: `${server.url}/again`, headers: [], bodyBase64: '' },
    type: 'manual',
    policy: 'none',
  } as never);
  await h.settle();
  expect(h.service.get(id).state).toBe('failed');
  const claims = claimsFailToCommit(h);

  expect(h.service.retryNow(id).state).toBe('pending');

  claims.undo();
  h.clock.advance(1_000);
  await h.settle();
  expect(h.service.get(id).attemptList.map((a) => a.outcome)).toEqual(['failed', 'success']);
  expect(server.received.map((r) => r.url)).toEqual(['/again', '/again']);
});
