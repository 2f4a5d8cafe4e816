import type { Endpoint } from '../../../electron/shared/contract/endpoints';

export interface DeletedEndpoint {
  id: number;
  deleted: true;
}

/** The capture's endpoint; one no longer listed (once the list is loaded) was deleted, its captures kept. */
export function endpointOf(
  id: number | null,
  endpoints: Map<number, Endpoint>,
): Endpoint | DeletedEndpoint | null {
  if (id === null || endpoints.size === 0) return null;
  return endpoints.get(id) ?? { id, deleted: true };
}
