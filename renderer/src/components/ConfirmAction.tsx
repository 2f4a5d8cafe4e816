import { useState } from 'react';

/**
 * A destructive action that asks first: one button opens the choice, then "confirm" runs it and "cancel" closes it.
 * `onOpen` runs when the choice opens (e.g. to clear an earlier notice).
 */
export function ConfirmAction(props: {
  label: string;
  confirmLabel: string;
  cancelLabel: string;
  title?: string;
  onOpen?: () => void;
  onConfirm: () => unknown;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button
        className="btn btn-small"
        type="button"
        title={props.title}
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
      <button
        className="btn btn-small btn-danger"
        type="button"
        onClick={() => void Promise.resolve(props.onConfirm()).finally(() => setOpen(false))}
      >
        {props.confirmLabel}
      </button>
      <button className="btn btn-small" type="button" onClick={() => setOpen(false)}>
        {props.cancelLabel}
      </button>
    </>
  );
}
