/**
 * Amounts typed with a unit (e.g. "1.5" hours, "100" KB) and the engine's whole milliseconds or bytes, converted
 * exactly both ways: a stored value is shown in the largest unit that holds it as a short exact decimal, and typed
 * text is converted with integer arithmetic, so nothing drifts through a save (no `toFixed` rounding).
 */

import { withoutDigitGroups } from './digit-groups';
import { maxBodyLimitBytes } from '../../../../electron/shared/contract/app';

export interface Unit {
  /** As shown beside the field ("days", "MB"). */
  name: string;
  /** How many of the engine's units (ms, bytes) one of these is. */
  factor: number;
}

export interface UnitSet {
  /** Largest first; the last is the engine's own unit or one it divides into a short exact decimal. */
  units: Unit[];
  /** The engine's unit, for messages ("milliseconds", "bytes"). */
  base: string;
  min: number;
  max: number;
  /** The range said in the form's terms ("1 second to 36,500 days"). */
  range: string;
}

export const ageUnits: UnitSet = {
  units: [
    { name: 'days', factor: 86_400_000 },
    { name: 'hours', factor: 3_600_000 },
    { name: 'minutes', factor: 60_000 },
    { name: 'seconds', factor: 1000 },
  ],
  base: 'milliseconds',
  min: 1000,
  max: 36_500 * 86_400_000,
  range: '1 second to 36,500 days',
};

export const sizeUnits: UnitSet = {
  units: [
    { name: 'MB', factor: 1024 * 1024 },
    { name: 'KB', factor: 1024 },
    { name: 'bytes', factor: 1 },
  ],
  base: 'bytes',
  min: 1024,
  max: maxBodyLimitBytes,
  range: '1 KB to 500 MB',
};

/** A field as typed: the text and the unit chosen beside it. */
export interface Amount {
  text: string;
  unit: string;
}

/** A stored value as a field shows it; null (no limit) is empty text in the largest unit. */
export function toAmount(value: number | null, set: UnitSet): Amount {
  const units = set.units;
  if (value === null) return { text: '', unit: units[0]!.name };
  const whole = units.find((u) => value % u.factor === 0);
  // Seconds (1000 ms) and bytes divide any whole engine value into an exact decimal of at most 3 places.
  const unit = whole ?? units[units.length - 1]!;
  return { text: String(value / unit.factor), unit: unit.name };
}

/**
 * Typed text in its unit as the engine's whole units, or a message naming the field. Integer arithmetic throughout
 * (the decimal digits times the factor), so "1.5" KB is exactly 1536 bytes and "0.1" KB (102.4 bytes) is refused
 * rather than rounded. The whole part may be written in thousands groups ("36,500" days).
 */
export function parseAmount(
  amount: Amount,
  field: string,
  optional: boolean,
  set: UnitSet,
): { value: number | null } | { error: string } {
  const text = amount.text.trim();
  if (text === '') return optional ? { value: null } : { error: `${field}: enter a number.` };
  const unit = set.units.find((u) => u.name === amount.unit);
  const match = /^([^.]*)(?:\.(\d*))?$/.exec(text);
  const whole = match?.[1] === '' ? '' : withoutDigitGroups(match?.[1] ?? '');
  if (!unit || !match || whole === null || (whole === '' && !match[2]))
    return { error: `${field}: "${text}" is not a number of ${amount.unit}.` };
  const fraction = match[2] ?? '';
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(`${whole}${fraction}` || '0') * BigInt(unit.factor);
  if (scaled < BigInt(set.min) * scale || scaled > BigInt(set.max) * scale)
    return { error: `${field}: "${text}" ${amount.unit} is not from ${set.range}.` };
  if (scaled % scale !== 0n)
    return {
      error: `${field}: "${text}" ${amount.unit} is not a whole number of ${set.base} (${Number(scaled) / Number(scale)}).`,
    };
  return { value: Number(scaled / scale) };
}

export const sameAmount = (a: Amount, b: Amount) => a.text === b.text && a.unit === b.unit;
