/**
 * Ortto display types a hand-written label may give: those of the recorded instance schema plus the custom-field
 * types (`price`, `multi_select`). Only `decimal`, `currency` and `price` change how a value reads (×1000), so a
 * misspelt one would show money 1000 times too large without a word: refuse it instead.
 */
export const DISPLAY_TYPES: readonly string[] = [
  'activity',
  'activity_template',
  'audience_member',
  'audience_subscriber',
  'bool',
  'campaign_member',
  'currency',
  'date',
  'decimal',
  'email',
  'engagement',
  'geo',
  'id',
  'integer',
  'large_text',
  'link',
  'multi_select',
  'object',
  'people',
  'phone',
  'price',
  'proximity',
  'single_select',
  'tags',
  'text',
  'text_dictionary',
  'text_digits',
  'text_list',
  'time',
  'url',
];

const KNOWN = new Set(DISPLAY_TYPES);

/** Why a display type is refused, or null when it is empty or known. */
export function displayTypeProblem(displayType: string | null | undefined): string | null {
  if (!displayType || KNOWN.has(displayType)) return null;
  const lower = displayType.toLowerCase();
  const hint = KNOWN.has(lower) ? ` (display types are lower case: "${lower}")` : '';
  return `"${displayType}" is not an Ortto display type${hint}; use one of ${DISPLAY_TYPES.join(', ')}`;
}
