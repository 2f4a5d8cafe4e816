/** HAR 1.2's startedDateTime: an ISO 8601 date and time, `2026-11-22T10:00:00.000Z` or `…10:00:00.45+01:00`. */
const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type HarTime =
  | { ms: number; problem: null }
  /** Read, but as this computer's local time: the value names no zone. */
  | { ms: number; problem: 'no time zone' }
  | { ms: null; problem: 'not an ISO 8601 date and time' };

/**
 * The instant a startedDateTime names. Date.parse alone takes far more than ISO 8601 and guesses: "1" is 2001-01-01,
 * "foo 2026" New Year's Day and "2026-02-30" March 2, each in the local zone, so a stray value became a plausible but
 * wrong capture time with no warning.
 */
export function readHarTime(value: string): HarTime {
  const m = isoDateTime.exec(value);
  if (!m) return { ms: null, problem: 'not an ISO 8601 date and time' };
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = m;
  const last = new Date(0);
  last.setUTCFullYear(Number(year), Number(month), 0); // day 0 of the next month: this month's last day
  const zoneParts = zone && /^([+-]\d{2}):?(\d{2})?$/.exec(zone);
  if (
    Number(month) < 1 ||
    Number(month) > 12 ||
    Number(day) < 1 ||
    Number(day) > last.getUTCDate() ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    (zoneParts && (Math.abs(Number(zoneParts[1])) > 23 || Number(zoneParts[2] ?? 0) > 59))
  )
    return { ms: null, problem: 'not an ISO 8601 date and time' };
  const offset = zoneParts ? `${zoneParts[1]}:${zoneParts[2] ?? '00'}` : (zone?.toUpperCase() ?? '');
  const ms = Date.parse(
    `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`,
  );
  if (Number.isNaN(ms)) return { ms: null, problem: 'not an ISO 8601 date and time' };
  return zone === undefined ? { ms, problem: 'no time zone' } : { ms, problem: null };
}
