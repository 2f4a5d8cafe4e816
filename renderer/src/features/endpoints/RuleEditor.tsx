import {
  responseRule,
  trimHeaderValue,
  type ResponseBehaviour,
  type ResponseRule,
} from '../../../../electron/shared/contract/endpoints';
import { base64 } from '../../../../electron/shared/contract/base64';
import { base64ToBytes, textToBase64, utf8DecodeStrict } from '../../../../electron/shared/send/bytes';
import { orttoGivesUpNote } from '../../../../electron/shared/send/ortto-retry';
import { withLineEndingsOf } from '../../lib/textarea-line-endings';
import { VisibleText } from '../../components/VisibleText';

export function headersToText(headers: Array<[string, string]>): string {
  return headers.map(([k, v]) => `${k}: ${v}`).join('\n');
}

export function textToHeaders(text: string): {
  headers: Array<[string, string]>;
  /** The 1-based line each header came from. */
  lines: number[];
  error: string | null;
} {
  const headers: Array<[string, string]> = [];
  const lines: number[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { headers, lines, error: `Headers line ${i + 1}: expected "Name: value"` };
    headers.push([line.slice(0, colon).trim(), trimHeaderValue(line.slice(colon + 1))]);
    lines.push(i + 1);
  }
  return { headers, lines, error: null };
}

export type BehaviourKind = ResponseBehaviour['kind'];
export type BodyEncoding = NonNullable<ResponseRule['bodyEncoding']>;

/** Every field as typed, so nothing is changed behind the user's back; `draftToRule` checks it all on save. */
export interface RuleDraft {
  status: string;
  headers: string;
  body: string;
  bodyEncoding: BodyEncoding;
  delayMs: string;
  kind: BehaviourKind;
  failCount: string;
  failPercent: string;
  failStatus: string;
  sequence: string;
}

export function ruleToDraft(rule: ResponseRule): RuleDraft {
  const b = rule.behaviour;
  return {
    status: String(rule.status),
    headers: headersToText(rule.headers),
    body: rule.body,
    bodyEncoding: rule.bodyEncoding ?? 'utf8',
    delayMs: String(rule.delayMs),
    kind: b.kind,
    failCount: b.kind === 'fail-first' ? String(b.count) : '3',
    failPercent: b.kind === 'failure-rate' ? String(b.percent) : '50',
    failStatus: b.kind === 'fail-first' || b.kind === 'failure-rate' ? String(b.failStatus) : '503',
    sequence: b.kind === 'sequence' ? b.statuses.join(', ') : '500, 500, 200',
  };
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);
/** A final response status; 1xx are informational and leave the sender waiting for one that never comes. */
const isStatus = (n: number | null): n is number => n !== null && n >= 200 && n <= 599;
/** Why a status was refused, naming the field: 1xx get their own reason, anything else the range. */
const statusError = (field: string, n: number | null, range = 'a number from 200 to 599') =>
  n !== null && n >= 100 && n < 200
    ? `${field}: ${n} is informational (1xx); a final response needs 200–599`
    : `${field}: ${range}`;

function draftToBehaviour(d: RuleDraft): { behaviour: ResponseBehaviour | null; error: string | null } {
  const failStatus = wholeNumber(d.failStatus);
  const badFailStatus = { behaviour: null, error: statusError('Failure status', failStatus) };
  switch (d.kind) {
    case 'fixed':
      return { behaviour: { kind: 'fixed' }, error: null };
    case 'fail-first': {
      const count = wholeNumber(d.failCount);
      if (count === null || count < 1 || count > 1_000_000)
        return { behaviour: null, error: 'First N requests: a whole number from 1 to 1000000' };
      if (!isStatus(failStatus)) return badFailStatus;
      return { behaviour: { kind: 'fail-first', count, failStatus }, error: null };
    }
    case 'failure-rate': {
      // A decimal as people write one: `0.5`, `.5` or `5.`.
      const percent = /^\s*(\d+\.?\d*|\.\d+)\s*$/.test(d.failPercent) ? Number(d.failPercent) : NaN;
      if (!(percent >= 0 && percent <= 100))
        return { behaviour: null, error: 'Failure percentage: a number from 0 to 100' };
      if (!isStatus(failStatus)) return badFailStatus;
      return { behaviour: { kind: 'failure-rate', percent, failStatus }, error: null };
    }
    case 'sequence': {
      const entries = d.sequence.trim().split(/\s*,\s*|\s+/);
      const statuses = entries.map(wholeNumber);
      if (entries.length === 0 || entries[0] === '' || !statuses.every(isStatus))
        return {
          behaviour: null,
          error: statusError(
            'Status sequence',
            statuses.find((n) => !isStatus(n)) ?? null,
            'statuses from 200 to 599, separated by commas (no empty entries)',
          ),
        };
      if (statuses.length > 1000)
        return { behaviour: null, error: `Status sequence: at most 1000 statuses (got ${statuses.length})` };
      return { behaviour: { kind: 'sequence', statuses }, error: null };
    }
    default: {
      const never: never = d.kind;
      return { behaviour: null, error: `unknown behaviour ${String(never)}` };
    }
  }
}

/** Validates a draft into a rule; errors name the field. */
export function draftToRule(d: RuleDraft): { rule: ResponseRule | null; error: string | null } {
  const typedStatus = wholeNumber(d.status);
  // A sequence gives every status itself: the Status field is hidden for it, and kept only for switching back.
  const status = d.kind === 'sequence' && !isStatus(typedStatus) ? 200 : typedStatus;
  if (!isStatus(status)) return { rule: null, error: statusError('Status', status) };
  const delayMs = d.delayMs.trim() === '' ? 0 : wholeNumber(d.delayMs);
  if (delayMs === null || delayMs > 120_000)
    return { rule: null, error: 'Delay: whole milliseconds from 0 to 120000' };
  const { headers, lines, error } = textToHeaders(d.headers);
  if (error) return { rule: null, error };
  const { behaviour, error: behaviourError } = draftToBehaviour(d);
  if (!behaviour) return { rule: null, error: behaviourError };
  const rule: ResponseRule = {
    status: behaviour.kind === 'sequence' && !isStatus(typedStatus) ? behaviour.statuses[0]! : status,
    headers,
    // Pasted base64 is often wrapped (`base64` wraps at 76): the line breaks are not part of the bytes.
    ...(d.bodyEncoding === 'base64'
      ? { body: d.body.replace(/\s+/g, ''), bodyEncoding: 'base64' as const }
      : { body: d.body }),
    delayMs,
    behaviour,
  };
  // The engine's own rules (header names, headers the receiver writes itself), said in the form's terms.
  const checked = responseRule.safeParse(rule);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const [field, index] = issue.path;
    const where =
      field === 'headers'
        ? typeof index === 'number'
          ? `Headers line ${lines[index] ?? index + 1}`
          : 'Headers'
        : field === 'body'
          ? 'Body'
          : String(field ?? 'Response');
    return { rule: null, error: `${where}: ${issue.message}` };
  }
  return { rule, error: null };
}

/** Why the body cannot be sent as typed in base64, or how many bytes it is: shown under the body as it is typed. */
export function base64BodyNote(body: string): { bytes: number | null; note: string } {
  const clean = body.replace(/\s+/g, '');
  if (!base64.safeParse(clean).success)
    return {
      bytes: null,
      note: 'Not base64: A–Z, a–z, 0–9, + and /, in groups of 4 padded with = (line breaks are ignored)',
    };
  const bytes = base64ToBytes(clean).length;
  return { bytes, note: `${bytes} byte${bytes === 1 ? '' : 's'}` };
}

/**
 * The body in the other encoding, keeping its bytes: text becomes the base64 of its UTF-8, and base64 becomes text
 * when its bytes are UTF-8 text. Anything else stays as typed, for the user to replace.
 */
export function switchBodyEncoding(body: string, to: BodyEncoding): string {
  if (to === 'base64') return textToBase64(body);
  const clean = body.replace(/\s+/g, '');
  if (!base64.safeParse(clean).success) return body;
  const text = utf8DecodeStrict(base64ToBytes(clean));
  return text === null || text.includes('\0') ? body : text;
}

/** The statuses the draft fails with, as far as they parse: what a retrying sender would react to. */
function failureStatuses(d: RuleDraft): number[] {
  // A failure rate of 0% never answers its failure status: nothing for a retrying sender to react to.
  if (d.kind === 'failure-rate' && /^\s*0*(\.0*)?\s*$/.test(d.failPercent) && /\d/.test(d.failPercent))
    return [];
  if (d.kind === 'fail-first' || d.kind === 'failure-rate') return [wholeNumber(d.failStatus) ?? 0];
  if (d.kind === 'sequence') return d.sequence.split(/[\s,]+/).map((s) => wholeNumber(s) ?? 0);
  return [];
}

export function RuleEditor({ draft, onChange }: { draft: RuleDraft; onChange: (d: RuleDraft) => void }) {
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const kind = draft.kind;
  const orttoNote = orttoGivesUpNote(failureStatuses(draft));
  const bodyNote = draft.bodyEncoding === 'base64' ? base64BodyNote(draft.body) : null;
  return (
    <div className="rule-editor">
      <div className="form-row">
        {kind !== 'sequence' && (
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
        )}
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
            value={kind}
            onChange={(e) => set({ kind: e.target.value as BehaviourKind })}
          >
            <option value="fixed">Always this response</option>
            <option value="fail-first">Fail the first N requests</option>
            <option value="failure-rate">Fail a percentage at random</option>
            <option value="sequence">Status sequence</option>
          </select>
        </label>
      </div>
      {kind === 'fail-first' && (
        <div className="form-row">
          <label>
            First{' '}
            <input
              className="input-narrow"
              data-testid="rule-fail-count"
              inputMode="numeric"
              value={draft.failCount}
              onChange={(e) => set({ failCount: e.target.value })}
            />{' '}
            requests
          </label>
          <label>
            answer <FailStatusInput value={draft.failStatus} onChange={(failStatus) => set({ failStatus })} />
          </label>
        </div>
      )}
      {kind === 'failure-rate' && (
        <div className="form-row">
          <label>
            Fail{' '}
            <input
              className="input-narrow"
              data-testid="rule-fail-percent"
              inputMode="decimal"
              value={draft.failPercent}
              onChange={(e) => set({ failPercent: e.target.value })}
            />{' '}
            %
          </label>
          <label>
            with <FailStatusInput value={draft.failStatus} onChange={(failStatus) => set({ failStatus })} />
          </label>
        </div>
      )}
      {kind === 'sequence' && (
        <>
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
          <p className="muted" data-testid="rule-sequence-note">
            A 4xx or 5xx step answers a body saying it failed on purpose; the response body below answers the
            other steps.
          </p>
        </>
      )}
      {(kind === 'fail-first' || kind === 'sequence') && (
        <p className="muted" data-testid="rule-count-note">
          Every save starts the count again, even with nothing changed: the next request is request 1. The
          count is kept across restarts of Hookscope, so a sender's retries hours apart meet the rule where it
          was.
        </p>
      )}
      {orttoNote && (
        <p className="muted" data-testid="rule-ortto-note">
          <VisibleText text={orttoNote} />
        </p>
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
      <div className="form-row">
        <label>
          Response body as{' '}
          <select
            data-testid="rule-body-encoding"
            value={draft.bodyEncoding}
            onChange={(e) => {
              const bodyEncoding = e.target.value as BodyEncoding;
              if (bodyEncoding !== draft.bodyEncoding)
                set({ bodyEncoding, body: switchBodyEncoding(draft.body, bodyEncoding) });
            }}
          >
            <option value="utf8">Text</option>
            <option value="base64">Base64 (exact bytes)</option>
          </select>
        </label>
      </div>
      <label className="block">
        Response body
        <textarea
          data-testid="rule-body"
          rows={5}
          className="mono"
          value={draft.body}
          onChange={(e) => set({ body: withLineEndingsOf(draft.body, e.target.value) })}
        />
      </label>
      {bodyNote && (
        <p className={bodyNote.bytes === null ? 'field-error' : 'muted'} data-testid="rule-body-note">
          <VisibleText text={bodyNote.note} />
        </p>
      )}
    </div>
  );
}

/** The status a failing request is answered with (fail-first and failure-rate share it). */
function FailStatusInput({ value, onChange }: { value: string; onChange: (status: string) => void }) {
  return (
    <input
      className="input-narrow"
      data-testid="rule-fail-status"
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
