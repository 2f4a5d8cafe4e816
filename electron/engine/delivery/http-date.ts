const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = `(${MONTHS.join('|')})`;
const time = '(\\d{2}):(\\d{2}):(\\d{2})';
/** RFC 9110 §5.6.7: `Sun, 06 Nov 1994 08:49:37 GMT`, and the obsolete `Sunday, 06-Nov-94 …` and asctime forms. */
const imfFixdate = new RegExp(`^[A-Za-z]{3}, (\\d{2}) ${month} (\\d{4}) ${time} GMT$`);
const rfc850 = new RegExp(`^[A-Za-z]+, (\\d{2})-${month}-(\\d{2}) ${time} GMT$`);
const asctime = new RegExp(`^[A-Za-z]{3} ${month} ( \\d|\\d{2}) ${time} (\\d{4})$`);

/**
 * An HTTP date as ms since the epoch, or null. Each form is GMT, asctime's too though it does not say so: Date.parse
 * read asctime in this computer's zone (hours off anywhere but UTC) and took any text with a number in it for a date.
 */
export function parseHttpDate(value: string, nowMs: number): number | null {
  let parts: [day: string, mon: string, year: number, h: string, m: string, s: string] | null = null;
  let match = imfFixdate.exec(value);
  if (match) parts = [match[1]!, match[2]!, Number(match[3]), match[4]!, match[5]!, match[6]!];
  else if ((match = rfc850.exec(value))) {
    // Two-digit years more than 50 years ahead are in the past century (RFC 9110).
    const yy = Number(match[3]);
    const thisYear = new Date(nowMs).getUTCFullYear();
    const century = Math.floor(thisYear / 100) * 100;
    const year = century + yy > thisYear + 50 ? century - 100 + yy : century + yy;
    parts = [match[1]!, match[2]!, year, match[4]!, match[5]!, match[6]!];
  } else if ((match = asctime.exec(value)))
    parts = [match[2]!.trim(), match[1]!, Number(match[6]), match[3]!, match[4]!, match[5]!];
  if (!parts) return null;
  const [day, mon, year, h, m, s] = parts;
  const ms = Date.UTC(year, MONTHS.indexOf(mon), Number(day), Number(h), Number(m), Number(s));
  const back = new Date(ms);
  // Impossible fields (31 Feb, 25:00) roll over in Date.UTC: refuse them instead.
  if (
    back.getUTCDate() !== Number(day) ||
    back.getUTCHours() !== Number(h) ||
    Number(m) > 59 ||
    Number(s) > 60
  )
    return null;
  return ms;
}
