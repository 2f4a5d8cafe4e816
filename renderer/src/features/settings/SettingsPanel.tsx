import { useEffect, useId, useRef, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../electron/shared/contract/app';
import { useApi, useEvent } from '../../api';
import { ConfirmAction } from '../../components/ConfirmAction';
import { formatBytes } from '../../lib/format';
import { useErrorField } from '../../lib/use-error-field';
import { setUnsaved } from '../../state/unsaved';
import { useStats } from '../../state/use-stats';
import { useThrottledTick } from '../../state/use-throttled';
import { ageUnits, parseAmount, sameAmount, sizeUnits, toAmount, type Amount, type UnitSet } from './amounts';
import { withoutDigitGroups } from './digit-groups';
import './settings.css';
import { VisibleText } from '../../components/VisibleText';

/**
 * The form as typed. Ages and the body limit carry the unit chosen beside them; `toForm` shows a stored value in the
 * largest unit that holds it exactly, and a field that is not edited is not sent (see `save`), so saving never
 * rewrites what the user did not touch.
 */
interface Form {
  maxCount: string;
  maxAge: Amount;
  deliveryMaxAge: Amount;
  deliveryMaxCount: string;
  bodyLimit: Amount;
  notifyOnCapture: boolean;
}

const toForm = (s: Settings): Form => ({
  maxCount: s.retention.maxCount === null ? '' : String(s.retention.maxCount),
  maxAge: toAmount(s.retention.maxAgeMs, ageUnits),
  deliveryMaxAge: toAmount(s.deliveryRetention.maxAgeMs, ageUnits),
  deliveryMaxCount: s.deliveryRetention.maxCount === null ? '' : String(s.deliveryRetention.maxCount),
  bodyLimit: toAmount(s.bodyLimitBytes, sizeUnits),
  notifyOnCapture: s.notifyOnCapture,
});

// Fields edited and not saved outlive the panel: Escape, a click outside or Close used to drop them silently.
// Reopening shows them again over the values stored now.
let edits: Partial<Form> = {};

/** A new page, as far as the edits kept go (tests mount a fresh panel over a fresh engine). */
export function forgetSettingsEdits(): void {
  edits = {};
  setUnsaved('settings', false);
}

function keepEdits(form: Form, loaded: Form): void {
  edits = Object.fromEntries(
    Object.entries(form).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(loaded[key as keyof Form]),
    ),
  );
  setUnsaved('settings', Object.keys(edits).length > 0);
}

interface Bounds {
  /** What the number counts, for the message ("captures"). */
  unit: string;
  min: number;
  max: number;
}

/**
 * A whole count typed in a field, or a message naming the field and what it accepts: the form never sends NaN (JSON
 * would make it null) or a value the engine would refuse.
 */
function parse(
  text: string,
  field: string,
  optional: boolean,
  bounds: Bounds,
): { value: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? { value: null } : { error: `${field}: enter a number.` };
  // Written with the commas this form accepts, whatever the browser's locale would group with.
  const range = `a whole number of ${bounds.unit} from ${bounds.min.toLocaleString('en-US')} to ${bounds.max.toLocaleString('en-US')}`;
  // Digits only (in groups or not): Number() also reads "0x10", "0b11" and "1e3", and a typo would prune to that count.
  const digits = withoutDigitGroups(trimmed);
  const n = digits === null ? NaN : Number(digits);
  if (!(n >= bounds.min && n <= bounds.max)) return { error: `${field}: "${trimmed}" is not ${range}.` };
  return { value: n };
}

const changedElsewhereText =
  'Settings were changed elsewhere (another window, the CLI or the API) while you edited them. Fields you did not ' +
  'edit now show the stored values; Save sends only the fields you edited, Discard changes shows what is stored.';

const countBounds = (unit: string): Bounds => ({ unit, min: 1, max: 1_000_000_000 });

/**
 * Storage and receiver settings: retention (by count and age, applied in the background as soon as it is saved), the
 * receiver's body limit, desktop notifications; with what is stored now. The engine validates again and names the
 * field it refuses.
 */
export function SettingsPanel({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const [form, setForm] = useState<Form | null>(null);
  /** The form as loaded (or last saved): a field still equal to it is not sent. */
  const [loaded, setLoaded] = useState<Form | null>(null);
  // Refreshed while open: retention saved here prunes in the background after the save returns. Deletions (Delete all,
  // retention's passes) refresh it too, at most once a second, rather than leave the old count up to the next poll.
  const [deletions, setDeletions] = useState(0);
  useEvent('capture.deleted', () => setDeletions((n) => n + 1));
  const { stats } = useStats(useThrottledTick(deletions, 1000));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  // This form's own save comes back as an event too, possibly before its answer: it is not a change made elsewhere.
  const saving = useRef(false);
  /** The last change heard while saving: if it is not what the save answered, something else changed meanwhile. */
  const heardWhileSaving = useRef<Settings | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errorId = useId();
  const [attempt, setAttempt] = useState(0);
  // The form's messages start with the field's accessible name ("Body limit: …"); the engine's name its own keys.
  useErrorField(
    formRef,
    error,
    errorId,
    (e) => {
      const name = /^([^:]+):/.exec(e)?.[1];
      return name ? `input[aria-label="${CSS.escape(name)}"]` : null;
    },
    attempt,
  );

  useEffect(() => {
    api.call('settings.get', {}).then(
      (s) => {
        setForm({ ...toForm(s), ...edits });
        setLoaded(toForm(s));
      },
      (e: Error) => setError(e.message),
    );
  }, [api]);

  // Fields not edited here follow what is stored now; edited ones stay as typed (saving sends only those).
  const follow = (s: Settings) => {
    if (!form || !loaded) return;
    const stored = toForm(s);
    if (JSON.stringify(stored) === JSON.stringify(loaded)) return;
    const typed = Object.fromEntries(
      Object.entries(form).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(loaded[key as keyof Form]),
      ),
    );
    setForm({ ...stored, ...typed });
    setLoaded(stored);
    keepEdits({ ...stored, ...typed }, stored);
    setSaved(false);
    if (Object.keys(typed).length > 0) setChangedElsewhere(true);
  };
  // The save's answer comes to the closure of the render that saved; it follows with the fields as they are now.
  const followNow = useRef(follow);
  followNow.current = follow;
  useEvent('settings.changed', (s) => {
    if (saving.current) heardWhileSaving.current = s;
    else follow(s);
  });
  /** What is stored once a save has answered: read again if a change made elsewhere was heard meanwhile. */
  const storedAfterSave = async (answer: Settings) => {
    const heard = heardWhileSaving.current;
    if (!heard || JSON.stringify(heard) === JSON.stringify(answer)) return answer;
    return api.call('settings.get', {}).catch(() => answer);
  };

  if (!form || !loaded)
    return (
      <div className="settings-panel">
        {error ? (
          <p className="notice notice-error" role="alert">
            <VisibleText text={error} />
          </p>
        ) : (
          'Loading…'
        )}
      </div>
    );
  const set = (patch: Partial<Form>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
    keepEdits({ ...form, ...patch }, loaded);
  };
  const edited = JSON.stringify(form) !== JSON.stringify(loaded);

  /** A save refused: said again even when the message is the same, so the keyboard goes back to the field. */
  const refuse = (message: string) => {
    setAttempt((n) => n + 1);
    setError(message);
  };

  /**
   * Sends only what was edited, checked in the form's own terms first: a field left as loaded keeps the exact value
   * stored (nested retention objects merge field by field in `settings.update`).
   */
  const save = () => {
    const patch: SettingsPatch = {};
    const problems: string[] = [];
    const take = (
      result: { value: number | null } | { error: string },
      apply: (v: number | null) => void,
    ) => {
      if ('error' in result) problems.push(result.error);
      else apply(result.value);
    };
    if (form.maxCount !== loaded.maxCount)
      take(parse(form.maxCount, 'Keep at most (captures)', true, countBounds('captures')), (maxCount) => {
        patch.retention = { ...patch.retention, maxCount };
      });
    if (!sameAmount(form.maxAge, loaded.maxAge))
      take(parseAmount(form.maxAge, 'Delete captures older than', true, ageUnits), (maxAgeMs) => {
        patch.retention = { ...patch.retention, maxAgeMs };
      });
    if (!sameAmount(form.deliveryMaxAge, loaded.deliveryMaxAge))
      take(
        parseAmount(form.deliveryMaxAge, 'Delete finished deliveries older than', true, ageUnits),
        (maxAgeMs) => {
          patch.deliveryRetention = { ...patch.deliveryRetention, maxAgeMs };
        },
      );
    if (form.deliveryMaxCount !== loaded.deliveryMaxCount)
      take(
        parse(form.deliveryMaxCount, 'Keep at most (finished deliveries)', true, countBounds('deliveries')),
        (maxCount) => {
          patch.deliveryRetention = { ...patch.deliveryRetention, maxCount };
        },
      );
    if (!sameAmount(form.bodyLimit, loaded.bodyLimit))
      take(parseAmount(form.bodyLimit, 'Body limit', false, sizeUnits), (bodyLimitBytes) => {
        patch.bodyLimitBytes = bodyLimitBytes!;
      });
    if (form.notifyOnCapture !== loaded.notifyOnCapture) patch.notifyOnCapture = form.notifyOnCapture;
    if (problems.length > 0) return refuse(problems[0]!);
    saving.current = true;
    heardWhileSaving.current = null;
    api.call('settings.update', patch).then(
      async (answer) => {
        const s = await storedAfterSave(answer);
        saving.current = false;
        setChangedElsewhere(false);
        setForm(toForm(s));
        setLoaded(toForm(s));
        keepEdits(toForm(s), toForm(s));
        setError(null);
        setSaved(true);
      },
      (e: Error) => {
        saving.current = false;
        // Nothing was saved here, so what was heard meanwhile is the newest stored settings.
        if (heardWhileSaving.current) followNow.current(heardWhileSaving.current);
        refuse(e.message);
      },
    );
  };

  return (
    <form
      ref={formRef}
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
      <div className="settings-delete-all">
        <ConfirmAction
          label="Delete all captures…"
          confirmLabel="Delete every capture"
          cancelLabel="Keep them"
          title="Delete every stored capture, whatever the list's filters show"
          message="Deleted for good: this cannot be undone."
          testId="delete-all"
          onOpen={() => setError(null)}
          onConfirm={() =>
            api.call('captures.deleteAll', {}).then(
              () => undefined,
              (e: Error) => setError(`Delete all: ${e.message}`),
            )
          }
        />
      </div>
      <NumberField
        label="Keep at most"
        unit="captures"
        placeholder="no limit"
        value={form.maxCount}
        onChange={(maxCount) => set({ maxCount })}
      />
      <AmountField
        label="Delete captures older than"
        units={ageUnits}
        placeholder="never"
        value={form.maxAge}
        onChange={(maxAge) => set({ maxAge })}
      />
      <h3>Deliveries</h3>
      <AmountField
        label="Delete finished deliveries older than"
        units={ageUnits}
        placeholder="never"
        value={form.deliveryMaxAge}
        onChange={(deliveryMaxAge) => set({ deliveryMaxAge })}
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
      <AmountField
        label="Body limit"
        units={sizeUnits}
        value={form.bodyLimit}
        onChange={(bodyLimit) => set({ bodyLimit })}
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
      {changedElsewhere && edited && (
        <div className="notice notice-warn" data-testid="settings-changed-elsewhere">
          {changedElsewhereText}
        </div>
      )}
      {error && (
        <div className="notice notice-error" id={errorId} role="alert">
          <VisibleText text={error} />
        </div>
      )}
      {/* Always there, so a screen reader hears the confirmation appear in it. */}
      <div role="status">
        {saved && <div className="notice">Saved. Retention applies in the background.</div>}
      </div>
      <div className="settings-actions">
        <button className="btn btn-small btn-primary" type="submit" data-testid="settings-save">
          Save
        </button>
        {edited && (
          <button
            className="btn btn-small"
            type="button"
            data-testid="settings-discard"
            onClick={() => {
              setForm(loaded);
              setChangedElsewhere(false);
              keepEdits(loaded, loaded);
              setError(null);
            }}
          >
            Discard changes
          </button>
        )}
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

/** A number with its unit chosen beside it; the input is labelled by the field, the unit picker "<field> unit". */
function AmountField(props: {
  label: string;
  units: UnitSet;
  placeholder?: string;
  value: Amount;
  onChange: (value: Amount) => void;
}) {
  return (
    <span className="settings-amount">
      <label>
        {props.label}
        <input
          inputMode="decimal"
          placeholder={props.placeholder}
          aria-label={props.label}
          value={props.value.text}
          onChange={(e) => props.onChange({ ...props.value, text: e.target.value })}
        />
      </label>
      <select
        aria-label={`${props.label} unit`}
        value={props.value.unit}
        onChange={(e) => props.onChange({ ...props.value, unit: e.target.value })}
      >
        {props.units.units.map((u) => (
          <option key={u.name} value={u.name}>
            {u.name}
          </option>
        ))}
      </select>
    </span>
  );
}
