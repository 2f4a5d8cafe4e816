import { afterEach } from 'vitest';
import type { Engine } from '../../electron/engine/engine';
import { createProtectionModule } from '../../electron/engine/protection/module';
import { startApp, type TestApp } from './app-server';

/**
 * Starts, per call, an app (no UI) whose receiver runs the protection module (endpoint auth, rate limits); the app of
 * each test is closed after it.
 */
export function useProtectedApp(): () => Promise<TestApp> {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });
  return async () => {
    app = await startApp({ serveUi: false });
    if (!app.engine.modules.protection) createProtectionModule(app.engine.ctx);
    return app;
  };
}

/**
 * An endpoint at /h/`slug` that takes only requests carrying `X-Key: right` (and whatever else `more` sets), in the
 * engine of an app or of a component test.
 */
export const keyedEndpoint = (
  target: { readonly engine: Engine },
  slug: string,
  name: string,
  more: Omit<Parameters<Engine['ctx']['endpoints']['create']>[0], 'slug' | 'name' | 'auth'> = {},
) =>
  target.engine.ctx.endpoints.create({
    slug,
    name,
    auth: { kind: 'header', name: 'X-Key', value: 'right' },
    ...more,
  });
