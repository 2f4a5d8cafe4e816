import { useEffect, useRef, useState } from 'react';
import type { Environment } from '../../../../electron/shared/contract/delivery';
import { useApi } from '../../api';
import { PairsEditor, type Pair } from '../compose/PairsEditor';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';

interface Draft {
  id: number | null;
  /** The version being edited: the engine refuses the save if another client changed it since. */
  updatedAtMs: number | null;
  name: string;
  variables: Pair[];
}

const draftOf = (env: Environment | null): Draft => ({
  id: env?.id ?? null,
  updatedAtMs: env?.updatedAtMs ?? null,
  name: env?.name ?? '',
  variables: env ? Object.entries(env.variables).map(([name, value]) => ({ name, value })) : [],
});

/**
 * Environments: named sets of `{{variables}}` filled into saved webhooks, bulk templates and the composer. Create,
 * edit (rename, add, change, remove variables) and delete; the engine refuses a bad name and says which.
 */
export function EnvironmentsEditor({
  environments,
  onChanged,
  onClose,
}: {
  environments: Environment[];
  onChanged: () => void;
  onClose: () => void;
}) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => draftOf(environments.find((e) => e.active) ?? null));
  const [error, setError] = useState<string | null>(null);
  const [deletedElsewhere, setDeletedElsewhere] = useState<string | null>(null);
  const fail = (e: Error) => setError(e.message);

  // The environment being edited was deleted by another client: keep what was typed, as a new environment (saving it
  // as an edit could only fail), and say so. Only one listed before counts, not one this editor has just created.
  const listed = useRef(environments);
  useEffect(() => {
    const before = listed.current;
    listed.current = environments;
    if (draft.id === null || environments.some((e) => e.id === draft.id)) return;
    const gone = before.find((e) => e.id === draft.id);
    if (!gone) return;
    setDraft((d) => ({ ...d, id: null, updatedAtMs: null }));
    setDeletedElsewhere(gone.name);
  }, [environments, draft.id]);

  const save = () => {
    // A value typed into a row whose name was left empty would be dropped by the save without a word.
    const unnamed = draft.variables.findIndex((v) => v.name.trim() === '' && v.value !== '');
    if (unnamed >= 0)
      return setError(`variables: row ${unnamed + 1} has a value but no name; name it or remove the row`);
    const named = draft.variables.filter((v) => v.name.trim() !== '');
    const duplicate = named.find((v, i) => named.findIndex((w) => w.name.trim() === v.name.trim()) !== i);
    if (duplicate) return setError(`variables: "${duplicate.name.trim()}" is listed twice`);
    api
      .call('environments.save', {
        ...(draft.id !== null ? { id: draft.id, ifUpdatedAtMs: draft.updatedAtMs ?? undefined } : {}),
        name: draft.name.trim(),
        variables: Object.fromEntries(named.map((v) => [v.name.trim(), v.value])),
      })
      .then((saved) => {
        setError(null);
        setDeletedElsewhere(null);
        setDraft(draftOf(saved));
        onChanged();
      }, fail);
  };
  // Delete goes with the environment: the keyboard goes on from the picker, inside the editor (where Escape closes it).
  const picker = useRef<HTMLSelectElement>(null);
  const remove = () =>
    draft.id !== null &&
    api.call('environments.delete', { id: draft.id }).then(() => {
      picker.current?.focus();
      setDraft(draftOf(null));
      setError(null);
      onChanged();
    }, fail);

  return (
    <section
      className="environments-editor notice"
      aria-label="Environments"
      data-testid="environments-editor"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="form-row">
        <label>
          Edit{' '}
          <select
            ref={picker}
            aria-label="Environment to edit"
            value={draft.id ?? ''}
            onChange={(e) => {
              setError(null);
              setDeletedElsewhere(null);
              setDraft(draftOf(environments.find((env) => env.id === Number(e.target.value)) ?? null));
            }}
          >
            <option value="">New environment</option>
            {environments.map((env) => (
              <option key={env.id} value={env.id}>
                {visibleAttribute(env.name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name{' '}
          <input
            aria-label="Environment name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <span className="spacer" />
        <button className="btn btn-small btn-ghost" type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <PairsEditor
        rows={draft.variables}
        onChange={(variables) => setDraft({ ...draft, variables })}
        make={(name, value) => ({ name, value })}
        nameLabel="Variable"
        valueLabel="Value"
        testId="environment-variables"
      />
      <div className="row-actions">
        <button
          className="btn btn-small btn-primary"
          type="button"
          disabled={draft.name.trim() === ''}
          onClick={save}
        >
          {draft.id === null ? 'Create' : 'Save'}
        </button>
        {draft.id !== null && (
          <button className="btn btn-small btn-danger" type="button" onClick={() => void remove()}>
            Delete
          </button>
        )}
      </div>
      {deletedElsewhere !== null && (
        <p className="notice notice-warn" role="status" data-testid="environment-deleted-elsewhere">
          "<VisibleText text={deletedElsewhere} />" was deleted elsewhere. Create saves what is typed here as
          a new environment.
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          <VisibleText text={error} />
        </p>
      )}
    </section>
  );
}
