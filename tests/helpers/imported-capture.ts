import type { ApiClient } from '../../electron/shared/contract/client';

/** Imports `har` through the API; the id of its capture at `path`, once filed (filing may lag the import). */
export async function importedCaptureId(api: ApiClient, har: string, path: string): Promise<number> {
  await api.call('captures.importHar', { har });
  for (let i = 0; i < 200; i++) {
    const found = (await api.call('captures.list', { limit: 50 })).items.find((c) => c.path === path);
    if (found) return found.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${path} was not filed`);
}
