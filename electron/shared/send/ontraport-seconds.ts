import { ONTRAPORT_CONTACT_FIELDS } from '../decode/dictionary/ontraport';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i;

/** The Unix seconds of midnight UTC of an existing calendar date, or null. */
function midnightSeconds(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() / 1000 : null;
}

/**
 * A contact field's value as Ontraport sends it: dates and date-times are Unix seconds in UTC (DOMAIN-NOTES §3.3). An
 * ISO date (`1980-03-04`) or a date-time with its offset (`2024-01-05T10:00:00+10:00`) becomes those seconds — a
 * date-only field (the birthday) the seconds of the day's midnight UTC —; any other value is left as given.
 */
export function ontraportFieldValue(field: string, value: string): string {
  const kind = Object.hasOwn(ONTRAPORT_CONTACT_FIELDS, field) ? ONTRAPORT_CONTACT_FIELDS[field]!.kind : null;
  if (kind !== 'unix-time' && kind !== 'unix-date') return value;
  const text = value.trim();
  const dateTime = ISO_DATE_TIME.exec(text);
  const date = ISO_DATE.exec(dateTime ? dateTime[1]! : text);
  if (!date) return value;
  if (kind === 'unix-date' || !dateTime) {
    const seconds = midnightSeconds(Number(date[1]), Number(date[2]), Number(date[3]));
    return seconds === null ? value : String(seconds);
  }
  const zone = dateTime[3]!.toUpperCase();
  const offset = zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${dateTime[1]}T${dateTime[2]}${offset}`);
  const valid = midnightSeconds(Number(date[1]), Number(date[2]), Number(date[3])) !== null;
  return Number.isNaN(ms) || !valid ? value : String(Math.floor(ms / 1000));
}
