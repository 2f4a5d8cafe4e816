import type { HeaderPair } from '../../../../electron/shared/contract/captures';
import { headerValueText } from '../../../../electron/shared/decode/header-text';

/**
 * The different Content-Type values a request sent, in order, as text; null unless there are two or more. Node keeps
 * only the first of them, so the capture's content type and the body view go by that one, which the sender may not
 * have meant: a request that names two types is ambiguous, or built to be read differently by different parsers.
 */
export function conflictingContentTypes(headers: HeaderPair[]): string[] | null {
  const values = new Set<string>();
  for (const [name, value] of headers)
    if (name.toLowerCase() === 'content-type') values.add(headerValueText(value.trim()).text);
  return values.size > 1 ? [...values] : null;
}

/** The short warning for the body view: how many types were sent, and which one it is read by. */
export function contentTypeConflictNote(headers: HeaderPair[]): string | null {
  const types = conflictingContentTypes(headers);
  return types
    ? `${types.length} different Content-Type headers sent; read as the first (${types[0]})`
    : null;
}
