import { useEffect, useRef, useState, type FormEvent } from 'react';
import { collectionNameTaken, sameCollectionName } from '../../../../electron/shared/collection-name';
import { VisibleText } from '../../components/VisibleText';

/**
 * "New collection": asks for the name inline (a native prompt blocks the page). Enter creates, Escape cancels; an
 * empty name or one another collection has (in any case) is refused with the field named, and what was typed stays.
 */
export function NewCollectionForm({
  taken,
  create,
  onClose,
}: {
  taken: string[];
  create: (name: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Collection name: required (not only spaces)');
    if (taken.some((t) => sameCollectionName(t, trimmed)))
      return setError(`Collection name: ${collectionNameTaken(trimmed)}`);
    create(trimmed).then(onClose, (err: Error) => setError(err.message));
  };

  return (
    <form
      className="form-row"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <input
        ref={field}
        aria-label="Collection name"
        placeholder="Collection name"
        maxLength={200}
        value={name}
        aria-invalid={error !== null}
        aria-describedby={error ? 'new-collection-error' : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      <button className="btn btn-small btn-primary" type="submit">
        Create
      </button>
      <button className="btn btn-small" type="button" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <span
          className="notice notice-error"
          role="alert"
          id="new-collection-error"
          data-testid="new-collection-error"
        >
          <VisibleText text={error} />
        </span>
      )}
    </form>
  );
}
