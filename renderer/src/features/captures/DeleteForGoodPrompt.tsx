import { useEffect, useRef } from 'react';
import { formatCount } from '../../lib/format';

/**
 * Asks before a delete of more captures than Undo keeps (the engine's `maxUndoableDelete`): such a delete is final.
 * Focus starts on the safe choice.
 */
export function DeleteForGoodPrompt({
  count,
  maxUndoable,
  onConfirm,
  onCancel,
}: {
  count: number;
  maxUndoable: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className="undo-toast"
      role="alertdialog"
      aria-labelledby="delete-for-good-message"
      data-testid="delete-for-good"
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <span id="delete-for-good-message">
        Delete {formatCount(count, 'capture')} for good? They cannot be undone (Undo keeps up to{' '}
        {maxUndoable.toLocaleString()})
      </span>
      <button type="button" className="btn btn-small btn-danger" onClick={onConfirm}>
        Delete for good
      </button>
      <button type="button" className="btn btn-small" ref={keep} onClick={onCancel}>
        Keep them
      </button>
    </div>
  );
}
