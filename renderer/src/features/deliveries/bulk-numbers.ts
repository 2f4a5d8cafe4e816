import { withoutDigitGroups } from '../settings/digit-groups';

interface NumberField {
  /** The label the form shows. */
  label: string;
  integer: boolean;
  min: number;
  max: number;
}

/** The bulk form's number fields, with the limits `bulk.start` accepts. */
export const bulkNumberFields = {
  ratePerMinute: { label: 'Per minute', integer: false, min: 0, max: 6_000_000 },
  concurrency: { label: 'Concurrency', integer: true, min: 1, max: 1000 },
  batchSize: { label: 'Batch', integer: true, min: 1, max: 10_000 },
} satisfies Record<string, NumberField>;

/**
 * Decimal digits, the whole part in thousands groups or not ("1,000.5"), as the Settings form reads them; NaN for
 * anything else. Number() alone refused "1,000" yet read "0x10", "1e3" and "+5".
 */
function decimalValue(text: string): number {
  const match = /^([^.]*)(?:\.(\d+))?$/.exec(text);
  const whole = match?.[1] === '' ? '' : withoutDigitGroups(match?.[1] ?? '');
  if (!match || whole === null || (whole === '' && match[2] === undefined)) return NaN;
  return Number(`${whole || '0'}.${match[2] ?? '0'}`);
}

/** An empty field leaves the default; otherwise the number, or a message naming the field as the form shows it. */
export function readNumberField(text: string, field: NumberField): { value?: number; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const value = decimalValue(trimmed);
  const range =
    field.min === 0
      ? `more than 0, up to ${field.max.toLocaleString('en-US')}`
      : `${field.min}–${field.max.toLocaleString('en-US')}`;
  const what = field.integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(value) || (field.integer && !Number.isInteger(value)))
    return { error: `${field.label}: "${trimmed.slice(0, 40)}" is not ${what} (${range})` };
  if (value < field.min || value > field.max || (field.min === 0 && value === 0))
    return { error: `${field.label}: ${trimmed} is out of range (${range})` };
  return { value };
}
