import type { Endpoint } from '../../../../electron/shared/contract/endpoints';

/** An endpoint deleted by another client while its form was open, and where its card was. */
export interface GoneWhileEdited {
  endpoint: Endpoint;
  index: number;
}

/** The endpoint being edited, when it is listed in `previous` but not in `next` (deleted elsewhere). */
export function goneWhileEdited(
  previous: Endpoint[],
  next: Endpoint[],
  editing: number | 'new' | null,
): GoneWhileEdited | null {
  const index = previous.findIndex((e) => e.id === editing);
  if (index < 0 || next.some((e) => e.id === editing)) return null;
  return { endpoint: previous[index]!, index };
}

/** The cards to show: the endpoint whose form is open stays in its place, so the form, what was typed and focus do. */
export function keepEdited(
  endpoints: Endpoint[],
  gone: GoneWhileEdited | null,
  editing: number | 'new' | null,
): Endpoint[] {
  if (gone === null || gone.endpoint.id !== editing) return endpoints;
  return [...endpoints.slice(0, gone.index), gone.endpoint, ...endpoints.slice(gone.index)];
}
