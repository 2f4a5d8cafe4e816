import { useEffect, useRef, useState } from 'react';
import {
  fitDeliveryName,
  type BulkFieldsNotColumns,
  type BulkProgress,
  type DeliveryPolicy,
} from '../../../../electron/shared/contract/delivery';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useApi, useConnection, useEvent } from '../../api';
import { formatEta } from './format';
import { LoopConfirm } from './LoopConfirm';
import { bulkNumberFields, readNumberField } from './bulk-numbers';
import { loopRefusal } from './loop-refusal';
import { formatCount } from '../../lib/format';
import { useKeptState } from '../../state/kept-state';
import { PairsEditor, type Pair } from '../compose/PairsEditor';
import { typedHeaders } from './typed-headers';
import { useRowsFileNotes } from './use-rows-file-notes';
import { rowsFormat } from '../../../../electron/shared/send/rows-format';
import { rowsText } from '../../../../electron/shared/send/rows-text';
import { VisibleText } from '../../components/VisibleText';

const POLICIES: DeliveryPolicy[] = ['none', 'ortto', 'ontraport', 'standard'];

/** The deliveries' name, cut to what a name may hold: a file's name may be longer (255 on most file systems). */
const bulkName = (fileName: string) => fitDeliveryName(`Bulk: ${fileName}`);

/** One template over the rows of a CSV/JSON file, in batches, with rate and concurrency; progress with ETA. */
export function BulkSend() {
  const api = useApi();
  // The form outlives the tab: a look at the delivery log and back keeps the template, file and limits.
  const [method, setMethod] = useKeptState('bulk.method', 'POST');
  const [url, setUrl] = useKeptState('bulk.url', '');
  const [body, setBody] = useKeptState('bulk.body', 'First_Name=[First Name]&Email=[Email]');
  const [headers, setHeaders] = useKeptState<Pair[]>('bulk.headers', []);
  const [rows, setRows] = useKeptState<{ name: string; content: string } | null>('bulk.rows', null);
  const rowsNotes = useRowsFileNotes(rows);
  const [policy, setPolicy] = useKeptState<DeliveryPolicy>('bulk.policy', 'none');
  const [ratePerMinute, setRate] = useKeptState('bulk.rate', '600');
  const [concurrency, setConcurrency] = useKeptState('bulk.concurrency', '10');
  const [batchSize, setBatchSize] = useKeptState('bulk.batchSize', '100');
  const [fieldsNotColumns, setFieldsNotColumns] = useKeptState<BulkFieldsNotColumns>(
    'bulk.fieldsNotColumns',
    'refuse',
  );
  const [jobs, setJobs] = useState<BulkProgress[]>([]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // A deleted selection falls back to the newest job.
  const job = jobs.find((j) => j.jobId === selectedId) ?? jobs[0] ?? null;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loop, setLoop] = useState<string | null>(null);
  // A large file takes a moment to start: a second click meanwhile would start a second job, sending every row twice.
  const [starting, setStarting] = useState(false);
  // Start disables itself while the job starts: the keyboard goes on from it afterwards, not from the page.
  const startButton = useRef<HTMLButtonElement>(null);
  const started = useRef(false);
  useEffect(() => {
    if (starting || !started.current) return;
    started.current = false;
    if (!document.activeElement || document.activeElement === document.body) startButton.current?.focus();
  }, [starting]);

  const upsert = (p: BulkProgress) =>
    setJobs((list) =>
      list.some((j) => j.jobId === p.jobId) ? list.map((j) => (j.jobId === p.jobId ? p : j)) : [p, ...list],
    );
  const forget = (jobId: number) => setJobs((list) => list.filter((j) => j.jobId !== jobId));
  const [tick, setTick] = useState(0);

  // Progress sent while the event stream was down was missed: list again after a reconnect, or a job that finished
  // meanwhile shows "running" for good.
  useConnection((reconnected) => reconnected && setTick((t) => t + 1));
  useEffect(() => {
    api.call('bulk.list', {}).then(
      (r) => {
        setJobs(r.items);
        const open = r.items.find((j) => j.state === 'running' || j.state === 'paused');
        setSelectedId((current) => current ?? (open ?? r.items[0])?.jobId ?? null);
      },
      () => undefined,
    );
  }, [api, tick]);
  useEvent('bulk.progress', (p) => {
    upsert(p);
    setSelectedId((current) => current ?? p.jobId);
  });
  useEvent('bulk.deleted', ({ jobId }) => forget(jobId));

  // A large file is still being read when another is chosen: only the latest choice may land, whichever read ends last.
  const latestPick = useRef(0);
  const readFile = (file: File | undefined) => {
    if (!file) return;
    const pick = ++latestPick.current;
    file.arrayBuffer().then(
      (bytes) => {
        if (pick !== latestPick.current) return;
        const read = rowsText(new Uint8Array(bytes));
        // A file refused is not sent, nor is the one chosen before it.
        if ('error' in read) {
          setRows(null);
          return setError(`Rows: ${file.name}: ${read.error}`);
        }
        setError(null);
        setRows({ name: file.name, content: read.text });
      },
      (e: Error) => pick === latestPick.current && setError(e.message),
    );
  };

  const start = (allowLoop = false) => {
    if (starting) return;
    setError(null);
    setLoop(null);
    if (!rows) return setError('Rows: choose a CSV or JSON file');
    const rate = readNumberField(ratePerMinute, bulkNumberFields.ratePerMinute);
    const slots = readNumberField(concurrency, bulkNumberFields.concurrency);
    const batch = readNumberField(batchSize, bulkNumberFields.batchSize);
    const problems = [rate.error, slots.error, batch.error].filter(Boolean);
    const typed = typedHeaders(headers);
    if ('error' in typed) problems.push(typed.error);
    const format = rowsFormat(rows.name, rows.content);
    if ('error' in format) problems.push(`Rows: ${format.error}`);
    if (problems.length > 0 || 'error' in typed || 'error' in format) return setError(problems.join('; '));
    setStarting(true);
    started.current = true;
    api
      .call('bulk.start', {
        template: { method, url, headers: typed.headers, body },
        rows: { content: rows.content, format: format.format },
        policy,
        ratePerMinute: rate.value,
        concurrency: slots.value,
        batchSize: batch.value,
        fieldsNotColumns,
        name: bulkName(rows.name),
        ...(allowLoop ? { allowLoop: true } : {}),
      })
      .then(
        (p) => {
          setNotice(null);
          upsert(p);
          setSelectedId(p.jobId);
        },
        (e: Error) => {
          const refusal = loopRefusal(e);
          if (refusal === null) setError(e.message);
          else setLoop(refusal);
        },
      )
      .finally(() => setStarting(false));
  };

  // Pause, Resume, Stop and Delete each take the pressed button away: the keyboard goes on from the job's next
  // control, or from Start once no job is shown.
  const controls = useRef<HTMLSpanElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    if (!document.activeElement || document.activeElement === document.body)
      (controls.current?.querySelector('button') ?? startButton.current)?.focus();
  }, [refocus]);

  const control = (method: 'bulk.pause' | 'bulk.resume' | 'bulk.stop') =>
    job &&
    api.call(method, { id: job.jobId }).then(
      (p) => {
        setError(null);
        upsert(p);
        setRefocus(true);
      },
      (e: Error) => setError(e.message),
    );

  const deleteJob = () =>
    job &&
    api.call('bulk.delete', { id: job.jobId }).then(
      ({ deleted }) => {
        setError(null);
        setNotice(`Deleted job ${job.jobId} and its ${formatCount(deleted, 'delivery', 'deliveries')}.`);
        forget(job.jobId);
        setRefocus(true);
      },
      (e: Error) => setError(e.message),
    );
  const finished = job !== null && (job.state === 'done' || job.state === 'stopped');

  // The engine keeps the first 100 row errors and counts the rest: say how many the list leaves out.
  const unnamed = job?.rowErrorsOmitted ?? 0;
  const done = job ? job.counts.succeeded + job.counts.failed + job.counts.cancelled + job.counts.skipped : 0;
  const percent = job && job.total > 0 ? Math.round((done / job.total) * 100) : 0;

  return (
    <div className="bulk-send pad">
      <div className="form-row">
        <label>
          Method
          <select aria-label="Method" value={method} onChange={(e) => setMethod(e.target.value)}>
            {['POST', 'PUT', 'PATCH', 'GET', 'DELETE'].map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="grow">
          URL (merge fields allowed)
          <input
            aria-label="URL"
            value={url}
            placeholder="https://example.com/hook?id=[Contact ID]"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
      </div>
      <p className="muted" id="bulk-headers-hint">
        Headers: a <span className="mono">[Column]</span> or <span className="mono">{'{{column}}'}</span> in a
        name or value is filled from each row.
      </p>
      <PairsEditor
        rows={headers}
        onChange={setHeaders}
        make={(name, value) => ({ name, value })}
        nameLabel="Header"
        valueLabel="Header value"
        testId="bulk-headers"
      />
      <label className="bulk-body">
        Body template
        <textarea
          aria-label="Body template"
          className="mono"
          rows={5}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <div className="form-row">
        <label>
          Rows
          <input
            aria-label="Rows file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              readFile(e.target.files?.[0]);
              // Emptied once read: a browser fires no change for the file already chosen, so the same file saved
              // again after an edit would not be read again, and the old rows would go out.
              e.target.value = '';
            }}
          />
          {/* A file read before the form was left is kept, though the input shows none. */}
          {rows && (
            <span className="muted" data-testid="bulk-rows-name">
              <VisibleText text={rows.name} />
            </span>
          )}
        </label>
        <label>
          Policy
          <select
            aria-label="Policy"
            value={policy}
            onChange={(e) => setPolicy(e.target.value as DeliveryPolicy)}
          >
            {POLICIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Per minute
          <input
            aria-label="Requests per minute"
            className="input-narrow"
            value={ratePerMinute}
            onChange={(e) => setRate(e.target.value)}
          />
        </label>
        <label>
          Concurrency
          <input
            aria-label="Concurrency"
            className="input-narrow"
            value={concurrency}
            onChange={(e) => setConcurrency(e.target.value)}
          />
        </label>
        <label>
          Batch
          <input
            aria-label="Batch size"
            className="input-narrow"
            value={batchSize}
            onChange={(e) => setBatchSize(e.target.value)}
          />
        </label>
        <label>
          Fields that are not columns
          <select
            aria-label="Fields that are not columns"
            value={fieldsNotColumns}
            onChange={(e) => setFieldsNotColumns(e.target.value as BulkFieldsNotColumns)}
          >
            <option value="refuse">refuse</option>
            <option value="send-as-typed">send as typed</option>
          </select>
        </label>
        <button
          className="btn btn-primary"
          type="button"
          ref={startButton}
          onClick={() => start()}
          disabled={!url || !rows || starting}
        >
          {starting ? 'Starting…' : 'Start bulk send'}
        </button>
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          <VisibleText text={error} />
        </div>
      )}
      {loop && (
        <LoopConfirm
          message={loop}
          onConfirm={() => start(true)}
          onCancel={() => {
            setLoop(null);
            startButton.current?.focus();
          }}
          testId="bulk-loop"
          confirmTestId="bulk-loop-override"
        />
      )}
      {notice && (
        <div className="notice">
          <VisibleText text={notice} />
        </div>
      )}
      {rowsNotes.length > 0 && (
        <div className="notice" role="status" data-testid="bulk-rows-notes">
          {rowsNotes.map((note) => (
            <p key={note}>
              <VisibleText text={note} />
            </p>
          ))}
        </div>
      )}
      {jobs.length > 1 && (
        <label className="bulk-job-picker">
          Job
          <select
            aria-label="Bulk job"
            value={job?.jobId ?? ''}
            onChange={(e) => setSelectedId(Number(e.target.value))}
          >
            {jobs.map((j) => (
              <option key={j.jobId} value={j.jobId}>
                Job {j.jobId} · {j.state} · {j.total} rows · {new Date(j.startedAtMs).toLocaleString()}
              </option>
            ))}
          </select>
        </label>
      )}
      {job && (
        <section className="progress bulk-progress" aria-label="Bulk progress">
          <div className="progress-label">
            <span>
              {/* Announced when the job starts, pauses, resumes or ends; the counts change too often to be read out. */}
              <span role="status">
                Job {job.jobId} · {job.state}
              </span>{' '}
              · {done} of {job.total} · {job.ratePerSecond}/s · {formatEta(job.etaMs)}
            </span>
            <span ref={controls}>
              {job.state === 'running' && (
                <button className="btn btn-small" type="button" onClick={() => void control('bulk.pause')}>
                  Pause
                </button>
              )}
              {job.state === 'paused' && (
                <button className="btn btn-small" type="button" onClick={() => void control('bulk.resume')}>
                  Resume
                </button>
              )}
              {(job.state === 'running' || job.state === 'paused') && (
                <ConfirmAction
                  key={job.jobId}
                  label="Stop…"
                  confirmLabel="Stop for good"
                  cancelLabel="Don't stop"
                  title="Stop this bulk send: its unsent rows are cancelled"
                  message="A stopped bulk send cannot be resumed: its unsent rows are cancelled (Pause can be resumed)."
                  onOpen={() => setNotice(null)}
                  onConfirm={() => control('bulk.stop')}
                />
              )}
              {finished && (
                <ConfirmAction
                  key={job.jobId}
                  label="Delete…"
                  confirmLabel="Delete job and its deliveries"
                  cancelLabel="Keep it"
                  title="Delete this bulk send, its deliveries and their attempts"
                  onOpen={() => setNotice(null)}
                  onConfirm={deleteJob}
                />
              )}
            </span>
          </div>
          <div
            className="progress-track"
            role="progressbar"
            aria-label={`Job ${job.jobId} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${done} of ${job.total} rows`}
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <div className="bulk-counts">
            <span className="status-2xx">{job.counts.succeeded} delivered</span>
            <span className="status-5xx">{job.counts.failed} failed</span>
            <span>{job.counts.pending} pending</span>
            <span>{job.counts.cancelled} cancelled</span>
            <span className="status-4xx">{job.counts.skipped} skipped</span>
          </div>
          {job.rowErrors.length > 0 && (
            <ul className="bulk-row-errors">
              {job.rowErrors.map((e, i) => (
                <li key={i}>
                  <VisibleText text={e.message} />
                </li>
              ))}
              {unnamed > 0 && (
                <li>
                  …and {formatCount(unnamed, 'more skipped row', 'more skipped rows')} (only the first{' '}
                  {job.rowErrors.length} errors are kept)
                </li>
              )}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
