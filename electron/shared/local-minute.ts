/**
 * `datetime-local` values are wall-clock minutes ("2026-11-01T01:30"). On a day the clocks go back one of those
 * minutes happens twice, and `new Date(value)` reads the first: a From minute starts at its first occurrence and a
 * To minute ends with its last, so a range up to 01:59 takes in the repeated hour too.
 */

/** The minute an instant falls in, in local time, as a `datetime-local` value. */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** The first millisecond of the minute's first occurrence. */
export function localMinuteStart(value: string): number {
  return new Date(value).getTime();
}

/** The last millisecond of the minute's last occurrence, which still shows as that minute. */
export function localMinuteEnd(value: string): number {
  const first = new Date(value).getTime();
  // Clocks set back within a day of `first` by `back` minutes show its minute again `back` minutes later.
  const back = new Date(first + 86_400_000).getTimezoneOffset() - new Date(first).getTimezoneOffset();
  const again = first + back * 60_000;
  const last = back > 0 && toLocalInput(again) === value.slice(0, 16) ? again : first;
  return last + 59_999;
}

/**
 * Whether the local wall clock at an instant shows again, or showed already, at another instant: inside the hour
 * repeated when the clocks go back.
 */
export function inRepeatedHour(ms: number): boolean {
  const offset = new Date(ms).getTimezoneOffset();
  // The other reading of the same wall clock is offset by the difference to a neighbouring day's offset.
  return [ms - 86_400_000, ms + 86_400_000].some((neighbour) => {
    const other = new Date(neighbour).getTimezoneOffset();
    return other !== offset && new Date(ms + (other - offset) * 60_000).getTimezoneOffset() === other;
  });
}
