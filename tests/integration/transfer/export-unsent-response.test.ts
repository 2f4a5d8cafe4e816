import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/engine/engine';
import { newCapture } from '../../helpers/new-capture';
import { useFreshEngines } from '../../helpers/test-engine';

const meta = { transport: 'in-process' } as const;
const engines = useFreshEngines();
async function startEngine(): Promise<Engine> {
  const engine = await engines.start();
  return engine;
}

describe('HAR export of a response the client left before getting', () => {
  it('shows no response (status 0), keeps why, and imports back as a capture without a status that keeps why', async () => {
    const engine = await startEngine();
    const id = await engine.ctx.captures.add(
      newCapture({
        path: '/h/slow/gone',
        response: {
          status: 503,
          headers: [['content-type', 'application/json']],
          bodyBase64: Buffer.from('{"error":"deliberate_failure"}').toString('base64'),
          delayMs: 3000,
          reason: 'fail-first: request 1 of 1 failed on purpose',
        },
      }),
    );
    engine.ctx.captures.markResponseNotSent(id, 'not sent: the client disconnected');
    expect((await engine.handlers['captures.get']({ id }, meta)).responseStatus).toBeNull();

    const { content } = await engine.handlers['captures.export'](
      { format: 'har', ids: [id], redact: true, limit: 10 },
      meta,
    );
    const parsed = JSON.parse(content) as {
      log: {
        entries: Array<{
          response: { status: number; headers: unknown[]; content: { size: number } };
          _hookscope: { responseReason?: string };
        }>;
      };
    };
    const [entry] = parsed.log.entries;
    expect(entry!.response.status).toBe(0);
    expect(entry!.response.headers).toEqual([]);
    expect(entry!.response.content.size).toBe(0);
    expect(entry!._hookscope.responseReason).toBe('not sent: the client disconnected');

    const other = await startEngine();
    expect((await other.handlers['captures.importHar']({ har: content }, meta)).imported).toBe(1);
    const [imported] = (await other.handlers['captures.list']({ limit: 10 }, meta)).items;
    expect(imported!.path).toBe('/h/slow/gone');
    expect(imported!.responseStatus).toBeNull();
    // Shown as "not sent: …" like the original, and exported again the same way.
    const detail = await other.handlers['captures.get']({ id: imported!.id }, meta);
    expect(detail.response?.reason).toBe('not sent: the client disconnected');
    const again = await other.handlers['captures.export'](
      { format: 'har', ids: [imported!.id], redact: true, limit: 10 },
      meta,
    );
    const [reexported] = (JSON.parse(again.content) as typeof parsed).log.entries;
    expect(reexported!.response.status).toBe(0);
    expect(reexported!._hookscope.responseReason).toBe('not sent: the client disconnected');
    expect(
      (await other.handlers['captures.list']({ filter: { statuses: [503] }, limit: 10 }, meta)).items,
    ).toEqual([]);
  });
});
