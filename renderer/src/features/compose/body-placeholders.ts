import type { BodyMode } from '../../../../electron/shared/send/outgoing';
import { describePlaceholders, type PlaceholderStatus } from '../../../../electron/shared/send/merge-fields';

/** The body's placeholders as the body editor marks them: none while merging is off or the body is base64. */
export function bodyPlaceholders(
  mode: BodyMode,
  merge: boolean,
  body: string,
  record: Record<string, string>,
  env: Record<string, string>,
): PlaceholderStatus[] {
  return mode === 'base64' || !merge ? [] : describePlaceholders(body, record, env);
}

export const unresolvedCount = (placeholders: PlaceholderStatus[]) =>
  placeholders.filter((p) => p.value === undefined).length;
