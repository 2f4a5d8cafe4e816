import { useRef, useState } from 'react';
import type { CaptureFilter, ExportFormat } from '../../../../electron/shared/contract/captures';
import { ApiError } from '../../../../electron/shared/contract/errors';
import { useApi } from '../../api';
import { downloadBlob } from '../../components/download';
import { API_MAX_REQUEST_BYTES } from '../../../../electron/shared/contract/define';
import { mergeExports, splitHar, type SplitLimits } from './merge-export';
import { itemCounter } from './count-items';
import { formatCount } from '../../lib/format';
import { isBackwardsTimeRange } from '../../lib/backwards-time-range';
import { Checkbox } from '../../components/Checkbox';
import { VisibleText, visibleAttribute } from '../../components/VisibleText';
import { useModalFocus } from '../../components/use-modal-focus';

/** Captures per export call: anything longer than one chunk pages through and shows "n of N" as chunks land. */
export const EXPORT_CHUNK = 500;
/** The most captures one export by filter holds (the API's own cap). */
const EXPORT_MAX_CAPTURES = 1_000_000;
/** HAR entries per import call, so imports of any size report progress. */
export const IMPORT_CHUNK = 200;
/** Request bytes per import call: well under the transport's cap, so big bodies split into more calls. */
export const IMPORT_CHUNK_BYTES = 50 * 1024 * 1024;
const IMPORT_LIMITS: SplitLimits = {
  maxEntries: IMPORT_CHUNK,
  maxBytes: IMPORT_CHUNK_BYTES,
  maxEntryBytes: API_MAX_REQUEST_BYTES - 1024,
};

interface Props {
  selectedIds: number[];
  filter: CaptureFilter;
  filteredCount: number | null;
  onClose: () => void;
  /** How an imported HAR is split into calls; tests pass small ones rather than build a 200 MB entry. */
  importLimits?: SplitLimits;
}

type Progress = { label: string; done: number; total: number } | null;

/** The engine refused an export as too large for one response: fewer captures per call may still fit. */
const tooLarge = (e: unknown) => e instanceof ApiError && e.code === 'payload_too_large';

const BACKWARDS_FILTER =
  'Current filter: From is after To, so no capture can match. Set From before To in the time filter.';

const progressText = (p: NonNullable<Progress>) =>
  p.total > 0 ? `${p.label} ${p.done.toLocaleString()} of ${p.total.toLocaleString()}` : `${p.label}…`;

export function TransferDialog({
  selectedIds,
  filter,
  filteredCount,
  onClose,
  importLimits = IMPORT_LIMITS,
}: Props) {
  const api = useApi();
  const [format, setFormat] = useState<ExportFormat>('har');
  const [scope, setScope] = useState<'selected' | 'filter'>(selectedIds.length > 1 ? 'selected' : 'filter');
  const [redact, setRedact] = useState(true);
  const [progress, setProgress] = useState<Progress>(null);
  const [message, setShownMessage] = useState<{ kind: 'ok' | 'error'; text: string; seq: number } | null>(
    null,
  );
  // Each message mounts a fresh live region, so a second identical one (the same refusal twice) is announced again.
  const messageSeq = useRef(0);
  const setMessage = (next: { kind: 'ok' | 'error'; text: string } | null) =>
    setShownMessage(next && { ...next, seq: ++messageSeq.current });
  const cancelled = useRef(false);
  const aborter = useRef<AbortController | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // While an export or import runs the dialog stays open (its close button is disabled too): Escape waits for it.
  useModalFocus(dialog, () => {
    if (!progress) onClose();
  });

  const runExport = async () => {
    setMessage(null);
    cancelled.current = false;
    if (scope === 'filter' && isBackwardsTimeRange(filter))
      return setMessage({ kind: 'error', text: BACKWARDS_FILTER });
    if (api.exportFile) return streamExport(api.exportFile);
    try {
      let total = scope === 'selected' ? selectedIds.length : (filteredCount ?? 0);
      setProgress({ label: 'Exporting', done: 0, total });
      const chunks: string[] = [];
      let meta = { fileName: '', mimeType: '' };
      let count = 0;
      let missing = 0;
      const exportIds = async (ids: number[]): Promise<void> => {
        let part;
        try {
          part = await api.call('captures.export', { format, ids, redact });
        } catch (e) {
          // Large captures: halve the call until it fits, down to one capture (too large on its own: say so).
          if (!tooLarge(e) || ids.length === 1) throw e;
          const half = Math.ceil(ids.length / 2);
          await exportIds(ids.slice(0, half));
          if (!cancelled.current) await exportIds(ids.slice(half));
          return;
        }
        chunks.push(part.content);
        meta = { fileName: part.fileName, mimeType: part.mimeType };
        count += part.count;
        missing += part.missing;
        // Captures arriving during a filter export can outgrow the count the dialog opened with.
        total = Math.max(total, count);
        setProgress({ label: 'Exporting', done: count, total });
      };
      // One call: the engine brings the search index up to date first, so a text filter misses nothing. Too large for
      // one response, the filter is paged like a long one below.
      const whole =
        scope === 'filter' && total <= EXPORT_CHUNK
          ? await api.call('captures.export', { format, filter, redact }).catch((e: unknown) => {
              if (tooLarge(e)) return null;
              throw e;
            })
          : null;
      if (whole) {
        chunks.push(whole.content);
        meta = { fileName: whole.fileName, mimeType: whole.mimeType };
        count = whole.count;
        missing = whole.missing;
      } else if (scope === 'selected') {
        for (let i = 0; i < selectedIds.length && !cancelled.current; i += EXPORT_CHUNK)
          await exportIds(selectedIds.slice(i, i + EXPORT_CHUNK));
      } else {
        // Page the filter by cursor (the same keyset the list uses) and export each page by id. The first page asks the
        // engine to bring the search index up to date, so a text filter misses nothing committed before the export.
        let cursor: number | null = null;
        do {
          const page: { items: Array<{ id: number }>; nextCursor: number | null } = await api.call(
            'captures.list',
            { filter, cursor, limit: EXPORT_CHUNK, complete: cursor === null },
          );
          if (page.items.length) await exportIds(page.items.map((c) => c.id));
          cursor = page.nextCursor;
        } while (cursor !== null && !cancelled.current);
      }
      if (cancelled.current) throw new Error('Export cancelled');
      // Nothing matched: still hand over a valid, empty document of the chosen format.
      const result =
        chunks.length === 0
          ? await api.call('captures.export', { format, filter, redact })
          : { content: mergeExports(format, chunks), count, ...meta };
      downloadBlob(result.content, result.fileName, result.mimeType);
      setMessage({
        kind: 'ok',
        text: `Exported ${formatCount(result.count, 'capture')} to ${result.fileName}${missing ? ` (${formatCount(missing, 'capture')} deleted meanwhile left out)` : ''}`,
      });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setProgress(null);
    }
  };

  /** Browser mode: the server writes the file a capture at a time; it is counted here as it arrives. */
  const streamExport = async (exportFile: NonNullable<typeof api.exportFile>) => {
    const abort = new AbortController();
    aborter.current = abort;
    try {
      setProgress({ label: 'Exporting', done: 0, total: 0 });
      const input =
        scope === 'selected'
          ? { format, ids: selectedIds, redact }
          : { format, filter, redact, limit: EXPORT_MAX_CAPTURES };
      const file = await exportFile(input, abort.signal);
      const count = itemCounter(format);
      const parts: Uint8Array[] = [];
      let done = 0;
      const reader = file.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        parts.push(read.value);
        if (count) done = count(read.value);
        setProgress({ label: 'Exporting', done, total: Math.max(file.total, done) });
      }
      const exported = count ? done : file.total;
      downloadBlob(new Blob(parts as BlobPart[], { type: file.mimeType }), file.fileName, file.mimeType);
      const missing = scope === 'selected' ? selectedIds.length - exported : 0;
      setMessage({
        kind: 'ok',
        text: `Exported ${formatCount(exported, 'capture')} to ${file.fileName}${missing > 0 ? ` (${formatCount(missing, 'capture')} deleted meanwhile left out)` : ''}`,
      });
    } catch (e) {
      const text = abort.signal.aborted ? 'Export cancelled' : e instanceof Error ? e.message : String(e);
      setMessage({ kind: 'error', text });
    } finally {
      aborter.current = null;
      setProgress(null);
    }
  };

  const runImport = async (file: File) => {
    setMessage(null);
    cancelled.current = false;
    let imported = 0;
    let total = 0;
    try {
      setProgress({ label: `Reading ${file.name}`, done: 0, total: 0 });
      const split = splitHar(await file.text(), importLimits);
      total = split.total;
      // An entry too big for one call was never sent: it is skipped as surely as one the engine refused.
      let skipped = split.errors.length;
      let duplicates = 0;
      const errors = [...split.errors];
      const warnings: string[] = [];
      setProgress({ label: 'Importing', done: 0, total });
      // Entries a call before this one stored are of this file: one like them is no earlier import's duplicate.
      let continuesImportAtMs: number | undefined;
      for (const chunk of split.chunks) {
        if (cancelled.current) break;
        const r = await api.call('captures.importHar', { har: chunk.har, continuesImportAtMs });
        continuesImportAtMs ??= r.importedAtMs;
        imported += r.imported;
        skipped += r.skipped;
        duplicates += r.duplicates;
        // The engine counts entries from 0 in each chunk; name them by their place in the file.
        const inFile = (e: string) =>
          e.replace(/^entries\[(\d+)\]/, (_, n: string) => `entries[${chunk.start + Number(n)}]`);
        errors.push(...r.errors.map(inFile));
        warnings.push(...r.warnings.map(inFile));
        setProgress({ label: 'Importing', done: chunk.start + chunk.count, total });
      }
      const problems = [...errors, ...warnings];
      // One entry can have several warnings (its date and its body): each names it first, `entries[N]…`.
      const warned = new Set(warnings.map((w) => /^entries\[\d+\]/.exec(w)?.[0] ?? w)).size;
      setMessage({
        kind: problems.length ? 'error' : 'ok',
        text: `Imported ${formatCount(imported, 'capture')}${skipped ? `, skipped ${skipped}` : ''}${duplicates ? `, left out ${duplicates} imported before` : ''}${warned ? `, ${warned} with warnings` : ''}${cancelled.current ? ' (cancelled)' : ''}${problems.length ? ` — ${problems.slice(0, 3).join('; ')}` : ''}`,
      });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      // Earlier chunks are stored already: say how many, so a retry is not a blind duplicate.
      setMessage({
        kind: 'error',
        text: imported
          ? `Imported ${imported.toLocaleString()} of ${total.toLocaleString()} entries, then failed: ${reason}`
          : reason,
      });
    } finally {
      setProgress(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <div
      className="modal-backdrop"
      role="presentation"
      onMouseDown={(e) => e.target === e.currentTarget && !progress && onClose()}
    >
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="Export and import"
        data-testid="transfer-dialog"
      >
        <header className="modal-header">
          <h2>Export / import</h2>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={onClose}
            aria-label="Close"
            disabled={!!progress}
          >
            ✕
          </button>
        </header>
        <section>
          <h3>Export</h3>
          <div className="form-row">
            <label>
              Format{' '}
              <select
                data-testid="export-format"
                value={format}
                onChange={(e) => setFormat(e.target.value as ExportFormat)}
              >
                <option value="har">HAR 1.2</option>
                <option value="json">JSON</option>
                <option value="jsonl">JSON Lines</option>
                <option value="curl">cURL script</option>
              </select>
            </label>
          </div>
          <div className="form-row" role="radiogroup" aria-label="Export scope">
            <label>
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'selected'}
                disabled={selectedIds.length === 0}
                onChange={() => setScope('selected')}
              />{' '}
              Selected ({selectedIds.length})
            </label>
            <label>
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'filter'}
                data-testid="export-scope-filter"
                onChange={() => setScope('filter')}
              />{' '}
              Current filter ({filteredCount?.toLocaleString() ?? '…'})
            </label>
          </div>
          <Checkbox checked={redact} onChange={setRedact} testId="export-redact">
            Redact secrets (Authorization, cookies, API keys, signatures)
          </Checkbox>
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="export-run"
              disabled={!!progress}
              onClick={() => void runExport()}
            >
              Export
            </button>
          </div>
        </section>
        <section>
          <h3>Import HAR</h3>
          <p className="muted">Entries become captures marked “imported”.</p>
          <input
            ref={fileRef}
            type="file"
            accept=".har,application/json"
            data-testid="import-file"
            disabled={!!progress}
            onChange={(e) => e.target.files?.[0] && void runImport(e.target.files[0])}
          />
        </section>
        {progress && (
          <div
            className="progress"
            data-testid="transfer-progress"
            role="progressbar"
            aria-label={visibleAttribute(progress.label)}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            aria-valuetext={visibleAttribute(progressText(progress))}
          >
            <div className="progress-label">
              <VisibleText text={progressText(progress)} />
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => {
                  cancelled.current = true;
                  aborter.current?.abort();
                }}
              >
                Cancel
              </button>
            </div>
            <div className="progress-track">
              <div
                className="progress-fill"
                style={{
                  width: `${progress.total ? Math.round((100 * progress.done) / progress.total) : 0}%`,
                }}
              />
            </div>
          </div>
        )}
        {message && (
          <div
            key={message.seq}
            className={`notice ${message.kind === 'ok' ? 'notice-ok' : 'notice-error'}`}
            role={message.kind === 'ok' ? 'status' : 'alert'}
            data-testid="transfer-message"
          >
            <VisibleText text={message.text} />
          </div>
        )}
      </div>
    </div>
  );
}
