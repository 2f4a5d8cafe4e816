import { afterAll, beforeAll } from 'vitest';
import { startApp, type TestApp } from '../../helpers/app-server';
import { cueServer } from './helpers';

/**
 * The app over its HTTP API (no UI) and a cue server to deliver to, both started before the file's tests and closed
 * after them. `value` calls the API and throws its error message on a refusal. Read `app`/`target` inside tests.
 */
export function useAppAndTarget() {
  let app: TestApp | undefined;
  let target: Awaited<ReturnType<typeof cueServer>> | undefined;
  beforeAll(async () => {
    app = await startApp({ serveUi: false });
    target = await cueServer();
  });
  afterAll(async () => {
    await target?.close();
    await app?.close();
  });
  const open = <T>(it: T | undefined): T => {
    if (!it) throw new Error('useAppAndTarget: the app and target start in beforeAll');
    return it;
  };
  return {
    get app() {
      return open(app);
    },
    get target() {
      return open(target);
    },
    async value<T>(method: string, input: unknown): Promise<T> {
      const r = await open(app).rpc<T>(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    },
  };
}
