import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import type { Endpoint } from '../../../electron/shared/contract/index';
import { silentLogger } from '../../../electron/engine/util/logger';
import { startChild } from '../../helpers/crash-run';
import { createHttpTransport } from '../../helpers/http-client';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await engine?.close();
  dir?.cleanup();
});

const call = <M extends keyof Engine['handlers']>(m: M, input: Parameters<Engine['handlers'][M]>[0]) =>
  (engine!.handlers[m] as (i: unknown, meta: unknown) => ReturnType<Engine['handlers'][M]>)(input, {
    transport: 'in-process',
  });
const start = async () => {
  engine = await createEngine({ dataDir: dir!.path, mode: 'test', log: silentLogger });
};
const failFirst = (delayMs: number) => ({
  status: 200,
  headers: [],
  body: 'ok',
  delayMs,
  behaviour: { kind: 'fail-first' as const, count: 1, failStatus: 503 },
});

/** Polls the killed-to-be child's database until `sql` finds a row (it is committed and visible to other readers). */
async function untilRow(sql: string, ...params: unknown[]): Promise<void> {
  const db = new Database(join(dir!.path, 'hookscope.sqlite'), { readonly: true, fileMustExist: true });
  try {
    while (db.prepare(sql).get(...params) === undefined) await new Promise((r) => setTimeout(r, 50));
  } finally {
    db.close();
  }
}

describe('a kill while a response waits out its rule delay', () => {
  it('is recorded at the next start as never sent, with its rule step given back; a response written first is not', async () => {
    dir = tempDir();
    await start();
    const quick = await call('endpoints.create', { slug: 'quick', name: 'Quick', rule: failFirst(100) });
    const slow = await call('endpoints.create', { slug: 'slow', name: 'Slow', rule: failFirst(60_000) });
    await engine!.close();
    engine = undefined;

    const { child, info } = await startChild(join(import.meta.dirname, 'crash-child.ts'), dir.path);
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const answered = await fetch(`${info.receiverUrl}/h/quick`, { method: 'POST', body: 'a' });
      expect(answered.status).toBe(503);
      const quickId = Number(answered.headers.get('x-hookscope-capture-id'));
      void fetch(`${info.receiverUrl}/h/slow`, { method: 'POST', body: 'b' }).catch(() => undefined);
      // Committed, and the step it took counted by the child (it keeps its counts every second).
      await untilRow(
        `SELECT 1 FROM capture_inbox WHERE json_extract(capture, '$.endpointId') = ?
         UNION ALL SELECT 1 FROM captures WHERE endpoint_id = ?`,
        slow.id,
        slow.id,
      );
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', slow.id);
      child.kill('SIGKILL');
      await exited;

      await start();
      const items = (await call('captures.list', { limit: 10 })).items;
      const slowId = items.find((c) => c.endpointId === slow.id)!.id;
      const cutOff = await call('captures.get', { id: slowId });
      expect(cutOff.responseStatus).toBeNull();
      expect(cutOff.response?.reason).toBe(
        'not sent: Hookscope was killed before the response was written; the rule would have answered 503 ' +
          '(fail-first: request 1 of 1 failed on purpose), and that step was given back',
      );
      expect(cutOff.response).not.toHaveProperty('ruleStep');
      const written = await call('captures.get', { id: quickId });
      expect(written.responseStatus).toBe(503);
      expect(written.response?.reason).toBe('fail-first: request 1 of 1 failed on purpose');

      const counted = async (id: number) =>
        (await call('endpoints.list', {})).items.find(
          (e: Endpoint & { ruleRequests?: number }) => e.id === id,
        )?.ruleRequests;
      expect(await counted(slow.id)).toBe(0);
      expect(await counted(quick.id)).toBe(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('a response killed between its write and its mark as written is kept, and said to be uncertain', async () => {
    dir = tempDir();
    await start();
    const ep = await call('endpoints.create', { slug: 'writing', name: 'Writing', rule: failFirst(100) });
    await engine!.close();
    engine = undefined;

    const { child, info } = await startChild(join(import.meta.dirname, 'crash-child.ts'), dir.path);
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const answered = await fetch(`${info.receiverUrl}/h/writing`, { method: 'POST', body: 'a' });
      expect(answered.status).toBe(503);
      const id = Number(answered.headers.get('x-hookscope-capture-id'));
      await untilRow('SELECT 1 FROM responses_written WHERE capture_id = ?', id);
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', ep.id);
      // What a kill after the write and before its mark leaves (a SIGKILL cannot be aimed at that window).
      const db = new Database(join(dir.path, 'hookscope.sqlite'));
      db.prepare('DELETE FROM responses_written WHERE capture_id = ?').run(id);
      db.close();
      child.kill('SIGKILL');
      await exited;

      await start();
      const capture = await call('captures.get', { id });
      expect(capture.responseStatus).toBe(503);
      expect(capture.response?.reason).toBe(
        'fail-first: request 1 of 1 failed on purpose; Hookscope was killed while writing this response, ' +
          'so the client may not have received it',
      );
      const counted = (await call('endpoints.list', {})).items.find(
        (e: Endpoint & { ruleRequests?: number }) => e.id === ep.id,
      )?.ruleRequests;
      expect(counted).toBe(1);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it("gives a cut-off response's step back to the rule that counted it, never to the rule it was edited to", async () => {
    dir = tempDir();
    await start();
    const ep = await call('endpoints.create', { slug: 'edited', name: 'Edited', rule: failFirst(60_000) });
    await engine!.close();
    engine = undefined;

    const childApi = join(import.meta.dirname, '../../../scripts/crash-child-api.ts');
    const { child, info } = await startChild(childApi, dir.path);
    const exited = new Promise((r) => child.once('exit', r));
    const api = createHttpTransport(info.apiUrl!, info.token!);
    try {
      void fetch(`${info.receiverUrl}/h/edited`, { method: 'POST', body: 'a' }).catch(() => undefined);
      await untilRow(
        `SELECT 1 FROM capture_inbox WHERE json_extract(capture, '$.endpointId') = ?
         UNION ALL SELECT 1 FROM captures WHERE endpoint_id = ?`,
        ep.id,
        ep.id,
      );
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', ep.id);
      const db = new Database(join(dir.path, 'hookscope.sqlite'), { readonly: true });
      const oldVersion = db.prepare('SELECT rule_version FROM rule_progress').pluck().get();
      db.close();
      const newRule = {
        ...failFirst(0),
        behaviour: { kind: 'fail-first' as const, count: 1, failStatus: 502 },
      };
      expect((await api.invoke('endpoints.update', { id: ep.id, rule: newRule })).ok).toBe(true);
      // The edited rule counts its own first request.
      expect((await fetch(`${info.receiverUrl}/h/edited`, { method: 'POST', body: 'b' })).status).toBe(502);
      await untilRow(
        'SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1 AND rule_version != ?',
        ep.id,
        oldVersion,
      );
      child.kill('SIGKILL');
      await exited;

      await start();
      const items = (await call('captures.list', { limit: 10 })).items;
      const cutOff = await call('captures.get', { id: Math.min(...items.map((c) => c.id)) });
      expect(cutOff.responseStatus).toBeNull();
      expect(cutOff.response?.reason).toBe(
        'not sent: Hookscope was killed before the response was written; the rule would have answered 503 ' +
          '(fail-first: request 1 of 1 failed on purpose)',
      );
      expect(cutOff.response).not.toHaveProperty('ruleVersion');
      const counted = (await call('endpoints.list', {})).items.find(
        (e: Endpoint & { ruleRequests?: number }) => e.id === ep.id,
      )?.ruleRequests;
      expect(counted).toBe(1);
    } finally {
      api.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);

  it('never gives a step taken before the endpoint was saved to the count the save restarted, the rule unchanged', async () => {
    dir = tempDir();
    await start();
    const ep = await call('endpoints.create', { slug: 'saved', name: 'Saved', rule: failFirst(100) });
    await engine!.close();
    engine = undefined;

    const childApi = join(import.meta.dirname, '../../../scripts/crash-child-api.ts');
    const { child, info } = await startChild(childApi, dir.path);
    const exited = new Promise((r) => child.once('exit', r));
    const api = createHttpTransport(info.apiUrl!, info.token!);
    const post = async (body: string) => {
      const answered = await fetch(`${info.receiverUrl}/h/saved`, { method: 'POST', body });
      expect(answered.status).toBe(503);
      const id = Number(answered.headers.get('x-hookscope-capture-id'));
      await untilRow('SELECT 1 FROM responses_written WHERE capture_id = ?', id);
      return id;
    };
    try {
      const beforeSave = await post('a');
      expect((await api.invoke('endpoints.update', { id: ep.id, name: 'Saved again' })).ok).toBe(true);
      // The same rule, counted again from its first request.
      const afterSave = await post('b');
      await untilRow('SELECT 1 FROM rule_progress WHERE endpoint_id = ? AND counted = 1', ep.id);
      // What a kill during the first response's delay leaves (a SIGKILL cannot be aimed at that window).
      const db = new Database(join(dir.path, 'hookscope.sqlite'));
      db.prepare('DELETE FROM responses_written WHERE capture_id = ?').run(beforeSave);
      db.prepare('DELETE FROM responses_being_written WHERE capture_id = ?').run(beforeSave);
      db.close();
      child.kill('SIGKILL');
      await exited;

      await start();
      const cutOff = await call('captures.get', { id: beforeSave });
      expect(cutOff.responseStatus).toBeNull();
      expect(cutOff.response?.reason).toBe(
        'not sent: Hookscope was killed before the response was written; the rule would have answered 503 ' +
          '(fail-first: request 1 of 1 failed on purpose)',
      );
      expect((await call('captures.get', { id: afterSave })).responseStatus).toBe(503);
      const counted = (await call('endpoints.list', {})).items.find(
        (e: Endpoint & { ruleRequests?: number }) => e.id === ep.id,
      )?.ruleRequests;
      expect(counted).toBe(1);
    } finally {
      api.close();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
