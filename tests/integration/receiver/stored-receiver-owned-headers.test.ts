import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/engine';
import { silentLogger } from '../../../electron/engine/util/logger';
import { rawExchange } from '../../helpers/raw-http';
import { tempDir } from '../../helpers/temp-dir';

const headerLines = (reply: string, name: string) =>
  reply
    .slice(0, reply.indexOf('\r\n\r\n'))
    .split('\r\n')
    .filter((line) => line.toLowerCase().startsWith(`${name}:`));

describe('a stored rule with headers the receiver writes itself (saved before they were refused)', () => {
  it('answers with one framing of the body and the capture id, and records what was really sent', async () => {
    const dir = tempDir();
    let engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
    try {
      const ep = await engine.handlers['endpoints.create'](
        { slug: 'framed', name: 'Framed' },
        { transport: 'in-process' },
      );
      // What an older version let through `endpoints.update`, written as it would be stored.
      const headers = [
        ['content-type', 'text/plain'],
        ['Content-Length', '999'],
        ['Transfer-Encoding', 'chunked'],
        ['X-Hookscope-Capture-Id', '0'],
        ['x-kept', 'yes'],
      ];
      engine.ctx.db
        .prepare('UPDATE endpoints SET rule = ? WHERE id = ?')
        .run(
          JSON.stringify({ status: 200, headers, body: 'hello', delayMs: 0, behaviour: { kind: 'fixed' } }),
          ep.id,
        );
      await engine.close();
      engine = await createEngine({ dataDir: dir.path, mode: 'test', log: silentLogger });
      const port = Number(new URL(engine.receiverUrl).port);

      const reply = await rawExchange(
        port,
        'POST /h/framed HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx',
      );
      expect(reply).toMatch(/^HTTP\/1\.1 200 /);
      expect(headerLines(reply, 'content-length')).toEqual(['content-length: 5']);
      expect(headerLines(reply, 'transfer-encoding')).toEqual([]);
      const ids = headerLines(reply, 'x-hookscope-capture-id');
      expect(ids).toHaveLength(1);
      expect(reply.endsWith('\r\n\r\nhello')).toBe(true);

      const id = Number(ids[0]!.split(':')[1]);
      const capture = await engine.handlers['captures.get']({ id }, { transport: 'in-process' });
      expect(capture.response?.headers).toEqual([
        ['content-type', 'text/plain'],
        ['x-kept', 'yes'],
      ]);
      expect(capture.response?.reason).toMatch(
        /^header 2 \("Content-Length"\) left out: the receiver writes it itself.*; header 3 \("Transfer-Encoding"\) left out: .*; header 4 \("X-Hookscope-Capture-Id"\) left out: .* — edit the endpoint's rule$/,
      );
    } finally {
      await engine.close();
      dir.cleanup();
    }
  });
});
