import type { ApiClient } from '../../electron/shared/contract/client';
import { filedCaptureId } from './filed-capture';

/** Imports `har` through the API; the id of its capture at `path`, once filed (filing may lag the import). */
export async function importedCaptureId(api: ApiClient, har: string, path: string): Promise<number> {
  await api.call('captures.importHar', { har });
  return filedCaptureId(api, path);
}
