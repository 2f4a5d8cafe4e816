/** Typed value formatting. Every function is total: odd input gives a readable display and a warning, never a throw. */

export interface Formatted {
  type: string;
  display: string;
  details: string[];
  epochMs: number | null;
  /** Messages for suspicious values (become `suspicious-value` warnings). */
  problems: string[];
}

const MAX_DISPLAY = 2000;

export function clip(text: string, max = MAX_DISPLAY): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

const fmt = (type: string, display: string, extra: Partial<Formatted> = {}): Formatted => ({
  type,
  display,
  details: extra.details ?? [],
  epochMs: extra.epochMs ?? null,
  problems: extra.problems ?? [],
});

interface RawJson {
  readonly rawJSON: string;
}
const json = JSON as JSON & {
  isRawJSON?: (value: unknown) => value is RawJson;
  rawJSON?: (text: string) => unknown;
};

/** A JSON number a double would round, or a negative zero, kept as sent (see parseJsonExact); null for anything else. */
export function exactNumberText(value: unknown): string | null {
  return value !== null && typeof value === 'object' && json.isRawJSON?.(value) === true
    ? value.rawJSON
    : null;
}

/**
 * The number a double holds, written out: past 2^53 String() prints the shortest digits that read back as the same
 * double (12345678901234567000), not the integer it holds (12345678901234567168).
 */
const doubleText = (read: number) =>
  Number.isInteger(read) && !Number.isSafeInteger(read) ? BigInt(read).toString() : String(read);

/** Plain JSON value shown as itself. */
export function formatPlain(value: unknown): Formatted {
  if (value === null) return fmt('null', 'null');
  const exact = exactNumberText(value);
  if (exact !== null) {
    const read = Number(exact);
    const lost = !Number.isFinite(read) || (read === 0 && /[1-9]/.test(exact.split(/[eE]/)[0]!));
    if (!lost && Object.is(read, -0)) return fmt('number', exact);
    // Below 2^53 a double holds every integer: what it rounds there is a fraction's digits (0.10000000000000001).
    const beyond = lost
      ? "Beyond a double's range"
      : Math.abs(read) >= 2 ** 53
        ? 'Beyond what a double holds exactly (2^53)'
        : 'More digits than a double holds';
    return fmt('number', exact, {
      problems: [
        `${beyond}: shown as sent; a receiver that parses it as a number reads ${doubleText(read)}.`,
      ],
    });
  }
  switch (typeof value) {
    case 'string':
      return fmt('string', clip(value));
    case 'number': {
      // With source-text access, parseJsonExact keeps every number a double would change as the text sent, so a
      // number still a double here is exactly what was sent, past 2^53 or not (1e21).
      const problems =
        Number.isInteger(value) && !Number.isSafeInteger(value) && !json.rawJSON
          ? ['Integer beyond 2^53: the digits shown may differ from the raw body.']
          : [];
      return fmt('number', String(value), { problems });
    }
    case 'boolean':
      return fmt('boolean', String(value));
    default:
      if (Array.isArray(value)) return fmt('array', `${value.length} item${value.length === 1 ? '' : 's'}`);
      if (typeof value === 'object') {
        const keys = Object.keys(value).length;
        return fmt('object', `${keys} key${keys === 1 ? '' : 's'}`);
      }
      return fmt('unknown', String(value));
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ms since epoch → "2023-10-03 04:11:23 UTC" (with a fraction when given). */
export function formatUtc(ms: number, fraction = ''): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'invalid date';
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction} UTC`
  );
}

/** ms since epoch in the viewer's (or a named) time zone. */
export function formatLocal(ms: number, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
      timeZone,
      timeZoneName: 'short',
    })
      .format(new Date(ms))
      .replace(',', '');
  } catch {
    return formatUtc(ms);
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

const EPOCH_UNITS: Array<[unit: string, below: bigint, perMs: bigint | null]> = [
  ['seconds', 10n ** 11n, null],
  ['milliseconds', 10n ** 14n, 1n],
  ['microseconds', 10n ** 17n, 1000n],
  ['nanoseconds', 10n ** 20n, 1_000_000n],
];

/** What whole-number digits would mean as a Unix epoch, the unit guessed from their size; null when nothing fits. */
function epochReading(digits: string): string | null {
  if (!/^\d{1,20}$/.test(digits)) return null;
  const n = BigInt(digits);
  const fit = EPOCH_UNITS.find(([, below]) => n < below);
  if (!fit) return null;
  const [unit, , perMs] = fit;
  const ms = perMs === null ? Number(n) * 1000 : Number(n / perMs);
  return `Read as Unix ${unit} (by its size) it would be ${formatUtc(ms)}.`;
}

/**
 * Ortto `tme`: RFC 3339 with up to 9 fractional digits (more than Date keeps, so the fraction is kept as text). Ortto
 * documents no numeric form, so a number is shown as sent, with what its size suggests as a detail only.
 */
export function formatTimestamp(value: unknown): Formatted {
  if (typeof value !== 'string') {
    const digits = typeof value === 'number' ? String(value) : exactNumberText(value);
    if (digits !== null) {
      const reading = epochReading(digits);
      return fmt('number', digits, {
        details: reading ? [reading] : [],
        problems: [
          'Expected an RFC 3339 time string such as "2023-10-03T04:11:23Z" (how Ortto sends tme values), not a number; shown as sent.',
        ],
      });
    }
    return { ...formatPlain(value), problems: ['Expected an RFC 3339 time string.'] };
  }
  const m = RFC3339.exec(value);
  if (!m) {
    // A string of digits is most likely an epoch: say what it would read as, as for the number form.
    const reading = epochReading(value);
    return fmt('string', clip(value), {
      details: reading ? [reading] : [],
      problems: ['Not an RFC 3339 time.'],
    });
  }
  // Date.parse rolls impossible fields over (Feb 30 → Mar 2, 24:00 → next day): check each one first.
  const impossible = impossibleField(m);
  if (impossible) return fmt('string', clip(value), { problems: [impossible] });
  const fraction = m[7] ?? '';
  const zone = m[8]!.toUpperCase();
  const leap = m[6] === '60';
  const ms = Date.parse(
    `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${leap ? '59' : m[6]}${fraction.slice(0, 4)}${zone}`,
  );
  if (Number.isNaN(ms)) return fmt('string', clip(value), { problems: ['Time out of range.'] });
  // The UTC reading loses the sender's wall clock: show the fields as written, in the offset they were written in.
  const details =
    zone === 'Z' ? [] : [`${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}${fraction} ${m[8]} (as sent)`];
  if (!leap) return fmt('timestamp', formatUtc(ms, fraction), { epochMs: ms, details });
  // Offsets are whole minutes, so the UTC second is :59 too; shown as the :60 that was sent.
  const display = formatUtc(ms, fraction).replace(/:59((?:\.\d+)?) UTC$/, ':60$1 UTC');
  const utc = new Date(ms);
  const endOfMonth =
    new Date(ms + 1000).getUTCDate() === 1 && utc.getUTCHours() === 23 && utc.getUTCMinutes() === 59;
  return fmt('timestamp', display, {
    epochMs: Math.floor(ms / 1000) * 1000 + 1000,
    details: [
      ...details,
      'Leap second (:60), as RFC 3339 allows; Unix time has no such second, so the instant counts as the next second.',
    ],
    problems: endOfMonth
      ? []
      : ['Second 60 (a leap second) only falls at 23:59:60 UTC at the end of a month.'],
  });
}

/** Why an RFC 3339 match names a time that does not exist (Feb 30, hour 24), or null when it is a real one. */
function impossibleField(m: RegExpExecArray): string | null {
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return `Month ${m[2]} is out of range (01–12).`;
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0); // day 0 of the next month: this month's last day (Date.UTC maps years < 100)
  const days = last.getUTCDate();
  if (day < 1 || day > days) return `Day ${m[3]} is out of range: ${m[1]}-${m[2]} has ${days} days.`;
  if (hour > 23) return `Hour ${m[4]} is out of range (00–23).`;
  if (minute > 59) return `Minute ${m[5]} is out of range (00–59).`;
  if (second > 60) return `Second ${m[6]} is out of range (00–59, or 60 for a leap second).`;
  const zone = /^[+-](\d{2}):(\d{2})$/.exec(m[8]!);
  if (zone && (Number(zone[1]) > 23 || Number(zone[2]) > 59)) return `Offset ${m[8]} is out of range.`;
  return null;
}

/** Unix seconds (Ontraport sends them as strings). */
export function formatUnixSeconds(value: unknown): Formatted {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === '') return fmt('unix-time', '(empty)');
  if (text === null || !/^-?\d{1,13}$/.test(text)) {
    return { ...formatPlain(value), problems: ['Expected Unix seconds.'] };
  }
  const seconds = Number(text);
  if (seconds === 0) return fmt('unix-time', '0 (not set)');
  if (Math.abs(seconds) > 1e10) {
    // Read as seconds it would be tens of thousands of years away, either way (a birthday before 1970 in ms is
    // negative): show the instant it names as milliseconds.
    return fmt('unix-time', formatUtc(seconds), {
      epochMs: seconds,
      details: [`${text} ms since 1970-01-01 UTC`],
      problems: [
        `Looks like milliseconds, not seconds: shown read as milliseconds; read as seconds it would be ${formatUtc(seconds * 1000)}.`,
      ],
    });
  }
  const ms = seconds * 1000;
  return fmt('unix-time', formatUtc(ms), {
    epochMs: ms,
    details: [`${text} s since 1970-01-01 UTC`],
  });
}

const DAY_MS = 86_400_000;

/**
 * A date without a time of day in Unix seconds (Ontraport's birthday: midnight UTC of the day). It names no instant,
 * so it gets no local-time reading, which would move it to the day before west of Greenwich; a value that is not a
 * midnight UTC reads as the time it names, still without a local reading.
 */
export function formatUnixDate(value: unknown): Formatted {
  const time = formatUnixSeconds(value);
  if (time.epochMs === null) return time;
  if (time.epochMs % DAY_MS !== 0)
    return { ...time, epochMs: null, details: [...time.details, 'A date field, but not at midnight UTC.'] };
  return {
    ...time,
    type: 'date',
    display: formatUtc(time.epochMs).slice(0, -' 00:00:00 UTC'.length),
    epochMs: null,
    details: [...time.details, 'A date without a time of day (sent as its midnight UTC)'],
  };
}

const exactAware = new WeakSet<(v: unknown) => Formatted>();

/** Marks a formatter that reads a number beyond a double's precision as the digits sent (see exactNumberText). */
export function readsExactNumbers(format: (v: unknown) => Formatted): (v: unknown) => Formatted {
  exactAware.add(format);
  return format;
}

/** Whether `format` is given such numbers as sent; any other formatter gets them as (rounded) numbers. */
export const acceptsExactNumbers = (format: (v: unknown) => Formatted) => exactAware.has(format);

/** JSON number text for -0 (`-0`, `-0.0`, `-0e5`), kept as sent only for its sign; not a number too small to hold. */
const isNegativeZero = (text: string) => Object.is(Number(text), -0) && !/[1-9]/.test(text.split(/[eE]/)[0]!);

/** Ortto stores `int` fields as int64 (DOMAIN-NOTES §1, the type table). */
const INT64_MAX = 2n ** 63n - 1n;

/** An `int` beyond 2^53, from the digits sent: exact, ×1000-scaled with BigInt when it is a decimal or currency. */
function formatExactInt(digits: string, displayType: string | undefined, scaled: boolean): Formatted {
  const rounded = `a receiver that parses it as a number reads ${doubleText(Number(digits))}`;
  if (!/^-?\d+$/.test(digits))
    return fmt('number', digits, {
      problems: ['Expected an integer (decimals travel ×1000).', `Shown as sent; ${rounded}.`],
    });
  const problems = [`Integer beyond 2^53: shown as sent; ${rounded}.`];
  const wire = BigInt(digits);
  if (wire > INT64_MAX || wire < -INT64_MAX - 1n)
    problems.push(
      `Beyond Ortto's int64 range (${-INT64_MAX - 1n} to ${INT64_MAX}${scaled ? ' on the wire, ×1000' : ''}): Ortto cannot store this value.`,
    );
  if (!scaled) return fmt(displayType === 'engagement' ? 'engagement' : 'integer', digits, { problems });
  const type = displayType === 'currency' || displayType === 'price' ? 'currency' : 'decimal';
  const negative = digits.startsWith('-');
  const abs = BigInt(negative ? digits.slice(1) : digits);
  let frac = String(abs % 1000n)
    .padStart(3, '0')
    .replace(/0+$/, '');
  while (frac.length < (type === 'currency' ? 2 : 0)) frac += '0';
  const display = `${negative ? '-' : ''}${abs / 1000n}${frac ? `.${frac}` : ''}`;
  return fmt(type, display, { details: [`${digits} on the wire ÷ 1000`], problems });
}

/** A -0 (`-0`, `"-00"`) is zero, well within 2^53: shown as written, or as zero with the wire text when ×1000. */
function formatNegativeZero(text: string, displayType: string | undefined, scaled: boolean): Formatted {
  const zero = formatInt(0, displayType, scaled);
  return scaled ? { ...zero, details: [`${text} on the wire ÷ 1000`] } : { ...zero, display: text };
}

/** `int` values; decimals and currency arrive ×1000. */
export function formatInt(value: unknown, displayType: string | undefined, scaled: boolean): Formatted {
  const exact = exactNumberText(value);
  if (exact !== null && isNegativeZero(exact)) return formatNegativeZero(exact, displayType, scaled);
  if (exact !== null) return formatExactInt(exact, displayType, scaled);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    if (typeof value === 'string' && /^-?\d+$/.test(value)) {
      // Digits past 2^53 are read exactly, as for a number sent that long: Number() would change them.
      const inner = isNegativeZero(value)
        ? formatNegativeZero(value, displayType, scaled)
        : Number.isSafeInteger(Number(value))
          ? formatInt(Number(value), displayType, scaled)
          : formatExactInt(value, displayType, scaled);
      return { ...inner, problems: [...inner.problems, 'Number sent as a string.'] };
    }
    return { ...formatPlain(value), problems: ['Expected an integer.'] };
  }
  const problems: string[] = [];
  if (!Number.isInteger(value)) problems.push('Expected an integer (decimals travel ×1000).');
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) problems.push('Integer beyond 2^53.');
  if (!scaled)
    return fmt(displayType === 'engagement' ? 'engagement' : 'integer', String(value), { problems });
  const type = displayType === 'currency' || displayType === 'price' ? 'currency' : 'decimal';
  const display = scaleThousand(value, type === 'currency' ? 2 : 0);
  return fmt(type, display, { details: [`${value} on the wire ÷ 1000`], problems });
}

/**
 * value ÷ 1000 by moving the decimal point in the digits JavaScript prints for value: dividing the double shows binary
 * rounding (21102.33 / 1000 is 21.102330000000002).
 */
function thousandth(value: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m || Math.abs(Number(m[4] ?? 0)) > 20) return String(value / 1000);
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponent) - 3;
  const text =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const trimmed = text.replace(/^0+(?=\d)/, '');
  return sign! + (trimmed.includes('.') ? trimmed.replace(/0+$/, '').replace(/\.$/, '') : trimmed);
}

/** Exact decimal text of value/1000, with at least `minDecimals` decimals. */
export function scaleThousand(value: number, minDecimals: number): string {
  if (!Number.isInteger(value)) return thousandth(value);
  const negative = value < 0;
  // Past 2^53 a number is still a whole number: its digits, read exactly, keep the decimals (no "1e+17").
  const digits = (
    Number.isSafeInteger(value) ? String(Math.abs(value)) : BigInt(Math.abs(value)).toString()
  ).padStart(4, '0');
  const whole = digits.slice(0, -3).replace(/^0+(?=\d)/, '');
  let frac = digits.slice(-3).replace(/0+$/, '');
  while (frac.length < minDecimals) frac += '0';
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const KEEPS_LEADING_ZERO = new Set(['39', '378', '379']);

/**
 * A number or string sub-value as text: numbers beyond 2^53 inside an object arrive as the digits sent (a raw JSON
 * value, see exactNumberText, or a BigInt), not as a number; null for anything else.
 */
export function scalarText(v: unknown): string | null {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') return String(v);
  return exactNumberText(v);
}

/** `phn` {c, n} → +61 401234567. */
export function formatPhone(value: unknown): Formatted {
  if (typeof value === 'string') return fmt('phone', clip(value));
  if (!isRecord(value)) return { ...formatPlain(value), problems: ['Expected a phone object {c, n}.'] };
  const c = value.c ?? value.country_code;
  const n = value.n ?? value.number ?? value.phone;
  const cs = scalarText(c)?.replace(/^\+/, '') ?? '';
  const ns = scalarText(n) ?? '';
  const problems: string[] = [];
  if (cs && !/^\d{1,4}$/.test(cs)) problems.push('Country calling code is not 1–4 digits.');
  if (!ns) problems.push('No national number (n).');
  // Italy (and San Marino, the Vatican) keep the leading 0 of landlines in international form: +39 06… is right.
  if (/^0/.test(ns) && !KEEPS_LEADING_ZERO.has(cs)) problems.push('National number starts with a trunk 0.');
  return fmt('phone', cs ? `+${cs} ${ns}` : ns, {
    details: [`country code ${cs || '(none)'}, national number ${ns || '(none)'}`],
    problems,
  });
}

const rawText = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

/** A geo coordinate as sent: a number, or a string of one (parsed); `text` is what was sent. */
function coordinate(v: unknown): { text: string; value: number | null; fromString: boolean } | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number')
    return { text: String(v), value: Number.isFinite(v) ? v : null, fromString: false };
  if (typeof v === 'string') {
    const t = v.trim();
    return { text: v, value: /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null, fromString: true };
  }
  const digits = scalarText(v);
  if (digits !== null) return { text: digits, value: Number(digits), fromString: false };
  return { text: rawText(v), value: null, fromString: false };
}

/** `geo` {name, id, lat, lng}; lat/lng are ×1,000,000. */
export function formatGeo(value: unknown): Formatted {
  if (typeof value === 'string') return fmt('geo', clip(value));
  if (!isRecord(value))
    return { ...formatPlain(value), problems: ['Expected a geo object {name, lat, lng}.'] };
  const problems: string[] = [];
  let name = typeof value.name === 'string' ? value.name : '';
  if (value.name !== undefined && value.name !== null && typeof value.name !== 'string') {
    // Never drop what was sent: a name that is not text is shown as it came.
    name = scalarText(value.name) ?? rawText(value.name);
    problems.push('Expected the name as a string; shown as sent.');
  }
  const details: string[] = [];
  let coords = '';
  const lat = coordinate(value.lat);
  const lng = coordinate(value.lng);
  if (
    lat?.value != null &&
    lng?.value != null &&
    (!Number.isInteger(lat.value) || !Number.isInteger(lng.value))
  ) {
    // ÷ 1,000,000 would put degrees sent unscaled (22.5726) next to 0°, 0°: show them as they came instead.
    coords = `${clip(lat.text, 100)}, ${clip(lng.text, 100)}`;
    problems.push(
      'Expected lat and lng as integers ×1,000,000: these have decimals (degrees sent unscaled?); shown as sent, not ÷ 1,000,000.',
    );
  } else if (lat?.value != null && lng?.value != null) {
    const la = lat.value / 1_000_000;
    const ln = lng.value / 1_000_000;
    if (Math.abs(la) > 90 || Math.abs(ln) > 180)
      problems.push('Latitude/longitude out of range after ÷ 1,000,000.');
    if (lat.fromString || lng.fromString)
      problems.push('Latitude/longitude sent as strings (expected integers).');
    coords = `${la.toFixed(6)}, ${ln.toFixed(6)}`;
    details.push(
      `lat ${clip(lat.text, 100)} ÷ 1,000,000 = ${la}`,
      `lng ${clip(lng.text, 100)} ÷ 1,000,000 = ${ln}`,
    );
  } else if (lat || lng) {
    // Never drop what was sent: show it as it came, and say what was expected.
    coords = `lat ${clip(lat?.text ?? '(none)', 100)}, lng ${clip(lng?.text ?? '(none)', 100)}`;
    problems.push('Expected lat and lng as integers ×1,000,000; shown as sent.');
  }
  if (value.id !== undefined) details.push(`id ${clip(scalarText(value.id) ?? rawText(value.id), 100)}`);
  const display = [clip(name, 200), coords && `(${coords})`].filter(Boolean).join(' ') || '(no name)';
  return fmt('geo', display, { details, problems });
}

/** One part of a `dtz` date: a whole number (or a string of digits, flagged), else shown as sent. */
function datePart(v: unknown, width: number): { text: string; n: number | null; fromString: boolean } {
  if (typeof v === 'number' && Number.isInteger(v)) return { text: pad(v, width), n: v, fromString: false };
  if (typeof v === 'string' && /^\d{1,6}$/.test(v.trim())) {
    const n = Number(v.trim());
    return { text: pad(n, width), n, fromString: true };
  }
  if (v === undefined) return { text: '?'.repeat(width), n: null, fromString: false };
  return { text: clip(rawText(v), 40), n: null, fromString: false };
}

/** Whether the day is in that month; setUTCFullYear, as Date.UTC reads years 0–99 as 1900–1999 (no 29 Feb of year 0). */
function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDate() === day;
}

/** `dtz` {year, month, day, timezone}. */
export function formatDate(value: unknown): Formatted {
  if (typeof value === 'string') return fmt('date', clip(value));
  if (!isRecord(value))
    return { ...formatPlain(value), problems: ['Expected a date object {year, month, day, timezone}.'] };
  const { timezone } = value;
  const year = datePart(value.year, 4);
  const month = datePart(value.month, 2);
  const day = datePart(value.day, 2);
  const named = { year, month, day };
  const problems: string[] = [];
  const missing = Object.keys(named).filter((k) => value[k] === undefined);
  const odd = Object.keys(named).filter(
    (k) => value[k] !== undefined && named[k as keyof typeof named].n === null,
  );
  const strings = Object.keys(named).filter((k) => named[k as keyof typeof named].fromString);
  if (missing.length) problems.push(`No ${missing.join(', ')}.`);
  if (odd.length) problems.push(`${odd.join(', ')} should be whole numbers; shown as sent.`);
  if (strings.length) problems.push(`${strings.join(', ')} sent as strings (expected numbers).`);
  if (year.n !== null && month.n !== null && day.n !== null) {
    if (month.n < 1 || month.n > 12 || day.n < 1 || day.n > 31) problems.push('Month or day out of range.');
    else if (!dayExists(year.n, month.n, day.n)) problems.push(`There is no day ${day.n} in that month.`);
  }
  let tz = typeof timezone === 'string' && timezone ? ` (${clip(timezone, 64)})` : '';
  if (timezone !== undefined && timezone !== null && typeof timezone !== 'string') {
    // Never drop what was sent: a timezone that is not text is shown as it came.
    tz = ` (${clip(scalarText(timezone) ?? rawText(timezone), 64)})`;
    problems.push(
      'Expected the timezone as a string (an IANA name such as "Australia/Sydney"); shown as sent.',
    );
  }
  return fmt('date', `${year.text}-${month.text}-${day.text}${tz}`, { problems });
}

export function formatBoolean(value: unknown): Formatted {
  if (typeof value === 'boolean') return fmt('boolean', value ? 'true' : 'false');
  if (value === 'true' || value === 'false')
    return fmt('boolean', value, { problems: ['Boolean sent as a string.'] });
  return { ...formatPlain(value), problems: ['Expected true or false.'] };
}

/**
 * A list item as shown between ", " separators: a string that holds a comma or a quote, is empty or has edge spaces is
 * quoted as JSON, so `["Paid, annual", "VIP"]` cannot read as three items.
 */
function listItemText(v: unknown): string {
  if (typeof v !== 'string') return JSON.stringify(v) ?? String(v);
  return v === '' || /[,"]|^\s|\s$/.test(v) ? JSON.stringify(v) : v;
}

/** Sets and lists (`u4s`, `ids`, `sst`, `stl`, `tags`). */
export function formatList(value: unknown, type: string): Formatted {
  if (!Array.isArray(value)) {
    if (typeof value === 'string') return fmt(type, clip(value));
    return { ...formatPlain(value), problems: ['Expected a list.'] };
  }
  const shown = value.slice(0, 200).map(listItemText);
  const more = value.length > 200 ? ` … (${value.length - 200} more)` : '';
  const problems: string[] = [];
  if (type === 'id-list') {
    // Numbers beyond 2^53 arrive as the digits sent (see exactNumberText): numbers all the same.
    const long = value.map(exactNumberText).filter((d): d is string => d !== null && !isNegativeZero(d));
    if (value.some((v) => typeof v !== 'number' && typeof v !== 'string' && exactNumberText(v) === null))
      problems.push('List items should be numbers or IDs.');
    if (long.length > 0)
      problems.push(
        `${long[0]} is beyond 2^53: shown as sent; a receiver that parses it as a number reads ${doubleText(Number(long[0]))}.`,
      );
  }
  return fmt(type, clip(shown.join(', ') + more) || '(empty)', {
    details: [`${value.length} item${value.length === 1 ? '' : 's'}`],
    problems,
  });
}

/** `u4s`: a set of unsigned integers (tag IDs); a negative or fractional item names no such ID. */
export function formatUnsignedSet(value: unknown): Formatted {
  const list = formatList(value, 'id-list');
  if (!Array.isArray(value)) return list;
  const odd = value
    .map((v) => (typeof v === 'number' ? String(v) : exactNumberText(v)))
    .find(
      (text) => text !== null && (text.startsWith('-') || !/^-?\d+$/.test(text)) && !isNegativeZero(text),
    );
  if (odd === undefined || odd === null) return list;
  return {
    ...list,
    problems: [
      ...list.problems,
      `${clip(odd, 40)} is not an unsigned integer (u4s items are whole numbers from 0).`,
    ],
  };
}

// Ontraport multi-value lists: ids between star-slash-star separators, e.g. '*/*4*/*12*/*'.
export function formatStarList(value: unknown): Formatted {
  if (typeof value !== 'string') return formatPlain(value);
  if (value === '') return fmt('tag-list', '(empty)');
  const items = value.split('*/*').filter((s) => s !== '');
  const problems = value.startsWith('*/*') && value.endsWith('*/*') ? [] : ['Expected a */*-delimited list.'];
  return fmt('tag-list', clip(items.map(listItemText).join(', ')) || '(empty)', {
    details: [`${items.length} item${items.length === 1 ? '' : 's'}`],
    problems,
  });
}

export const isStarList = (value: unknown): boolean =>
  typeof value === 'string' && value.length >= 6 && value.startsWith('*/*') && value.endsWith('*/*');

/** A `*\/*` list of ids only (`*\/*4*\/*12*\/*`), as Ontraport sends multi-select values and tags (DOMAIN-NOTES §3.3). */
export const isStarIdList = (value: unknown): boolean =>
  typeof value === 'string' && /^\*\/\*(?:\d{1,20}\*\/\*)+$/.test(value);
