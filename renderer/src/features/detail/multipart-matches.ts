import type { MultipartPart } from '../../../../electron/shared/decode/multipart';
import { bodyText } from '../../lib/bytes';

/** How much of a part's body is shown (and searched) as text. */
export const PART_PREVIEW_BYTES = 64 * 1024;

/** The text a part shows of its body, or null when it is shown as hex. */
export function partPreview(part: MultipartPart): string | null {
  return bodyText(part.body.subarray(0, PART_PREVIEW_BYTES), part.contentType, {
    prefix: part.body.length > PART_PREVIEW_BYTES,
  }).text;
}

/** Indexes of the parts from `from` on whose name, file name or shown text `pattern` finds. */
export function partsMatching(
  parts: readonly MultipartPart[],
  from: number,
  pattern: { test(text: string): boolean },
): number[] {
  const found: number[] = [];
  for (let i = from; i < parts.length; i++) {
    const part = parts[i]!;
    if ([part.name, part.filename, partPreview(part)].some((text) => text !== null && pattern.test(text)))
      found.push(i);
  }
  return found;
}

const LISTED = 5;

/** `part #27`, `parts #27 and #45`, `parts #21, #22, #23, #24, #25 and 35 more`. */
export function partNumbers(indexes: readonly number[]): string {
  const numbers = indexes.slice(0, LISTED).map((i) => `#${i + 1}`);
  if (indexes.length === 1) return `part ${numbers[0]}`;
  const more = indexes.length - numbers.length;
  const last = more > 0 ? `${more} more` : numbers.pop()!;
  return `parts ${numbers.join(', ')} and ${last}`;
}
