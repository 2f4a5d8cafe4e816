import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCapture } from '../../helpers/new-capture';
import { startApp, type TestApp } from '../../helpers/app-server';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ serveUi: false });
});
afterAll(() => app.close());

const body = (id: number) =>
  fetch(`${app.apiUrl}/api/body`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id }),
  });

describe('POST /api/body for a capture acknowledged but not filed (the disk is full)', () => {
  it('answers 503 unavailable, naming why, and the bytes once there is room again', async () => {
    const { db, captures } = app.engine.ctx;
    const id = await captures.add(newCapture({ body: Buffer.alloc(200_000, 'x') }));
    // The disk fills before the filer copies the capture out of the inbox.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    try {
      const refused = await body(id);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: expect.stringContaining('is not filed yet') },
      });
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    const served = await body(id);
    expect(served.status).toBe(200);
    expect((await served.arrayBuffer()).byteLength).toBe(200_000);
  });

  it('still answers 404 for a capture that does not exist', async () => {
    expect((await body(999_999)).status).toBe(404);
  });
});
