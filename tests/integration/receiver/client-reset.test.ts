import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/engine';
import type { Logger } from '../../../electron/engine/util/logger';
import { tempDir } from '../../helpers/temp-dir';

let engine: Engine | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(async () => {
  await engine?.close();
  dir?.cleanup();
});

describe('a client that resets its connection', () => {
  it('is not logged as a malformed request, and the receiver keeps serving', async () => {
    dir = tempDir();
    const warnings: string[] = [];
    const log: Logger = { info() {}, error() {}, warn: (message) => void warnings.push(message) };
    engine = await createEngine({ dataDir: dir.path, mode: 'test', log });
    const { port } = new URL(engine.receiverUrl);

    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          // Half a request head, then a TCP reset instead of the rest.
          socket.write('POST /reset HTTP/1.1\r\nHost: x\r\n', () =>
            setTimeout(() => socket.resetAndDestroy(), 20),
          );
        });
        socket.on('close', () => resolve());
        socket.on('error', () => undefined);
      });
    }

    const res = await fetch(`${engine.receiverUrl}/after-reset`, { method: 'POST', body: 'ok' });
    expect(res.status).toBe(200);
    expect(warnings.filter((w) => w.includes('malformed request'))).toEqual([]);
  });
});
