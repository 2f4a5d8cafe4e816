import type { ApiClient } from '../../electron/shared/contract/client';
import { send } from './raw-http';

/** The id of the capture at `path`, once filed (filing may lag the receiver's answer or an import). */
export async function filedCaptureId(api: ApiClient, path: string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const found = (await api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} was not filed`);
}

/** Sends `target` to the engine's receiver (`GET` unless `request` says otherwise); its capture's id, once filed. */
export async function receivedCaptureId(
  ui: { readonly api: ApiClient; readonly engine: { receiverUrl: string } },
  target: string,
  request: Parameters<typeof send>[1] = { method: 'GET' },
): Promise<number> {
  await send(`${ui.engine.receiverUrl}${target}`, request);
  return filedCaptureId(ui.api, target.split('?')[0]!);
}
