import { afterAll, beforeAll } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';
import { tempDir } from '../../helpers/temp-dir';

export interface LabelledSummary {
  id: number;
  vendor: string | null;
  eventLabel: string | null;
}

/**
 * A real app (receiver, store, decoders) in a temp dir for the tests of labels stored after filing: JSON posted to
 * the receiver, the list read back over the API, and a bounded wait for a background pass to change a label.
 */
export function useLabelApp() {
  let app: TestApp;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    dir = tempDir();
    app = await startApp({ serveUi: false, dataDir: dir.path });
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  async function ok<T>(method: string, input: unknown = {}): Promise<T> {
    const res = await app.rpc<T>(method, input);
    if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
    return res.value;
  }

  async function post(
    body: string | Uint8Array<ArrayBuffer>,
    headers: Record<string, string> = {},
  ): Promise<number> {
    const res = await fetch(`${app.receiverUrl}/h`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    await res.arrayBuffer();
    return Number(res.headers.get('x-hookscope-capture-id'));
  }

  const listed = async (id: number) =>
    (await ok<{ items: LabelledSummary[] }>('captures.list', { limit: 50 })).items.find((c) => c.id === id);

  async function labelBecomes(id: number, label: string) {
    for (let i = 0; i < 200; i++) {
      if ((await listed(id))?.eventLabel === label) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`capture ${id} still says ${(await listed(id))?.eventLabel}, not ${label}`);
  }

  return {
    get app() {
      return app;
    },
    get dataDir() {
      return dir.path;
    },
    ok,
    post,
    listed,
    labelBecomes,
    /** Closes the app and starts it again on the same data dir. */
    async restart() {
      await app.close();
      app = await startApp({ serveUi: false, dataDir: dir.path });
    },
  };
}
