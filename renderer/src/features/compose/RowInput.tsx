import { useEffect, useState } from 'react';

/**
 * A 1-based row number. What is typed stays as typed (an emptied field stays empty, so retyping "5" is row 5, not
 * 15); a whole number in range is taken at once, anything else is clamped on blur or Enter.
 */
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
  useEffect(() => setText(String(row)), [row]);

  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= 1 && parsed <= count;
  const commit = () => {
    const clamped =
      Number.isFinite(parsed) && text.trim() !== '' ? Math.min(Math.max(1, Math.round(parsed)), count) : row;
    setText(String(clamped));
    if (clamped !== row) onChange(clamped);
  };

  return (
    <label>
      Row{' '}
      <input
        type="number"
        min={1}
        max={count}
        value={text}
        aria-invalid={!valid}
        aria-describedby="record-row-range"
        data-testid="record-row"
        onChange={(e) => {
          setText(e.target.value);
          const next = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isInteger(next) && next >= 1 && next <= count)
            onChange(next);
        }}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />{' '}
      <span id="record-row-range" className={valid ? '' : 'compose-warn'} data-testid="record-row-range">
        of {count}
        {!valid && ` (enter 1–${count})`}
      </span>
    </label>
  );
}
