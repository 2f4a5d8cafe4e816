import { useEffect, useLayoutEffect, useState } from 'react';
import { useApi, useCall, useEvent } from '../../api';
import { downloadBlob } from '../../components/download';
import { fileText } from '../../lib/file-text';
import type { DictionaryEntryRow } from '../../../../electron/shared/contract/decode';
import { customEntryRow } from '../../../../electron/shared/decode/custom-row';
import { ConfirmAction } from '../../components/ConfirmAction';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { useAnnouncement } from '../../lib/use-announcement';
import { useKeptState } from '../../state/kept-state';
import { setUnsaved } from '../../state/unsaved';

type Format = 'auto' | 'ortto-schema' | 'csv' | 'json';

/** Import (paste or file), edit and export custom dictionaries. Custom labels override the built-in ones. */
export function CustomDictionaries({ onEdit }: { onEdit?: (row: DictionaryEntryRow) => void }) {
  const api = useApi();
  const list = useCall('dictionary.custom.list', {}, 'custom');
  useEvent('dictionary.changed', () => list.reload());
  // The import box and the open entry editor outlive the view: a look at Inspect and back keeps what was pasted.
  const [name, setName] = useKeptState('dictionary.import.name', 'My Ortto instance');
  const [format, setFormat] = useKeptState<Format>('dictionary.import.format', 'auto');
  const [content, setContent] = useKeptState('dictionary.import.content', '');
  const [message, setMessage] = useAnnouncement<{ ok: boolean; text: string }>();
  const [openId, setOpenId] = useKeptState<number | null>('dictionary.open', null);
  useLayoutEffect(() => setUnsaved('dictionary-import', content.trim() !== ''), [content]);

  const run = async (what: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await what() });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  const importNow = () =>
    run(async () => {
      const r = await api.call('dictionary.custom.import', { name, format, content, dictionaryId: null });
      setContent('');
      const extra = r.errors.length ? ` First problems: ${r.errors.slice(0, 3).join('; ')}` : '';
      return `Imported ${r.imported} labels into “${r.dictionary.name}”, skipped ${r.skipped}.${extra}`;
    });

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setContent(await fileText(file));
    // The file's own kind each time: a .json opened after a .csv must not stay "CSV".
    setFormat(file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'auto');
    setName(file.name.replace(/\.[^.]+$/, '') || name);
  };

  return (
    <section className="custom-dictionaries" aria-label="Custom dictionaries">
      <h3>Custom dictionaries</h3>
      <p className="muted">
        Paste or open the JSON Ortto’s <span className="mono">/v1/instance-schema/get</span> returns, or a
        CSV/JSON of id → label (columns <span className="mono">id,label[,activity][,display_type]</span>; a
        display type is checked against the ones Hookscope knows, except one a Hookscope export wrote — in
        JSON, or in a CSV’s <span className="mono">ortto_display_type</span> column — which is taken as
        given). Custom labels win over the built-in ones. A CSV export writes a label that starts with = + -
        or @ with a leading <span className="mono">'</span> so spreadsheets keep it as text; importing that
        CSV takes the <span className="mono">'</span> off again.
      </p>
      <div className="form-row">
        <input aria-label="Dictionary name" value={name} onChange={(e) => setName(e.target.value)} />
        <select
          aria-label="Import format"
          value={format}
          onChange={(e) => setFormat(e.target.value as Format)}
        >
          <option value="auto">Detect format</option>
          <option value="ortto-schema">Ortto instance schema</option>
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
        <input
          type="file"
          aria-label="Open a file"
          accept=".json,.csv,.txt"
          onChange={(e) => {
            void readFile(e.target.files?.[0]);
            // Emptied once read: a browser fires no change for the file already chosen, so the same file saved
            // again after an edit would not be read again.
            e.target.value = '';
          }}
        />
      </div>
      <textarea
        className="mono custom-import-text"
        aria-label="Dictionary content"
        rows={5}
        placeholder='{"namespaces": …}   or   str:cm:job-title,Job title'
        value={content}
        onChange={(e) => setContent(e.target.value)}
      />
      <div className="form-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!content.trim() || !name.trim()}
          onClick={() => void importNow()}
        >
          Import
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            void run(async () => `Created “${(await api.call('dictionary.custom.create', { name })).name}”.`)
          }
        >
          New empty dictionary
        </button>
      </div>
      {message && (
        <div
          key={message.seq}
          className={`notice ${message.ok ? 'notice-ok' : 'notice-error'}`}
          role={message.ok ? 'status' : 'alert'}
        >
          <VisibleText text={message.text} />
        </div>
      )}
      <ul className="custom-list">
        {(list.data?.items ?? []).map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="btn btn-link"
              aria-expanded={openId === d.id}
              onClick={() => setOpenId(openId === d.id ? null : d.id)}
            >
              <VisibleText text={d.name} />
            </button>{' '}
            <span className="muted">
              {d.entryCount} labels · {d.source}
            </span>{' '}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void exportDictionary(d.id, 'json')}
            >
              Export JSON
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void exportDictionary(d.id, 'csv')}
            >
              Export CSV
            </button>
            <ConfirmAction
              key={`delete-${d.id}`}
              label="Delete…"
              confirmLabel={`Delete “${visibleAttribute(d.name)}” and its ${d.entryCount} labels`}
              cancelLabel="Keep it"
              title="Delete this dictionary and every label in it"
              onConfirm={() =>
                run(async () => {
                  const { deleted } = await api.call('dictionary.custom.delete', { id: d.id });
                  // Its entry editor's typed text went with it.
                  setUnsaved(`dictionary-entry-${d.id}`, false);
                  return deleted ? `Deleted “${d.name}”.` : 'Already gone.';
                })
              }
            />
            {openId === d.id && <EntryEditor dictionaryId={d.id} onEdit={onEdit} />}
          </li>
        ))}
      </ul>
    </section>
  );

  async function exportDictionary(id: number, fmt: 'json' | 'csv') {
    await run(async () => {
      const out = await api.call('dictionary.custom.export', { id, format: fmt });
      downloadBlob(out.content, out.fileName, out.mimeType);
      return `Exported ${out.fileName}.`;
    });
  }
}

const blankEntry = ['', '', '', ''];
const LISTED_ENTRIES = 500;

function EntryEditor({
  dictionaryId,
  onEdit,
}: {
  dictionaryId: number;
  onEdit?: (row: DictionaryEntryRow) => void;
}) {
  const api = useApi();
  const detail = useCall('dictionary.custom.get', { id: dictionaryId }, String(dictionaryId));
  useEvent(
    'dictionary.changed',
    (p) => (p.dictionaryId === dictionaryId || p.dictionaryId === null) && detail.reload(),
  );
  const kept = (field: string) => `dictionary.${dictionaryId}.${field}`;
  const [fieldId, setFieldId] = useKeptState(kept('fieldId'), '');
  const [label, setLabel] = useKeptState(kept('label'), '');
  const [activityId, setActivityId] = useKeptState(kept('activityId'), '');
  // Kept through an edit: an entry saved without it lost its display type (currency ×1000 became a plain integer).
  const [displayType, setDisplayType] = useKeptState(kept('displayType'), '');
  // The entry Edit loaded: saving it under another ID or activity replaces it rather than adding a copy.
  const [editing, setEditing] = useKeptState<{ fieldId: string; activityId: string | null } | null>(
    kept('editing'),
    null,
  );
  // The fields as Edit loaded them (or blank), to tell typed work from an untouched editor.
  const [start, setStart] = useKeptState(kept('start'), blankEntry);
  const dirty = JSON.stringify([fieldId, label, activityId, displayType]) !== JSON.stringify(start);
  useEffect(() => setUnsaved(`dictionary-entry-${dictionaryId}`, dirty), [dictionaryId, dirty]);
  const [error, setError] = useAnnouncement<{ text: string }>();
  // Only the first 500 entries are listed: a dictionary larger than that is searched here to reach the rest.
  const [find, setFind] = useState('');
  const all = detail.data?.entries ?? [];
  const words = find.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length
    ? all.filter((e) =>
        words.every((w) =>
          `${e.fieldId} ${e.label} ${e.activityId ?? ''} ${e.displayType ?? ''}`.toLowerCase().includes(w),
        ),
      )
    : all;
  const save = async () => {
    // Saving under an ID (and activity) another entry of this dictionary has would replace that entry's label silently.
    const key = { fieldId: fieldId.trim(), activityId: activityId.trim() || null };
    const kept = editing && editing.fieldId === key.fieldId && editing.activityId === key.activityId;
    const other = kept
      ? undefined
      : detail.data?.entries.find((e) => e.fieldId === key.fieldId && e.activityId === key.activityId);
    if (other) {
      setError({
        text:
          `ID: ${key.fieldId}${key.activityId ? ` (in ${key.activityId})` : ''} already has the label "${other.label}" ` +
          'in this dictionary. Edit that entry instead, or remove it first.',
      });
      return;
    }
    try {
      const { entry } = await api.call('dictionary.custom.upsertEntry', {
        dictionaryId,
        entry: {
          fieldId,
          label,
          activityId: activityId.trim() || null,
          displayType: displayType.trim() || null,
        },
      });
      if (editing && (editing.fieldId !== entry.fieldId || editing.activityId !== entry.activityId)) {
        await api.call('dictionary.custom.deleteEntry', { dictionaryId, ...editing });
      }
      setEditing(null);
      setFieldId('');
      setLabel('');
      setActivityId('');
      setDisplayType('');
      setStart(blankEntry);
      setError(null);
    } catch (e) {
      setError({ text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="entry-editor">
      <div className="form-row">
        <input
          aria-label="ID"
          className="mono"
          placeholder="str:cm:job-title"
          value={fieldId}
          onChange={(e) => setFieldId(e.target.value)}
        />
        <input
          aria-label="Label"
          placeholder="Job title"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <input
          aria-label="Only in activity"
          className="mono"
          placeholder="act::c (optional)"
          value={activityId}
          onChange={(e) => setActivityId(e.target.value)}
        />
        <input
          aria-label="Display type"
          className="mono"
          placeholder="currency (optional)"
          title="How values are shown: currency and decimal values arrive ×1000"
          value={displayType}
          onChange={(e) => setDisplayType(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={!fieldId.trim() || !label.trim()}
          onClick={() => void save()}
        >
          Save label
        </button>
        {editing && (
          <>
            <span className="muted">
              Editing{' '}
              <span className="mono">
                <VisibleText text={editing.fieldId} />
              </span>
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => {
                setEditing(null);
                setFieldId('');
                setLabel('');
                setActivityId('');
                setDisplayType('');
                setStart(blankEntry);
              }}
            >
              Cancel edit
            </button>
          </>
        )}
      </div>
      {error && (
        <div key={error.seq} className="notice notice-error" role="alert">
          <VisibleText text={error.text} />
        </div>
      )}
      {all.length > LISTED_ENTRIES && (
        <input
          type="search"
          aria-label="Find in this dictionary"
          placeholder="Find an ID or label in this dictionary"
          value={find}
          onChange={(e) => setFind(e.target.value)}
        />
      )}
      <table className="pairs-table">
        <tbody>
          {found.slice(0, LISTED_ENTRIES).map((e) => (
            <tr key={`${e.fieldId} ${e.activityId ?? ''}`}>
              <td className="mono">
                <VisibleText text={e.fieldId} />
              </td>
              <td>
                <VisibleText text={e.label} />
              </td>
              <td className="mono">
                <VisibleText text={e.activityId ?? ''} />
              </td>
              <td className="mono muted">
                <VisibleText text={e.displayType ?? ''} />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => {
                    setEditing({ fieldId: e.fieldId, activityId: e.activityId });
                    setFieldId(e.fieldId);
                    setLabel(e.label);
                    setActivityId(e.activityId ?? '');
                    setDisplayType(e.displayType ?? '');
                    setStart([e.fieldId, e.label, e.activityId ?? '', e.displayType ?? '']);
                    onEdit?.(customEntryRow(e, dictionaryId));
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() =>
                    void api
                      .call('dictionary.custom.deleteEntry', {
                        dictionaryId,
                        fieldId: e.fieldId,
                        activityId: e.activityId,
                      })
                      .catch((x: unknown) => setError({ text: x instanceof Error ? x.message : String(x) }))
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {found.length > LISTED_ENTRIES && (
        <div className="muted">
          Showing {LISTED_ENTRIES} of {found.length}
          {words.length ? ' found' : ''}; find an ID or label in this dictionary to edit the rest.
        </div>
      )}
      {words.length > 0 && found.length === 0 && (
        <div className="muted">No entry of this dictionary matches “{find.trim()}”.</div>
      )}
    </div>
  );
}
