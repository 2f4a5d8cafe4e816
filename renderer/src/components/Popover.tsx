import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useFitInWindow } from './use-fit-in-window';
import { isImeComposing } from '../lib/ime-composing';

/** A button that opens a small panel below it; closes on outside click or Escape. */
export function Popover({
  label,
  children,
  className = '',
  testId,
  active = false,
}: {
  label: ReactNode;
  children: (close: () => void) => ReactNode;
  className?: string;
  testId?: string;
  active?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const buttonId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useFitInWindow(panel, open);
  // Focus inside the panel would fall back to the page when it closes: keep it on the button that opened it.
  const close = useCallback(() => {
    if (ref.current?.contains(document.activeElement)) button.current?.focus();
    setOpen(false);
  }, []);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isImeComposing(e)) close();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close]);
  return (
    <div className={`popover-wrap ${className}`} ref={ref}>
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={`chip ${active ? 'chip-active' : ''}`}
        aria-expanded={open}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div className="popover" ref={panel} role="dialog" aria-labelledby={buttonId}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
