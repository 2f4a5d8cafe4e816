import { useEffect, useState } from 'react';
import type { Settings, Stats } from '../../../../electron/shared/contract/app';
import { useApi } from '../../api';
import { formatBytes } from '../../lib/format';
import './settings.css';

const dayMs = 86_400_000;
const mb = 1024 * 1024;

interface Form {
  maxCount: string;
  maxAgeDays: string;
  deliveryMaxAgeDays: string;
  deliveryMaxCount: string;
  bodyLimitMb: string;
  notifyOnCapture: boolean;
}

const days = (ms: number | null) => (ms === null ? '' : String(+(ms / dayMs).toFixed(4)));
const toForm = (s: Settings): Form => ({
  maxCount: s.retention.maxCount === null ? '' : String(s.retention.maxCount),
  maxAgeDays: days(s.retention.maxAgeMs),
  deliveryMaxAgeDays: days(s.deliveryRetention.maxAgeMs),
  deliveryMaxCount: s.deliveryRetention.maxCount === null ? '' : String(s.deliveryRetention.maxCount),
  bodyLimitMb: String(+(s.bodyLimitBytes / mb).toFixed(3)),
  notifyOnCapture: s.notifyOnCapture,
});

interface Bounds {
  /** What the number counts, for the message ("captures", "days", "MB"). */
  unit: string;
  min: number;
  max: number;
  whole?: boolean;
}

/**
 * A number typed in a field, or a message naming the field and what it accepts: the form never sends NaN (JSON
 * would make it null) or a value the engine would refuse in its own terms (milliseconds, bytes).
 */
function parse(
  text: string,
  field: string,
  optional: boolean,
  bounds: Bounds,
): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { value: null } : { error: `${field}: enter a number.` };
  const n = Number(trimmed);
  const range = `${bounds.whole ? 'a whole number' : 'a number'} of ${bounds.unit} from ${bounds.min.toLocaleString()} to ${bounds.max.toLocaleString()}`;
  if (!Number.isFinite(n) || n < bounds.min || n > bounds.max || (bounds.whole && !Number.isInteger(n)))
    return { error: `${field}: "${trimmed}" is not ${range}.` };
  return { value: n };
}

const countBounds = (unit: string): Bounds => ({ unit, min: 1, max: 1_000_000_000, whole: true });
const dayBounds: Bounds = { unit: 'days', min: 0.001, max: 36_500 };
const bodyLimitBounds: Bounds = { unit: 'MB', min: 0.001, max: 1024 };

/**
 * Storage and receiver settings: retention (by count and age, applied in the background as soon as it is saved), the
 * receiver's body limit, desktop notifications; with what is stored now. The engine validates again and names the
 * field it refuses.
 */
export function SettingsPanel({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const [form, setForm] = useState<Form | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.call('settings.get', {}).then(
      (s) => setForm(toForm(s)),
      (e: Error) => setError(e.message),
    );
    api.call('app.stats', {}).then(setStats, () => undefined);
  }, [api]);

  if (!form) return <div className="settings-panel">{error ?? 'Loading…'}</div>;
  const set = (patch: Partial<Form>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };

  const save = () => {
    const maxCount = parse(form.maxCount, 'Keep at most (captures)', true, countBounds('captures'));
    const maxAge = parse(form.maxAgeDays, 'Delete captures older than', true, dayBounds);
    const deliveryMaxAge = parse(
      form.deliveryMaxAgeDays,
      'Delete finished deliveries older than',
      true,
      dayBounds,
    );
    const deliveryMaxCount = parse(
      form.deliveryMaxCount,
      'Keep at most (finished deliveries)',
      true,
      countBounds('deliveries'),
    );
    const bodyLimit = parse(form.bodyLimitMb, 'Body limit', false, bodyLimitBounds);
    const problem = [maxCount, maxAge, deliveryMaxAge, deliveryMaxCount, bodyLimit].find((p) => 'error' in p);
    if (problem && 'error' in problem) return setError(problem.error);
    const value = (p: typeof maxCount) => ('value' in p ? p.value : null);
    const ms = (p: typeof maxCount) => {
      const d = value(p);
      return d === null ? null : Math.round(d * dayMs);
    };
    const limitMb = value(bodyLimit)!;
    api
      .call('settings.update', {
        retention: { maxCount: value(maxCount), maxAgeMs: ms(maxAge) },
        deliveryRetention: { maxAgeMs: ms(deliveryMaxAge), maxCount: value(deliveryMaxCount) },
        bodyLimitBytes: Math.round(limitMb * mb),
        notifyOnCapture: form.notifyOnCapture,
      })
      .then(
        (s) => {
          setForm(toForm(s));
          setError(null);
          setSaved(true);
        },
        (e: Error) => setError(e.message),
      );
  };

  return (
    <form
      className="settings-panel"
      data-testid="settings-panel"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3>Captures</h3>
      {stats && (
        <p className="muted" data-testid="settings-stats">
          {stats.count.toLocaleString()} stored · {formatBytes(stats.bodyBytes)} of bodies · database{' '}
          {formatBytes(stats.dbSizeBytes)}
        </p>
      )}
      <NumberField
        label="Keep at most"
        unit="captures"
        placeholder="no limit"
        value={form.maxCount}
        onChange={(maxCount) => set({ maxCount })}
      />
      <NumberField
        label="Delete captures older than"
        unit="days"
        placeholder="never"
        value={form.maxAgeDays}
        onChange={(maxAgeDays) => set({ maxAgeDays })}
      />
      <h3>Deliveries</h3>
      <NumberField
        label="Delete finished deliveries older than"
        unit="days"
        placeholder="never"
        value={form.deliveryMaxAgeDays}
        onChange={(deliveryMaxAgeDays) => set({ deliveryMaxAgeDays })}
      />
      <NumberField
        label="Keep at most"
        unit="finished deliveries"
        placeholder="no limit"
        value={form.deliveryMaxCount}
        onChange={(deliveryMaxCount) => set({ deliveryMaxCount })}
      />
      <span className="muted settings-hint">
        Queued deliveries and bulk sends are always kept (delete a finished bulk send under Deliveries → Bulk
        send).
      </span>
      <h3>Receiver</h3>
      <NumberField
        label="Body limit"
        unit="MB"
        value={form.bodyLimitMb}
        onChange={(bodyLimitMb) => set({ bodyLimitMb })}
      />
      <span className="muted settings-hint">Larger bodies get 413 and a truncated capture.</span>
      <label className="settings-check">
        <input
          type="checkbox"
          checked={form.notifyOnCapture}
          onChange={(e) => set({ notifyOnCapture: e.target.checked })}
        />
        Notify me of new captures while the window is in the background (desktop app)
      </label>
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      {saved && <div className="notice">Saved. Retention applies in the background.</div>}
      <div className="settings-actions">
        <button className="btn btn-small btn-primary" type="submit" data-testid="settings-save">
          Save
        </button>
        <button className="btn btn-small" type="button" onClick={onDone}>
          Close
        </button>
      </div>
    </form>
  );
}

function NumberField(props: {
  label: string;
  unit: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        inputMode="decimal"
        placeholder={props.placeholder}
        aria-label={`${props.label} (${props.unit})`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.unit}
    </label>
  );
}
