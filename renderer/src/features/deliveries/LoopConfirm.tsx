/** The loop guard refused a send to this app's own receiver: says why and offers an explicit "send anyway". */
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
  return (
    <div className="notice notice-warn" data-testid={testId}>
      <p>{message}</p>
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
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
