import { useEffect, useRef } from 'react';
import { visibleAttribute } from '../../components/VisibleText';

export interface Pair {
  name: string;
  value: string;
  enabled?: boolean;
}

/** An editable name/value table (headers, variables, API keys). The last empty row adds a new pair. */
export function PairsEditor<T extends Pair>({
  rows,
  onChange,
  make,
  nameLabel = 'Name',
  valueLabel = 'Value',
  testId,
  errors = {},
  secretValues = false,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  make: (name: string, value: string) => T;
  nameLabel?: string;
  valueLabel?: string;
  testId: string;
  /** Error message per row index. */
  errors?: Record<number, string>;
  secretValues?: boolean;
}) {
  const update = (index: number, patch: Partial<Pair>) =>
    onChange(rows.map((row, i) => (i === index ? ({ ...row, ...patch } as T) : row)));
  // Rows are keyed by index, so removing one unmounts the last row's button: when that was the one pressed, the focus
  // moves to the row now last, or to "+ Add" when none is left, instead of dropping to the page.
  const table = useRef<HTMLTableElement>(null);
  const refocus = useRef(false);
  // "+ Add" makes a row to type into: its name takes the focus, or a keyboard user's typing goes nowhere.
  const added = useRef(false);
  useEffect(() => {
    if (added.current) {
      added.current = false;
      const names = table.current?.querySelectorAll<HTMLInputElement>('tbody td.pairs-name input');
      names?.[rows.length - 1]?.focus();
      return;
    }
    if (!refocus.current) return;
    refocus.current = false;
    const buttons = table.current?.querySelectorAll<HTMLButtonElement>('.pairs-actions button');
    (
      buttons?.[rows.length - 1] ?? table.current?.querySelector<HTMLButtonElement>('.pairs-new button')
    )?.focus();
  }, [rows.length]);
  const remove = (index: number) => {
    refocus.current = index === rows.length - 1;
    onChange(rows.filter((_, i) => i !== index));
  };
  const hasToggle = rows.some((r) => r.enabled !== undefined) || make('', '').enabled !== undefined;
  return (
    <table className="pairs-table" data-testid={testId} ref={table}>
      <thead>
        <tr>
          {hasToggle && <th className="pairs-toggle" aria-label="Send" />}
          <th>{nameLabel}</th>
          <th>{valueLabel}</th>
          <th className="pairs-actions" aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr
            key={index}
            className={errors[index] ? 'pairs-error' : ''}
            title={errors[index] === undefined ? undefined : visibleAttribute(errors[index])}
          >
            {hasToggle && (
              <td className="pairs-toggle">
                <input
                  type="checkbox"
                  checked={row.enabled !== false}
                  aria-label={`Send ${visibleAttribute(row.name) || 'row'}`}
                  onChange={(e) => update(index, { enabled: e.target.checked })}
                />
              </td>
            )}
            <td className="pairs-name">
              <input
                value={row.name}
                aria-label={`${nameLabel} ${index + 1}`}
                spellCheck={false}
                onChange={(e) => update(index, { name: e.target.value })}
              />
            </td>
            <td>
              <input
                value={row.value}
                type={secretValues ? 'password' : 'text'}
                aria-label={`${valueLabel} ${index + 1}`}
                spellCheck={false}
                onChange={(e) => update(index, { value: e.target.value })}
              />
            </td>
            <td className="pairs-actions">
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Remove ${visibleAttribute(row.name) || 'row'}`}
                onClick={() => remove(index)}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
        <tr className="pairs-new">
          {hasToggle && <td />}
          <td colSpan={2}>
            <button
              type="button"
              className="btn btn-small"
              data-testid={`${testId}-add`}
              onClick={() => {
                added.current = true;
                onChange([...rows, make('', '')]);
              }}
            >
              + Add
            </button>
          </td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
