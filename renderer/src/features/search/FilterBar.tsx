import { useEffect, useId, useRef, useState, type FormEvent, memo } from 'react';
import type { Endpoint } from '../../../../electron/shared/contract/endpoints';
import { Popover } from '../../components/Popover';
import { VisibleText } from '../../components/VisibleText';
import {
  contentTypeFilterValue,
  emptyFilter,
  isFiltered,
  timePresets,
  type FilterState,
  type TimePreset,
} from '../../lib/filter-state';
import { formatCount, formatDateTime } from '../../lib/format';
import { localMinuteEnd, localMinuteStart, toLocalInput } from '../../../../electron/shared/local-minute';
import { useErrorField } from '../../lib/use-error-field';
import { headerFilterFromFields } from '../../lib/header-filter-fields';
import { isContentTypeFilter } from '../../../../electron/shared/content-type-filter';
import { statusFilterValue } from '../../../../electron/shared/status-filter';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'];
const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/*',
  'application/xml',
  'text/xml',
  'text/*',
];

interface Props {
  filter: FilterState;
  onChange: (next: FilterState) => void;
  /** Clear filters, when more than the filter is to be cleared (the search text being typed); else onChange. */
  onClear?: () => void;
  endpoints: Endpoint[];
  count: number | null;
}

const deletedEndpointName = (id: number) => `deleted endpoint #${id}`;

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export const FilterBar = memo(function FilterBar({ filter, onChange, onClear, endpoints, count }: Props) {
  const set = (patch: Partial<FilterState>) => onChange({ ...filter, ...patch });
  // Endpoints not listed yet (there is always the default one) say nothing about whether the filtered one is gone.
  const deletedEndpointId =
    filter.endpointId !== null && endpoints.length > 0 && !endpoints.some((e) => e.id === filter.endpointId)
      ? filter.endpointId
      : null;
  const endpointName =
    filter.endpointId === null
      ? undefined
      : (endpoints.find((e) => e.id === filter.endpointId)?.name ??
        (deletedEndpointId !== null ? deletedEndpointName(deletedEndpointId) : undefined));
  return (
    <div className="filter-bar" data-testid="filter-bar">
      <Popover
        label={<>Method{filter.methods.length ? `: ${filter.methods.join(', ')}` : ''} ▾</>}
        active={filter.methods.length > 0}
        testId="filter-method"
      >
        {() => (
          <div className="check-list">
            {METHODS.map((m) => (
              <label key={m}>
                <input
                  type="checkbox"
                  checked={filter.methods.includes(m)}
                  onChange={() => set({ methods: toggle(filter.methods, m) })}
                />{' '}
                {m}
              </label>
            ))}
          </div>
        )}
      </Popover>
      <Popover
        label={<>Status{filter.statuses.length ? `: ${filter.statuses.join(', ')}` : ''} ▾</>}
        active={filter.statuses.length > 0}
        testId="filter-status"
      >
        {() => (
          <div className="check-list">
            {STATUS_CLASSES.map((s) => (
              <label key={s}>
                <input
                  type="checkbox"
                  checked={filter.statuses.includes(s)}
                  onChange={() => set({ statuses: toggle(filter.statuses, s) })}
                />{' '}
                {s}
              </label>
            ))}
            <ExactStatus
              onAdd={(s) =>
                set({ statuses: filter.statuses.includes(s) ? filter.statuses : [...filter.statuses, s] })
              }
            />
            <AddedChecks
              values={filter.statuses}
              presets={STATUS_CLASSES}
              testId="status-added"
              onRemove={(s) => set({ statuses: toggle(filter.statuses, s) })}
            />
          </div>
        )}
      </Popover>
      <Popover
        label={
          <>
            Endpoint
            {endpointName ? (
              <>
                : <VisibleText text={endpointName} />
              </>
            ) : null}{' '}
            ▾
          </>
        }
        active={filter.endpointId !== null}
        testId="filter-endpoint"
      >
        {(close) => (
          <div className="check-list">
            <label>
              <input
                type="radio"
                name="ep"
                checked={filter.endpointId === null}
                onChange={() => (set({ endpointId: null }), close())}
              />{' '}
              Any
            </label>
            {endpoints.map((e) => (
              <label key={e.id}>
                <input
                  type="radio"
                  name="ep"
                  checked={filter.endpointId === e.id}
                  onChange={() => (set({ endpointId: e.id }), close())}
                />{' '}
                <VisibleText text={e.name} /> <span className="muted mono">{e.pathPrefix}</span>
              </label>
            ))}
            {deletedEndpointId !== null && (
              // What is applied, so the menu shows it: "Any" clears it.
              <label>
                <input type="radio" name="ep" checked readOnly /> {deletedEndpointName(deletedEndpointId)}
              </label>
            )}
          </div>
        )}
      </Popover>
      <Popover
        label={
          <>Type{filter.contentTypes.length ? `: ${filter.contentTypes.map(shortType).join(', ')}` : ''} ▾</>
        }
        active={filter.contentTypes.length > 0}
        testId="filter-ctype"
      >
        {() => (
          <div className="check-list">
            {CONTENT_TYPES.map((t) => (
              <label key={t}>
                <input
                  type="checkbox"
                  checked={filter.contentTypes.includes(t)}
                  onChange={() => set({ contentTypes: toggle(filter.contentTypes, t) })}
                />{' '}
                {t}
              </label>
            ))}
            <TextAdd
              placeholder="other/type"
              label="Content type"
              testId="ctype-custom"
              check={(v) =>
                isContentTypeFilter(contentTypeFilterValue(v))
                  ? null
                  : 'Type: a media type such as application/json, a family such as text/*, or none'
              }
              onAdd={(t) => {
                const type = contentTypeFilterValue(t);
                if (type && !filter.contentTypes.includes(type))
                  set({ contentTypes: [...filter.contentTypes, type] });
              }}
            />
            <AddedChecks
              values={filter.contentTypes}
              presets={CONTENT_TYPES}
              testId="ctype-added"
              onRemove={(t) => set({ contentTypes: toggle(filter.contentTypes, t) })}
            />
          </div>
        )}
      </Popover>
      <Popover
        label={<>Time{timeLabel(filter)} ▾</>}
        active={filter.since !== null || filter.fromMs !== null || filter.toMs !== null}
        testId="filter-time"
      >
        {() => (
          <div className="check-list">
            <label>
              <input
                type="radio"
                name="since"
                checked={!filter.since && filter.fromMs === null && filter.toMs === null}
                onChange={() => set({ since: null, fromMs: null, toMs: null })}
              />{' '}
              Any time
            </label>
            {(Object.keys(timePresets) as TimePreset[]).map((p) => (
              <label key={p}>
                <input
                  type="radio"
                  name="since"
                  checked={filter.since === p}
                  onChange={() => set({ since: p, fromMs: null, toMs: null })}
                />{' '}
                Last {p}
              </label>
            ))}
            <div className="range-inputs">
              <label>
                From{' '}
                <input
                  type="datetime-local"
                  data-testid="time-from"
                  value={toLocalInput(filter.fromMs)}
                  onChange={(e) =>
                    set({ since: null, fromMs: e.target.value ? localMinuteStart(e.target.value) : null })
                  }
                />
              </label>
              <label>
                To{' '}
                <input
                  type="datetime-local"
                  data-testid="time-to"
                  value={toLocalInput(filter.toMs)}
                  onChange={(e) =>
                    set({
                      since: null,
                      toMs: e.target.value ? localMinuteEnd(e.target.value) : null,
                    })
                  }
                />
              </label>
              {filter.fromMs !== null && filter.toMs !== null && filter.fromMs > filter.toMs && (
                <span className="notice notice-error" role="alert" data-testid="time-range-error">
                  From is after To: no capture can match
                </span>
              )}
            </div>
          </div>
        )}
      </Popover>
      <Popover
        label={
          <>
            Header
            {filter.header && (
              <>
                : <VisibleText text={filter.header.name} />
                {filter.header.value !== null && (
                  <>
                    {' '}
                    = <VisibleText text={filter.header.value} />
                  </>
                )}
              </>
            )}{' '}
            ▾
          </>
        }
        active={filter.header !== null}
        testId="filter-header"
      >
        {(close) => <HeaderForm value={filter.header} onSubmit={(header) => (set({ header }), close())} />}
      </Popover>
      {isFiltered(filter) && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          data-testid="filter-clear"
          onClick={() => (onClear ? onClear() : onChange(emptyFilter))}
        >
          Clear filters
        </button>
      )}
      <span className="result-count" data-testid="result-count">
        {count === null ? '…' : formatCount(count, 'capture')}
        {isFiltered(filter) ? (count === 1 ? ' matches' : ' match') : ''}
      </span>
      {filter.text.trim() !== '' && !/[\p{L}\p{N}]/u.test(filter.text) && (
        <span className="muted" data-testid="search-hint">
          search finds words and numbers
        </span>
      )}
    </div>
  );
});

/** Values typed in beside the preset checkboxes, each checked, so each can be unchecked on its own. */
function AddedChecks({
  values,
  presets,
  testId,
  onRemove,
}: {
  values: string[];
  presets: string[];
  testId: string;
  onRemove: (value: string) => void;
}) {
  return (
    <>
      {values
        .filter((v) => !presets.includes(v))
        .map((v) => (
          <label key={v} data-testid={testId}>
            <input type="checkbox" checked onChange={() => onRemove(v)} /> {v}
          </label>
        ))}
    </>
  );
}

function shortType(t: string) {
  return t.replace('application/', '').replace('x-www-form-urlencoded', 'form');
}

function timeLabel(f: FilterState) {
  if (f.since) return `: last ${f.since}`;
  if (f.fromMs !== null || f.toMs !== null)
    return `: ${f.fromMs !== null ? formatDateTime(f.fromMs).slice(0, 16) : '…'} → ${f.toMs !== null ? formatDateTime(f.toMs).slice(0, 16) : 'now'}`;
  return '';
}

/** A code or a class, as the URL's `status=` and the CLI's `--status` take them (`4XX` is added as `4xx`). */
function ExactStatus({ onAdd }: { onAdd: (s: string) => void }) {
  return (
    <TextAdd
      placeholder="e.g. 404 or 1xx"
      label="Status code"
      testId="status-exact"
      check={(v) =>
        statusFilterValue(v) !== null
          ? null
          : 'Status: a three-digit code from 100 to 599, such as 404, or a class from 1xx to 5xx'
      }
      onAdd={(v) => onAdd(statusFilterValue(v)!)}
    />
  );
}

/**
 * A box that adds what is typed in it. `check` refuses a value with a message naming the field and what it takes,
 * tied to the box (the browser's own "match the requested format" says neither).
 */
function TextAdd({
  placeholder,
  label,
  onAdd,
  testId,
  check,
}: {
  placeholder: string;
  label?: string;
  onAdd: (v: string) => void;
  testId: string;
  check?: (v: string) => string | null;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const errorId = useId();
  const [attempt, setAttempt] = useState(0);
  useErrorField(form, error, errorId, () => 'input', attempt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (!v) return;
    const problem = check?.(v) ?? null;
    setError(problem);
    if (problem) return setAttempt((n) => n + 1);
    onAdd(v);
    setValue('');
  };
  return (
    <form ref={form} className="inline-form" onSubmit={submit}>
      <input
        value={value}
        placeholder={placeholder}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="btn btn-small">
        Add
      </button>
      {error && (
        <span className="notice notice-error" id={errorId} role="alert" data-testid={`${testId}-error`}>
          <VisibleText text={error} />
        </span>
      )}
    </form>
  );
}

function HeaderForm({
  value,
  onSubmit,
}: {
  value: FilterState['header'];
  onSubmit: (h: FilterState['header']) => void;
}) {
  const [name, setName] = useState(value?.name ?? '');
  const [val, setVal] = useState(value?.value ?? '');
  const nameField = useRef<HTMLInputElement>(null);
  // The form is drawn when its popover opens: typing should go to the name, not stay on the chip.
  useEffect(() => nameField.current?.focus(), []);
  useEffect(() => {
    setName(value?.name ?? '');
    setVal(value?.value ?? '');
  }, [value]);
  return (
    <form
      className="header-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(headerFilterFromFields(name, val));
      }}
    >
      <label>
        Name{' '}
        <input
          ref={nameField}
          value={name}
          data-testid="header-name"
          placeholder="X-Signature"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        Equals{' '}
        <input
          value={val}
          data-testid="header-value"
          placeholder="(any value)"
          onChange={(e) => setVal(e.target.value)}
        />
      </label>
      <div className="row-actions">
        <button type="submit" className="btn btn-small btn-primary" data-testid="header-apply">
          Apply
        </button>
        <button type="button" className="btn btn-small" onClick={() => onSubmit(null)}>
          Remove
        </button>
      </div>
    </form>
  );
}
