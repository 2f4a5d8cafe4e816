import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { send } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

// Newer versions refuse a secret with a space or line break around it; one stored by an older version is still read,
// and its mismatches must say why rather than blame the sender.
describe('an endpoint whose stored signature secret has a line break around it', () => {
  it('says on the capture’s verdict that the stored secret must be re-saved, and does not trim it', async () => {
    const dir = tempDir();
    let engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    try {
      const endpoint = await engine.handlers['endpoints.create'](
        { slug: 'gh', name: 'GitHub', verify: { scheme: 'github', secret: 'shh', toleranceSeconds: 300 } },
        { transport: 'in-process' },
      );
      const verify = engine.ctx.db.prepare('SELECT verify FROM endpoints WHERE id = ?').get(endpoint.id) as {
        verify: string;
      };
      engine.ctx.db
        .prepare('UPDATE endpoints SET verify = ? WHERE id = ?')
        .run(JSON.stringify({ ...JSON.parse(verify.verify), secret: 'shh\n' }), endpoint.id);
      await engine.close();
      engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });

      const body = '{"event":"push"}';
      const signedWith = (secret: string) =>
        `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      const verdict = async (secret: string) => {
        const res = await send(`${engine.receiverUrl}/h/gh`, {
          method: 'POST',
          headers: [['X-Hub-Signature-256', signedWith(secret)]],
          body,
        });
        const id = Number(res.headers['x-hookscope-capture-id']);
        return (await engine.handlers['captures.get']({ id }, { transport: 'in-process' })).verification;
      };
      expect(await verdict('shh')).toEqual({
        scheme: 'github',
        ok: false,
        reason: expect.stringMatching(
          /stored secret starts or ends with a space, tab or line break.*re-save/,
        ),
      });
      // Not trimmed: a sender that signs with the stored bytes still verifies.
      expect(await verdict('shh\n')).toMatchObject({ ok: true });
    } finally {
      await engine.close();
      dir.cleanup();
    }
  });
});
