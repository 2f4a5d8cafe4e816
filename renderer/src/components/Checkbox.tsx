import type { ReactNode } from 'react';

/** A labelled checkbox: the whole label toggles it. */
export function Checkbox({
  checked,
  onChange,
  testId,
  title,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <label title={title}>
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {children}
    </label>
  );
}
