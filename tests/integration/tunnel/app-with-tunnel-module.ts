import type { Handlers } from '../../../electron/shared/contract/index';
import { createDispatcher } from '../../../electron/engine/api/dispatcher';
import { createTunnelModule } from '../../../electron/engine/tunnel/module';
import type { useCleanup } from '../../helpers/cleanup';
import { startApp } from '../../helpers/app-server';
import { FakeProvider } from '../../unit/tunnel/fake-provider';

/**
 * A running app (no UI files) and a tunnel module over its engine with a fake provider, both closed after the test;
 * `call` dispatches to that module's handlers in-process, inputs and outputs checked.
 */
export async function startAppWithTunnelModule(cleanups: ReturnType<typeof useCleanup>) {
  const app = await startApp({ serveUi: false });
  cleanups.push(() => app.close());
  const provider = new FakeProvider();
  const module = createTunnelModule(app.engine.ctx, { provider });
  cleanups.push(() => module.close?.());
  const dispatcher = createDispatcher(module.handlers as unknown as Handlers, { checkOutputs: true });
  const call = (method: string, input: unknown) =>
    dispatcher.dispatch(method, input, { transport: 'in-process' });
  return { app, provider, module, call };
}
