import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../../electron/engine/engine';
import { startHttpTransport } from '../../electron/engine/transport/http-transport';
import { silentLogger } from '../../electron/engine/util/logger';
import { tempDir } from './temp-dir';

export interface TestApp {
  uiUrl: string;
  apiUrl: string;
  receiverUrl: string;
  token: string;
  dataDir: string;
  engine: Engine;
  /** Call the HTTP API like the renderer does. */
  rpc<T = unknown>(
    method: string,
    input?: unknown,
  ): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
  close(): Promise<void>;
}

export const rendererDir = join(import.meta.dirname, '../../dist/renderer');

/** The engine and browser-mode server in-process, on port 0, with its own data dir — what `npm start` runs. */
export async function startApp(
  options: {
    serveUi?: boolean;
    dataDir?: string;
    /** The control server's port (a restart on the same port); port 0 otherwise. */
    uiPort?: number;
    receiverTimeouts?: EngineOptions['receiverTimeouts'];
    exportMaxChars?: number;
    maxUndoableDelete?: number;
  } = {},
): Promise<TestApp> {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const engine = await createEngine({
    dataDir,
    mode: 'test',
    log: silentLogger,
    ...(options.receiverTimeouts ? { receiverTimeouts: options.receiverTimeouts } : {}),
    exportMaxChars: options.exportMaxChars,
    maxUndoableDelete: options.maxUndoableDelete,
  });
  const staticDir = options.serveUi === false ? null : rendererDir;
  if (staticDir && !existsSync(join(staticDir, 'index.html'))) {
    throw new Error('dist/renderer is not built: run `npm run build` before the e2e tests.');
  }
  const http = await startHttpTransport({ engine, port: options.uiPort ?? 0, staticDir, checkOutputs: true });
  return {
    uiUrl: http.uiUrl,
    apiUrl: http.url,
    receiverUrl: engine.receiverUrl,
    token: http.token,
    dataDir,
    engine,
    async rpc(method, input = {}) {
      const res = await fetch(`${http.url}/api/rpc`, {
        method: 'POST',
        headers: { authorization: `Bearer ${http.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      return (await res.json()) as never;
    },
    async close() {
      await http.close();
      await engine.close();
      dir?.cleanup();
    },
  };
}
