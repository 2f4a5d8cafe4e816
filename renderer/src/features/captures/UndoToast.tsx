import { useLayoutEffect } from 'react';
import { formatCount } from '../../lib/format';
import { pageShortcutStandsDown } from '../../lib/page-shortcut';
import { VisibleText } from '../../components/VisibleText';

export interface PendingUndo {
  ids: number[];
  deleted: number;
  /** What went wrong, said in full ("Could not undo: …", "Could not delete: …"); the offer to undo is gone. */
  error: string | null;
  /** After an undo that worked: what the user should know (some will go again at retention's next pass). */
  note?: string;
  /** Everything was deleted since (Delete all): a later delete gets an offer of its own rather than joining this one. */
  emptied?: boolean;
  /** A later delete that failed ("Could not delete: …"), said beside this offer, which still stands. */
  failure?: string;
}

/** Whether the offer to undo still stands (not after Delete all): a later delete joins it, a failed one is said beside it. */
export function offersUndo(pending: PendingUndo): boolean {
  return !pending.error && !pending.note && !pending.emptied;
}

/** How long the offer to undo stays on screen (the engine keeps deleted captures for 10 minutes). */
const SHOWN_MS = 10_000;

/** "Deleted 3 captures · Undo" after a delete; Ctrl/⌘+Z undoes while it shows. */
export function UndoToast({
  pending,
  onUndo,
  onDismiss,
  onButtonGone,
}: {
  pending: PendingUndo;
  onUndo: () => void;
  onDismiss: () => void;
  /** After Undo or Dismiss is clicked: the button goes away with the offer, so focus must go somewhere that works. */
  onButtonGone: () => void;
}) {
  // Before the offer is painted: a Ctrl+Z pressed as soon as it shows must find the listener there.
  useLayoutEffect(() => {
    if (pending.error || pending.note) return;
    // A failure said beside the offer stays until read and dismissed, as other failures do.
    const timer = pending.failure ? undefined : setTimeout(onDismiss, SHOWN_MS);
    const onKey = (e: KeyboardEvent) => {
      if (
        (e.ctrlKey || e.metaKey) &&
        !e.shiftKey &&
        e.key.toLowerCase() === 'z' &&
        !pageShortcutStandsDown(e.target)
      ) {
        e.preventDefault();
        onUndo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [pending, onUndo, onDismiss]);

  return (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      {pending.error ? (
        <span className="notice-error">
          <VisibleText text={pending.error} />
        </span>
      ) : pending.note ? (
        <span>
          <VisibleText text={pending.note} />
        </span>
      ) : (
        <>
          {pending.failure && (
            <span className="notice-error">
              <VisibleText text={pending.failure} />
            </span>
          )}
          <span>Deleted {formatCount(pending.deleted, 'capture')}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => (onUndo(), onButtonGone())}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
        </>
      )}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        aria-label="Dismiss"
        onClick={() => (onDismiss(), onButtonGone())}
      >
        ×
      </button>
    </div>
  );
}
