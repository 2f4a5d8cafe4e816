import { useEffect, useRef, type KeyboardEvent } from 'react';
import { VisibleText } from '../../components/VisibleText';

/**
 * The loop guard refused a send to this app's own receiver: says why and offers an explicit "send anyway". It takes
 * the focus when it appears, on the safe answer (Cancel) when there is one; Escape answers Cancel, whose handler
 * returns the focus to the control that asked. Without `onCancel` Escape is left to the dialog around it.
 */
export function LoopConfirm({
  message,
  onConfirm,
  onCancel,
  confirmLabel = 'Send to my own receiver anyway',
  testId,
  confirmTestId,
}: {
  message: string;
  onConfirm: () => void;
  onCancel?: () => void;
  confirmLabel?: string;
  testId: string;
  confirmTestId: string;
}) {
  const question = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (cancel.current ?? question.current)?.focus();
  }, []);
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !onCancel) return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };
  return (
    <div className="notice notice-warn" data-testid={testId} ref={question} tabIndex={-1} onKeyDown={escape}>
      <p>
        <VisibleText text={message} />
      </p>
      <button
        type="button"
        className="btn btn-small btn-danger"
        data-testid={confirmTestId}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      {onCancel && (
        <>
          {' '}
          <button type="button" className="btn btn-small" ref={cancel} onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
