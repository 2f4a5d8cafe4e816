import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../electron/shared/contract/index';
import { startChild } from '../../helpers/crash-run';
import { createHttpTransport } from '../../helpers/http-client';
import { useRestartableEngine } from '../../helpers/restartable-engine';

type HttpTransport = ReturnType<typeof createHttpTransport>;

const t = useRestartableEngine();
const { call, start } = t;
const failFirst = (delayMs: number) => ({
  status: 200,
  headers: [],
  body: 'ok',
  delayMs,
  behaviour: { kind: 'fail-first' as const, count: 1, failStatus: 503 },
});

const receiverChild = join(import.meta.dirname, 'crash-child.ts');
const apiChild = join(import.meta.dirname, '../../../scripts/crash-child-api.ts');
const notSent503 =
  'not sent: Hookscope was killed before the response was written; the rule would have answered 503 ' +
  '(fail-first: request 1 of 1 failed on purpose)';

/** A fresh data dir holding what `create` made through an engine closed again, for a child to start over. */
async function prepared<T>(create: () => T): Promise<Awaited<T>> {
  await start();
  const made = await create();
  await t.stop();
  return made;
}

/**
 * Runs `script` as a child engine over the data dir, takes `steps` against it, SIGKILLs it, and starts this test's
 * engine over what it left. `api()` is the child's control API (crash-child-api.ts only).
 */
async function killAfter(
  script: string,
  steps: (child: { receiverUrl: string; api: () => HttpTransport }) => Promise<void>,
): Promise<void> {
  const { child, info } = await startChild(script, t.dataDir);
  const exited = new Promise((r) => child.once('exit', r));
  let api: HttpTransport | undefined;
  try {
    await steps({
      receiverUrl: info.receiverUrl!,
      api: () => (api ??= createHttpTransport(info.apiUrl!, info.token!)),
    });
    child.kill('SIGKILL');
    await exited;
  } finally {
    api?.close();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await start();
}

/** The requests the endpoint's rule has counted, as the restarted engine lists them. */
const ruleRequests = async (id: number) =>
  (await call('endpoints.list', {})).items.find((e: Endpoint & { ruleRequests?: number }) => e.id === id)
    ?.ruleRequests;

/** Polls the killed-to-be child's database until `sql` finds a row (it is committed and visible to other readers). */
async function untilRow(sql: string, ...params: unknown[]): Promise<void> {
  const db = new Database(join(t.dataDir, 'hookscope.sqlite'), { readonly: true, fileMustExist: true });
  try {
    while (db.prepare(sql).get(...params) === undefined) await new Promise((r) => setTimeout(r, 50));
  } finally {
    db.close();
  }
}

/** Until the child has committed a capture for the endpoint (still in its inbox or already stored). */
const untilCaptured = (endpointId: number) =>
  untilRow(
    `SELECT 1 FROM capture_inbox WHERE json_extract(capture, '$.endpointId') = ?
     UNION ALL SELECT 1 FROM captures WHERE endpoint_id = ?`,
    endpointId,
    endpointId,
  );

describe('a kill while a response waits out its rule delay', () => {
  it('is recorded at the next start as never sent, with its rule step given back; a response written first is not', async () => {
    const { quick, slow } = await prepared(async () => ({
      quick: await call('endpoints.create', { slug: 'quick', name: 'Quick', rule: failFirst(100) }),
      slow: await call('endpoints.create', { slug: 'slow', name: 'Slow', rule: failFirst(60_000) }),
    }));
    let quickId = 0;
    await killAfter(receiverChild, async ({ receiverUrl }) => {
      const answered = await fetch(`${receiverUrl}/h/quick`, { method: 'POST', body: 'a' });
      expect(answered.status).toBe(503);
      quickId = Number(answered.headers.get('x-hookscope-capture-id'));
      void fetch(`${receiverUrl}/h/slow`, { method: 'POST', body: 'b' }).catch(() => undefined);
      // Committed, and the step it took counted by the child (it keeps its counts every second).
      await untilCaptured(slow.id);
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', slow.id);
    });

    const items = (await call('captures.list', { limit: 10 })).items;
    const slowId = items.find((c) => c.endpointId === slow.id)!.id;
    const cutOff = await call('captures.get', { id: slowId });
    expect(cutOff.responseStatus).toBeNull();
    expect(cutOff.response?.reason).toBe(`${notSent503}, and that step was given back`);
    expect(cutOff.response).not.toHaveProperty('ruleStep');
    const written = await call('captures.get', { id: quickId });
    expect(written.responseStatus).toBe(503);
    expect(written.response?.reason).toBe('fail-first: request 1 of 1 failed on purpose');
    expect(await ruleRequests(slow.id)).toBe(0);
    expect(await ruleRequests(quick.id)).toBe(1);
  }, 30_000);

  it('a response killed between its write and its mark as written is kept, and said to be uncertain', async () => {
    const ep = await prepared(() =>
      call('endpoints.create', { slug: 'writing', name: 'Writing', rule: failFirst(100) }),
    );
    let id = 0;
    await killAfter(receiverChild, async ({ receiverUrl }) => {
      const answered = await fetch(`${receiverUrl}/h/writing`, { method: 'POST', body: 'a' });
      expect(answered.status).toBe(503);
      id = Number(answered.headers.get('x-hookscope-capture-id'));
      await untilRow('SELECT 1 FROM responses_written WHERE capture_id = ?', id);
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', ep.id);
      // What a kill after the write and before its mark leaves (a SIGKILL cannot be aimed at that window).
      const db = new Database(join(t.dataDir, 'hookscope.sqlite'));
      db.prepare('DELETE FROM responses_written WHERE capture_id = ?').run(id);
      db.close();
    });

    const capture = await call('captures.get', { id });
    expect(capture.responseStatus).toBe(503);
    expect(capture.response?.reason).toBe(
      'fail-first: request 1 of 1 failed on purpose; Hookscope was killed while writing this response, ' +
        'so the client may not have received it',
    );
    expect(await ruleRequests(ep.id)).toBe(1);
  }, 30_000);

  it("gives a cut-off response's step back to the rule that counted it, never to the rule it was edited to", async () => {
    const ep = await prepared(() =>
      call('endpoints.create', { slug: 'edited', name: 'Edited', rule: failFirst(60_000) }),
    );
    await killAfter(apiChild, async ({ receiverUrl, api }) => {
      void fetch(`${receiverUrl}/h/edited`, { method: 'POST', body: 'a' }).catch(() => undefined);
      await untilCaptured(ep.id);
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', ep.id);
      const db = new Database(join(t.dataDir, 'hookscope.sqlite'), { readonly: true });
      const oldVersion = db.prepare('SELECT rule_version FROM rule_progress').pluck().get();
      db.close();
      const newRule = {
        ...failFirst(0),
        behaviour: { kind: 'fail-first' as const, count: 1, failStatus: 502 },
      };
      expect((await api().invoke('endpoints.update', { id: ep.id, rule: newRule })).ok).toBe(true);
      // The edited rule counts its own first request.
      expect((await fetch(`${receiverUrl}/h/edited`, { method: 'POST', body: 'b' })).status).toBe(502);
      await untilRow(
        'SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1 AND rule_version != ?',
        ep.id,
        oldVersion,
      );
    });

    const items = (await call('captures.list', { limit: 10 })).items;
    const cutOff = await call('captures.get', { id: Math.min(...items.map((c) => c.id)) });
    expect(cutOff.responseStatus).toBeNull();
    expect(cutOff.response?.reason).toBe(notSent503);
    expect(cutOff.response).not.toHaveProperty('ruleVersion');
    expect(await ruleRequests(ep.id)).toBe(1);
  }, 30_000);

  it('never gives a step taken before the endpoint was saved to the count the save restarted, the rule unchanged', async () => {
    const ep = await prepared(() =>
      call('endpoints.create', { slug: 'saved', name: 'Saved', rule: failFirst(100) }),
    );
    let beforeSave = 0;
    let afterSave = 0;
    await killAfter(apiChild, async ({ receiverUrl, api }) => {
      const post = async (body: string) => {
        const answered = await fetch(`${receiverUrl}/h/saved`, { method: 'POST', body });
        expect(answered.status).toBe(503);
        const id = Number(answered.headers.get('x-hookscope-capture-id'));
        await untilRow('SELECT 1 FROM responses_written WHERE capture_id = ?', id);
        return id;
      };
      beforeSave = await post('a');
      expect((await api().invoke('endpoints.update', { id: ep.id, name: 'Saved again' })).ok).toBe(true);
      // The same rule, counted again from its first request.
      afterSave = await post('b');
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', ep.id);
      // What a kill during the first response's delay leaves (a SIGKILL cannot be aimed at that window).
      const db = new Database(join(t.dataDir, 'hookscope.sqlite'));
      db.prepare('DELETE FROM responses_written WHERE capture_id = ?').run(beforeSave);
      db.prepare('DELETE FROM responses_being_written WHERE capture_id = ?').run(beforeSave);
      db.close();
    });

    const cutOff = await call('captures.get', { id: beforeSave });
    expect(cutOff.responseStatus).toBeNull();
    expect(cutOff.response?.reason).toBe(notSent503);
    expect((await call('captures.get', { id: afterSave })).responseStatus).toBe(503);
    expect(await ruleRequests(ep.id)).toBe(1);
  }, 30_000);
});
