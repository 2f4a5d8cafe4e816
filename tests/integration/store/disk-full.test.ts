import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { useTestEngine } from '../../helpers/test-engine';

const t = useTestEngine();

describe('a full disk', () => {
  it('is named, with what to do, by the receiver and by the API', async () => {
    const { db } = t.engine.ctx;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const big = 'x'.repeat(200_000);

    const refused = await fetch(`${t.engine.receiverUrl}/hook`, { method: 'POST', body: big });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({
      error: 'storage_unavailable',
      message: expect.stringMatching(/disk holding the data directory is full.*SQLITE_FULL/),
    });

    const dispatcher = createDispatcher(t.engine.handlers);
    const stats = await dispatcher.dispatch('app.stats', {}, { transport: 'in-process' });
    expect(stats).toMatchObject({
      ok: true,
      value: { storageProblem: expect.stringMatching(/disk holding the data directory is full/) },
    });
    const saved = await dispatcher.dispatch(
      'webhooks.save',
      { name: 'big', method: 'POST', url: 'http://127.0.0.1:1/', body: big },
      { transport: 'in-process' },
    );
    expect(saved).toMatchObject({
      ok: false,
      error: {
        code: 'unavailable',
        message: expect.stringMatching(/^webhooks\.save failed: .*disk holding the data directory is full/),
      },
    });
  });

  it('does not promise that deleting captures helps: a delete needs room to write too', async () => {
    const { db } = t.engine.ctx;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const refused = await fetch(`${t.engine.receiverUrl}/hook`, {
      method: 'POST',
      body: 'y'.repeat(200_000),
    });
    expect(refused.status).toBe(503);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toMatch(
      /full\. Free space on that disk, then try again \(deleting captures needs a little free space too, so it can fail while the disk is completely full\)/,
    );
    expect(message).not.toMatch(/or delete captures/);
  });
});
