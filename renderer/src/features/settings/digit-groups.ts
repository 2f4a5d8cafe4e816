/**
 * Whole-number digits as typed, with the thousands groups people write ("1,000", "36 500", "1_000_000") taken out, or
 * null when the text is not digits in that shape. One separator kind throughout, every group after the first exactly
 * three digits, so "1,5" and "1,0000" stay refused instead of being read as 15 or 10000.
 */
export function withoutDigitGroups(text: string): string | null {
  if (/^\d+$/.test(text)) return text;
  // Spaces include the no-break and narrow no-break spaces some locales put between groups.
  const grouped = /^\d{1,3}([, _\u00a0\u202f])\d{3}(?:\1\d{3})*$/.exec(text);
  return grouped ? text.split(grouped[1]!).join('') : null;
}
