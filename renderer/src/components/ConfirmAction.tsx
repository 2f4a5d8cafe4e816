import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { VisibleText } from './VisibleText';

/**
 * A destructive action that asks first: one button opens the choice, then "confirm" runs it and "cancel" (or Escape)
 * closes it.
 * `onOpen` runs when the choice opens (e.g. to clear an earlier notice); `message` says what confirming will do.
 * `testId` names the opening button; its confirm, cancel and message get `-confirm`, `-cancel` and `-message`.
 * `openerName` is the opening button's accessible name, when its label alone does not say what it acts on.
 */
export function ConfirmAction(props: {
  label: string;
  openerName?: string;
  confirmLabel: string;
  cancelLabel: string;
  title?: string;
  message?: ReactNode;
  testId?: string;
  onOpen?: () => void;
  onConfirm: () => unknown;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const used = useRef(false);
  // The button pressed goes away: focus moves to the safe choice, and back to the opener when the choice closes.
  useEffect(() => {
    if (used.current) (open ? cancel : opener).current?.focus();
  }, [open]);
  const id = (suffix: string) => (props.testId ? `${props.testId}${suffix}` : undefined);
  // Escape answers "cancel", and only that: a dialog the choice sits in stays open.
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
  };
  if (!open)
    return (
      <button
        className="btn btn-small"
        type="button"
        ref={opener}
        aria-label={props.openerName}
        title={props.title}
        data-testid={id('')}
        onClick={() => {
          props.onOpen?.();
          used.current = true;
          setOpen(true);
        }}
      >
        {props.label}
      </button>
    );
  // A string may quote what a user typed, so it is drawn visibly; a node is markup its caller built from its own parts.
  const messageNode =
    typeof props.message === 'string' ? <VisibleText text={props.message} /> : props.message;
  return (
    <>
      {props.message && (
        <span className="confirm-message" role="alert" data-testid={id('-message')}>
          {messageNode}
        </span>
      )}
      <button
        className="btn btn-small btn-danger"
        type="button"
        data-testid={id('-confirm')}
        onKeyDown={escape}
        onClick={() => void Promise.resolve(props.onConfirm()).finally(() => setOpen(false))}
      >
        {props.confirmLabel}
      </button>
      <button
        className="btn btn-small"
        type="button"
        ref={cancel}
        data-testid={id('-cancel')}
        onKeyDown={escape}
        onClick={() => setOpen(false)}
      >
        {props.cancelLabel}
      </button>
    </>
  );
}
