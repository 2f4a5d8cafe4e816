import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../api';
import { base64ToBytes } from '../../../../electron/shared/send/bytes';
import { rowsText } from '../../../../electron/shared/send/rows-text';
import { contentTypeHeaderOf } from '../../../../electron/shared/decode/charset';
import {
  recordFromPayload,
  recordsFromFile,
  type RowError,
} from '../../../../electron/shared/send/merge-fields';
import type { Environment } from '../../../../electron/shared/contract/delivery';
import { PairsEditor, type Pair } from './PairsEditor';
import { RowInput } from './RowInput';
import { formatCount } from '../../lib/format';
import { payloadText } from './payload-text';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';

export type RecordSource = 'variables' | 'file' | 'capture';

export interface RecordState {
  source: RecordSource;
  variables: Pair[];
  file: { name: string; rows: Record<string, string>[]; errors: RowError[] } | null;
  row: number;
  capture: { id: number; fields: Record<string, string> } | null;
  /**
   * The environment `{{variables}}` come from: null when "None" was chosen, undefined until a choice is made (the
   * active one is taken then, whenever one is active).
   */
  environmentId?: number | null;
}

export const emptyRecordState: RecordState = {
  source: 'variables',
  variables: [
    { name: 'First Name', value: 'Mary' },
    { name: 'Last Name', value: 'Smith' },
    { name: 'Email', value: 'mary@example.com' },
    { name: 'Contact ID', value: '8' },
  ],
  file: null,
  row: 1,
  capture: null,
};

/** The record merge fields resolve from. */
export function activeRecord(state: RecordState): Record<string, string> {
  if (state.source === 'file') return state.file?.rows[state.row - 1] ?? {};
  if (state.source === 'capture') return state.capture?.fields ?? {};
  return Object.fromEntries(
    state.variables.filter((v) => v.name.trim() !== '').map((v) => [v.name.trim(), v.value]),
  );
}

/** Sample record (variables, data-file row, captured payload) and the named environment for {{variables}}. */
export function RecordPanel({
  state,
  onChange,
  environments,
}: {
  state: RecordState;
  /** Given the change to make to the state as it is by then: a capture or file read meanwhile keeps other choices. */
  onChange: (update: (current: RecordState) => RecordState) => void;
  environments: Environment[] | null;
}) {
  const api = useApi();
  const [captureInput, setCaptureInput] = useState(state.capture ? String(state.capture.id) : '');
  const [captureError, setCaptureError] = useState<string | null>(null);
  const set = (patch: Partial<RecordState>) => onChange((current) => ({ ...current, ...patch }));

  useEffect(() => setCaptureError(null), [captureInput]);

  // Only the latest file chosen may land: a large file's read ending after a smaller one chosen since replaced it.
  const latestPick = useRef(0);
  const loadFile = async (file: File) => {
    const pick = ++latestPick.current;
    const kind = /\.json$/i.test(file.name) ? 'json' : 'csv';
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (pick !== latestPick.current) return;
    const read = rowsText(bytes);
    const { rows, errors } =
      'error' in read
        ? { rows: [], errors: [{ row: 0, message: `file: ${read.error}` }] }
        : recordsFromFile(read.text, kind);
    set({ source: 'file', file: { name: file.name, rows, errors }, row: 1 });
  };

  const loadCapture = async () => {
    const id = Number(captureInput);
    if (!Number.isInteger(id) || id <= 0) {
      setCaptureError('Capture: enter a capture number, e.g. 12');
      return;
    }
    try {
      const capture = await api.call('captures.get', { id });
      const bytes = base64ToBytes(capture.decodedBodyBase64 ?? capture.bodyBase64);
      const text = payloadText(id, bytes, contentTypeHeaderOf(capture.headers, capture.contentType));
      const fields = recordFromPayload(capture.contentType, text);
      for (const [name, value] of capture.queryParams) if (!Object.hasOwn(fields, name)) fields[name] = value;
      set({ capture: { id, fields } });
    } catch (error) {
      setCaptureError(`Capture: ${(error as Error).message}`);
    }
  };

  const fieldCount = Object.keys(activeRecord(state)).length;

  return (
    <div className="compose-record" data-testid="record-panel">
      <div className="compose-row" role="radiogroup" aria-label="Record source">
        {(['variables', 'file', 'capture'] as const).map((source) => (
          <label key={source} className={`chip compose-chip ${state.source === source ? 'chip-active' : ''}`}>
            <input
              type="radio"
              name="record-source"
              checked={state.source === source}
              data-testid={`record-source-${source}`}
              onChange={() => set({ source })}
            />
            {source === 'variables' ? 'Variables' : source === 'file' ? 'Data file row' : 'Captured payload'}
          </label>
        ))}
        <span className="spacer" />
        <span className="muted" data-testid="record-field-count">
          {formatCount(fieldCount, 'field')}
        </span>
      </div>

      {state.source === 'variables' && (
        <PairsEditor
          rows={state.variables}
          onChange={(variables) => set({ variables })}
          make={(name, value) => ({ name, value })}
          nameLabel="Merge field"
          testId="record-variables"
        />
      )}

      {state.source === 'file' && (
        <div className="compose-file">
          <div className="compose-row">
            <input
              type="file"
              accept=".csv,.json,text/csv,application/json"
              data-testid="record-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void loadFile(file);
                // Cleared so that choosing the same file again (after fixing it) loads it again.
                e.target.value = '';
              }}
            />
            {state.file && state.file.rows.length > 0 && (
              <RowInput row={state.row} count={state.file.rows.length} onChange={(row) => set({ row })} />
            )}
          </div>
          {state.file && (
            <p className="muted">
              <VisibleText text={state.file.name} />: {formatCount(state.file.rows.length, 'row')} read
            </p>
          )}
          {state.file && state.file.errors.length > 0 && (
            <ul className="compose-problems" data-testid="record-file-errors">
              {state.file.errors.slice(0, 20).map((e, i) => (
                <li key={i} className="compose-warn">
                  <VisibleText text={e.message} />
                </li>
              ))}
              {state.file.errors.length > 20 && (
                <li className="muted">…and {state.file.errors.length - 20} more</li>
              )}
            </ul>
          )}
          <RecordFields record={activeRecord(state)} />
        </div>
      )}

      {state.source === 'capture' && (
        <div>
          <div className="compose-row">
            <label>
              Capture #{' '}
              <input
                value={captureInput}
                inputMode="numeric"
                data-testid="record-capture-id"
                onChange={(e) => setCaptureInput(e.target.value)}
                onKeyDown={(e) => {
                  // Typed the number: Enter loads it, as "Load fields" would.
                  if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
                  e.preventDefault();
                  void loadCapture();
                }}
              />
            </label>
            <button
              type="button"
              className="btn btn-small"
              data-testid="record-capture-load"
              onClick={() => void loadCapture()}
            >
              Load fields
            </button>
          </div>
          {captureError && (
            <p className="compose-error">
              <VisibleText text={captureError} />
            </p>
          )}
          <RecordFields record={activeRecord(state)} />
        </div>
      )}

      <div className="compose-row">
        <label>
          Environment{' '}
          <select
            value={state.environmentId ?? ''}
            data-testid="record-environment"
            disabled={environments === null}
            onChange={(e) => set({ environmentId: e.target.value === '' ? null : Number(e.target.value) })}
          >
            <option value="">{environments === null ? 'unavailable' : 'None'}</option>
            {(environments ?? []).map((env) => (
              <option key={env.id} value={env.id}>
                {visibleAttribute(env.name)}
                {env.active ? ' (active)' : ''}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{'{{name}}'} placeholders read the environment first, then the record.</span>
      </div>
    </div>
  );
}

function RecordFields({ record }: { record: Record<string, string> }) {
  const entries = Object.entries(record);
  if (entries.length === 0) return null;
  return (
    <div className="compose-record-fields" data-testid="record-fields">
      <table className="pairs-table">
        <tbody>
          {entries.slice(0, 200).map(([name, value]) => (
            <tr key={name}>
              <td className="mono">
                <VisibleText text={name} />
              </td>
              <td className="mono break">
                <VisibleText text={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > 200 && <p className="muted">…and {entries.length - 200} more fields</p>}
    </div>
  );
}
