import { useEffect, useState } from 'react';
import { withoutDigitGroups } from '../settings/digit-groups';

/**
 * A 1-based row number. What is typed stays as typed (an emptied field stays empty, so retyping "5" is row 5, not
 * 15); a whole number in range is taken at once, one out of range is clamped on blur or Enter, and anything that is
 * not a whole number ("1,5", "1e3") is refused with a message while the row in use stays.
 */
// Digits in thousands groups or not ("1,000"); a number input would read "1,5" as 15 and "1e3" as 1000.
const read = (t: string) => Number(withoutDigitGroups(t.trim()) ?? NaN);

export function RowInput({
  row,
  count,
  onChange,
}: {
  row: number;
  count: number;
  onChange: (row: number) => void;
}) {
  const [text, setText] = useState(String(row));
  // A row chosen elsewhere replaces the text; the row just typed ("1,000") is left as typed.
  useEffect(() => setText((typed) => (read(typed) === row ? typed : String(row))), [row]);
  const parsed = read(text);
  const valid = parsed >= 1 && parsed <= count;
  const commit = () => {
    if (text.trim() !== '' && Number.isNaN(parsed)) return;
    const clamped = text.trim() === '' ? row : Math.min(Math.max(1, parsed), count);
    setText(String(clamped));
    if (clamped !== row) onChange(clamped);
  };

  return (
    <label>
      Row{' '}
      <input
        inputMode="numeric"
        className="compose-number"
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? 'record-row-range' : 'record-row-range record-row-error'}
        data-testid="record-row"
        onChange={(e) => {
          setText(e.target.value);
          const next = read(e.target.value);
          if (next >= 1 && next <= count) onChange(next);
        }}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />{' '}
      <span id="record-row-range" data-testid="record-row-range">
        of {count.toLocaleString('en')}
      </span>
      {!valid && ' '}
      {!valid && (
        <span id="record-row-error" className="compose-error" data-testid="record-row-error">
          Row: enter a whole number from 1 to {count.toLocaleString('en')}; row {row.toLocaleString('en')} is
          used
        </span>
      )}
    </label>
  );
}
