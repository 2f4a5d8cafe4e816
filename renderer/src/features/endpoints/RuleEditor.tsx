import type { ResponseBehaviour, ResponseRule } from '../../../../electron/shared/contract/endpoints';

export function headersToText(headers: Array<[string, string]>): string {
  return headers.map(([k, v]) => `${k}: ${v}`).join('\n');
}

export function textToHeaders(text: string): { headers: Array<[string, string]>; error: string | null } {
  const headers: Array<[string, string]> = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { headers, error: `Headers line ${i + 1}: expected "Name: value"` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers, error: null };
}

const defaults: Record<ResponseBehaviour['kind'], ResponseBehaviour> = {
  fixed: { kind: 'fixed' },
  'fail-first': { kind: 'fail-first', count: 3, failStatus: 500 },
  'failure-rate': { kind: 'failure-rate', percent: 50, failStatus: 503 },
  sequence: { kind: 'sequence', statuses: [500, 500, 200] },
};

export interface RuleDraft {
  status: string;
  headers: string;
  body: string;
  delayMs: string;
  behaviour: ResponseBehaviour;
  sequence: string;
}

export function ruleToDraft(rule: ResponseRule): RuleDraft {
  return {
    status: String(rule.status),
    headers: headersToText(rule.headers),
    body: rule.body,
    delayMs: String(rule.delayMs),
    behaviour: rule.behaviour,
    sequence: rule.behaviour.kind === 'sequence' ? rule.behaviour.statuses.join(', ') : '500, 500, 200',
  };
}

/** Validates a draft into a rule; errors name the field. */
export function draftToRule(d: RuleDraft): { rule: ResponseRule | null; error: string | null } {
  const status = Number(d.status);
  if (!Number.isInteger(status) || status < 100 || status > 599)
    return { rule: null, error: 'Status: a number from 100 to 599' };
  const delayMs = Number(d.delayMs || '0');
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 120_000)
    return { rule: null, error: 'Delay: whole milliseconds from 0 to 120000' };
  const { headers, error } = textToHeaders(d.headers);
  if (error) return { rule: null, error };
  let behaviour = d.behaviour;
  if (behaviour.kind === 'sequence') {
    const statuses = d.sequence
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599))
      return { rule: null, error: 'Sequence: comma-separated statuses from 100 to 599' };
    behaviour = { kind: 'sequence', statuses };
  }
  return { rule: { status, headers, body: d.body, delayMs, behaviour }, error: null };
}

export function RuleEditor({ draft, onChange }: { draft: RuleDraft; onChange: (d: RuleDraft) => void }) {
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const b = draft.behaviour;
  const setB = (patch: Partial<ResponseBehaviour>) =>
    set({ behaviour: { ...b, ...patch } as ResponseBehaviour });
  return (
    <div className="rule-editor">
      <div className="form-row">
        <label>
          Status{' '}
          <input
            className="input-narrow"
            data-testid="rule-status"
            inputMode="numeric"
            value={draft.status}
            onChange={(e) => set({ status: e.target.value })}
          />
        </label>
        <label>
          Delay (ms){' '}
          <input
            className="input-narrow"
            data-testid="rule-delay"
            inputMode="numeric"
            value={draft.delayMs}
            onChange={(e) => set({ delayMs: e.target.value })}
          />
        </label>
        <label>
          Behaviour{' '}
          <select
            data-testid="rule-behaviour"
            value={b.kind}
            onChange={(e) => set({ behaviour: defaults[e.target.value as ResponseBehaviour['kind']] })}
          >
            <option value="fixed">Always this response</option>
            <option value="fail-first">Fail the first N requests</option>
            <option value="failure-rate">Fail a percentage at random</option>
            <option value="sequence">Status sequence</option>
          </select>
        </label>
      </div>
      {b.kind === 'fail-first' && (
        <div className="form-row">
          <label>
            First{' '}
            <input
              className="input-narrow"
              data-testid="rule-fail-count"
              inputMode="numeric"
              value={b.count}
              onChange={(e) => setB({ count: Number(e.target.value) || 0 })}
            />{' '}
            requests
          </label>
          <label>
            answer <FailStatusInput value={b.failStatus} onChange={(failStatus) => setB({ failStatus })} />
          </label>
        </div>
      )}
      {b.kind === 'failure-rate' && (
        <div className="form-row">
          <label>
            Fail{' '}
            <input
              className="input-narrow"
              data-testid="rule-fail-percent"
              inputMode="decimal"
              value={b.percent}
              onChange={(e) => setB({ percent: Math.min(100, Math.max(0, Number(e.target.value) || 0)) })}
            />{' '}
            %
          </label>
          <label>
            with <FailStatusInput value={b.failStatus} onChange={(failStatus) => setB({ failStatus })} />
          </label>
        </div>
      )}
      {b.kind === 'sequence' && (
        <div className="form-row">
          <label className="grow">
            Statuses in turn (the last repeats){' '}
            <input
              data-testid="rule-sequence"
              value={draft.sequence}
              onChange={(e) => set({ sequence: e.target.value })}
            />
          </label>
        </div>
      )}
      <label className="block">
        Response headers <span className="muted">(one "Name: value" per line)</span>
        <textarea
          data-testid="rule-headers"
          rows={3}
          className="mono"
          value={draft.headers}
          onChange={(e) => set({ headers: e.target.value })}
        />
      </label>
      <label className="block">
        Response body
        <textarea
          data-testid="rule-body"
          rows={5}
          className="mono"
          value={draft.body}
          onChange={(e) => set({ body: e.target.value })}
        />
      </label>
    </div>
  );
}

/** The status a failing request is answered with (fail-first and failure-rate share it). */
function FailStatusInput({ value, onChange }: { value: number; onChange: (status: number) => void }) {
  return (
    <input
      className="input-narrow"
      data-testid="rule-fail-status"
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(Number(e.target.value) || 500)}
    />
  );
}
