import { useState, type ReactNode } from 'react';

/**
 * A destructive action that asks first: one button opens the choice, then "confirm" runs it and "cancel" closes it.
 * `onOpen` runs when the choice opens (e.g. to clear an earlier notice); `message` says what confirming will do.
 * `testId` names the opening button; its confirm, cancel and message get `-confirm`, `-cancel` and `-message`.
 */
export function ConfirmAction(props: {
  label: string;
  confirmLabel: string;
  cancelLabel: string;
  title?: string;
  message?: ReactNode;
  testId?: string;
  onOpen?: () => void;
  onConfirm: () => unknown;
}) {
  const [open, setOpen] = useState(false);
  const id = (suffix: string) => (props.testId ? `${props.testId}${suffix}` : undefined);
  if (!open)
    return (
      <button
        className="btn btn-small"
        type="button"
        title={props.title}
        data-testid={id('')}
        onClick={() => {
          props.onOpen?.();
          setOpen(true);
        }}
      >
        {props.label}
      </button>
    );
  return (
    <>
      {props.message && (
        <span className="confirm-message" role="alert" data-testid={id('-message')}>
          {props.message}
        </span>
      )}
      <button
        className="btn btn-small btn-danger"
        type="button"
        data-testid={id('-confirm')}
        onClick={() => void Promise.resolve(props.onConfirm()).finally(() => setOpen(false))}
      >
        {props.confirmLabel}
      </button>
      <button
        className="btn btn-small"
        type="button"
        data-testid={id('-cancel')}
        onClick={() => setOpen(false)}
      >
        {props.cancelLabel}
      </button>
    </>
  );
}
