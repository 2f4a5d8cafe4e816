import { ApiError } from '../../shared/contract/index';

/**
 * Characters an export may take once written as a JSON string (how the HTTP transport carries it). V8 refuses any
 * string past ~512 Mi characters, and the response wraps the export in another one, so stay well below that.
 */
export const EXPORT_MAX_JSON_CHARS = 256 * 1024 * 1024;

/** `items`: what the export holds, so the message says what to export fewer of. */
export const exportTooLargeMessage = (items = 'captures') =>
  `the export is too large for one response: narrow the filter or export fewer ${items}`;

export function exportTooLarge(items?: string, details?: unknown): ApiError {
  return new ApiError('payload_too_large', exportTooLargeMessage(items), details);
}

/** The length of `text` written as a JSON string literal, without building it. */
export function jsonStringLength(text: string): number {
  let length = 2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d)
      length += 2;
    else if (c < 0x20) length += 6;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      length += 2;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) length += 6;
    else length += 1;
  }
  return length;
}

/**
 * Counts the pieces of an export as they are built and refuses, with `payload_too_large`, once they pass `maxChars`:
 * before they are joined into one string too long to build or send.
 */
export function exportBudget(maxChars: number = EXPORT_MAX_JSON_CHARS, items?: string) {
  let used = 0;
  return (piece: string): string => {
    used += jsonStringLength(piece);
    if (used > maxChars) throw exportTooLarge(items, { maxChars });
    return piece;
  };
}

/** Runs `build`, turning V8's "Invalid string length" into the same clear error. */
export function withinStringLimit<T>(build: () => T, items?: string): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof RangeError && /string length/i.test(error.message)) throw exportTooLarge(items);
    throw error;
  }
}

/** An export built in one go (saved webhooks, a dictionary, the delivery log), checked against the budget after. */
export function budgetedExport<T extends { content: string }>(
  build: () => T,
  items: string,
  maxChars?: number,
): T {
  const out = withinStringLimit(build, items);
  exportBudget(maxChars, items)(out.content);
  return out;
}
