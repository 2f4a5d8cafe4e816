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

/**
 * The endpoint of a form kept while another view was shown (see `openForm`), when it was deleted meanwhile: in the
 * place its card had among the endpoints, which are listed by id.
 */
export function goneWhileAway(
  endpoints: Endpoint[],
  kept: { editing: number | 'new'; endpoint?: Endpoint } | null,
): GoneWhileEdited | null {
  const endpoint = kept?.editing === 'new' ? undefined : kept?.endpoint;
  if (!endpoint || endpoints.some((e) => e.id === endpoint.id)) return null;
  return { endpoint, index: endpoints.filter((e) => e.id < endpoint.id).length };
}

/** The cards to show: the endpoint whose form is open stays in its place, so the form, what was typed and focus do. */
export function keepEdited(
  endpoints: Endpoint[],
  gone: GoneWhileEdited | null,
  editing: number | 'new' | null,
): Endpoint[] {
  if (gone === null || gone.endpoint.id !== editing || endpoints.some((e) => e.id === editing))
    return endpoints;
  return [...endpoints.slice(0, gone.index), gone.endpoint, ...endpoints.slice(gone.index)];
}
