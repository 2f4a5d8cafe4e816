/** A JSON number's decimal value in lowest terms (`-15e-1` for `-1.50`), or null when the text is not a number. */
function decimalValue(text: string): string | null {
  const parts = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!parts) return null;
  const [, sign, whole, fraction = '', exponent = '0'] = parts;
  const significant = `${whole}${fraction}`.replace(/^0+/, '');
  const digits = significant.replace(/0+$/, '');
  if (digits === '') return '0';
  const power = BigInt(exponent) - BigInt(fraction.length) + BigInt(significant.length - digits.length);
  return `${sign === '-' ? '-' : ''}${digits}e${power}`;
}

/**
 * Whether a receiver that parses `source` as a double reads the very number sent: the same decimal value as
 * JavaScript prints the double, and for a whole number the double's exact integer (`1e21` is held exactly, `1e23` is
 * not), however many digits were written (`1.50000000000000000` is 1.5).
 */
export function doubleReadsAsSent(source: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const held =
    Number.isSafeInteger(value) || !Number.isInteger(value) ? String(value) : BigInt(value).toString();
  if (held === source) return true;
  const sent = decimalValue(source);
  return sent !== null && sent === decimalValue(held);
}
