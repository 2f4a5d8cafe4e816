import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';
import { cueServer, until, type ApiReply } from './helpers';

// The delivery log export is shared like a capture export: the URL's query secrets and a token endpoint's answer
// must not leave in it unless asked for.
let engine: Engine;
let server: Awaited<ReturnType<typeof cueServer>>;
let call: (method: string, input: unknown) => Promise<ApiReply>;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  server = await cueServer(() => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"access_token":"RESPSECRET_A","refresh_token":"RESPSECRET_R","note":"resp-visible"}',
  }));
  dir = tempDir();
  engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
  const dispatcher = createDispatcher(engine.handlers, { checkOutputs: true });
  call = (method, input) =>
    dispatcher.dispatch(method, input, { transport: 'in-process' }) as Promise<ApiReply>;
  const sent = await call('deliveries.send', {
    request: {
      method: 'POST',
      url: `${server.url}/oauth?api_key=URLSECRET_K&page=2`,
      headers: [['Authorization', 'Bearer HDRSECRET_H']],
      bodyBase64: '',
    },
    type: 'manual',
  });
  if (!sent.ok) throw new Error(sent.error?.message);
  const { id } = sent.value as { id: number };
  await until(async () => {
    const d = (await call('deliveries.get', { id })).value as { state: string };
    return d.state === 'succeeded' ? true : undefined;
  });
});
afterAll(async () => {
  await engine.close();
  await server.close();
  dir.cleanup();
});

const exportLog = async (input: Record<string, unknown>) => {
  const out = await call('deliveries.exportLog', input);
  if (!out.ok) throw new Error(out.error?.message);
  return (out.value as { content: string }).content;
};

describe('deliveries.exportLog', () => {
  it.each(['csv', 'json'])('%s redacts URL query secrets and response fields by default', async (format) => {
    const content = await exportLog({ format });
    for (const secret of ['URLSECRET_K', 'RESPSECRET_A', 'RESPSECRET_R', 'HDRSECRET_H'])
      expect(content, `${secret} leaked in ${format}`).not.toContain(secret);
    expect(content).toContain('page=2');
    expect(content).toContain('resp-visible');
    expect(content).toContain('[redacted]');
  });

  it.each(['csv', 'json'])('%s keeps them with redact: false (a backup)', async (format) => {
    const content = await exportLog({ format, redact: false });
    for (const secret of ['URLSECRET_K', 'RESPSECRET_A', 'RESPSECRET_R']) expect(content).toContain(secret);
  });
});

describe('deliveries.exportLog of a bulk send', () => {
  it('names the bulk job and row each delivery came from; other deliveries leave them empty', async () => {
    const job = (
      await call('bulk.start', {
        template: { method: 'POST', url: `${server.url}/bulk/[id]`, headers: [], body: 'id=[id]' },
        rows: { content: 'id\n1\n2\n', format: 'csv' },
      })
    ).value as { jobId: number };
    await until(async () => {
      const p = (await call('bulk.get', { id: job.jobId })).value as { state: string };
      return p.state === 'done' ? true : undefined;
    });
    const json = JSON.parse(await exportLog({ format: 'json' })) as Array<Record<string, unknown>>;
    const fromBulk = json.filter((r) => String(r.request).includes('/bulk/'));
    expect(fromBulk.map((r) => [r.request, r.bulkJobId, r.bulkRow]).sort()).toEqual([
      [`POST ${server.url}/bulk/1`, job.jobId, 1],
      [`POST ${server.url}/bulk/2`, job.jobId, 2],
    ]);
    expect(json.find((r) => String(r.request).includes('/oauth'))).toMatchObject({
      bulkJobId: null,
      bulkRow: null,
    });

    const [header, ...rows] = Papa.parse<string[]>(await exportLog({ format: 'csv' }), {
      skipEmptyLines: true,
    }).data;
    const jobAt = header!.indexOf('Bulk Job');
    const rowAt = header!.indexOf('Bulk Row');
    const cells = (path: string) => rows.find((r) => r[0]!.includes(path))!;
    expect([cells('/bulk/2')[jobAt], cells('/bulk/2')[rowAt]]).toEqual([String(job.jobId), '2']);
    expect([cells('/oauth')[jobAt], cells('/oauth')[rowAt]]).toEqual(['', '']);
  });
});
