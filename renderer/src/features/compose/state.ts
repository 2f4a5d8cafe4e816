import { base64ToBytes, utf8DecodeStrict } from '../../../../electron/shared/send/bytes';
import { headerValueText } from '../../../../electron/shared/decode/header-text';
import { detectContentType } from '../../../../electron/shared/send/content-type';
import { stripHopByHop } from '../../../../electron/shared/send/hop-by-hop';
import type { ParsedCurl } from '../../../../electron/shared/send/curl';
import type { AuthConfig, BodyMode } from '../../../../electron/shared/send/outgoing';
import type { SigningConfig } from '../../../../electron/shared/send/signing-config';

export type DraftOrigin = 'capture' | 'curl';

/** Why a draft that keeps the headers it came with sends no Content-Type: the words after "none is sent". */
export const noTypeKeptAs = (origin: DraftOrigin | undefined) =>
  origin === 'curl' ? 'as in the pasted command' : 'as captured';

export type Policy = 'ortto' | 'ontraport' | 'standard' | 'none' | 'custom';
export type SendType = 'manual' | 'emulator';

/** A header row in the table; disabled rows stay visible but are not sent. */
export interface HeaderRow {
  name: string;
  value: string;
  enabled: boolean;
  /** The captured value as stored (one character per byte), sent as is while `value` is still its text. */
  stored?: string;
}

export interface ComposeDraft {
  method: string;
  url: string;
  headers: HeaderRow[];
  auth: AuthConfig;
  bodyMode: BodyMode;
  body: string;
  /** Why the body opened in the mode it did, when that is not obvious. */
  bodyNote: string | null;
  /** Whether `[Field]` / `{{var}}` are filled from the record; off for an opened capture, which goes out as it was. */
  merge: boolean;
  /** An opened capture: sent with the headers it had, no detected Content-Type added. Absent in older drafts. */
  asCaptured?: boolean;
  /** Where the draft was opened from, for saying why no Content-Type is sent; absent (a capture) in older drafts. */
  openedFrom?: DraftOrigin;
  signing: SigningConfig;
  policy: Policy;
  /** Ontraport's "Send a Webhook" settings (seed 000, step 8), used when `policy` is 'ontraport'. */
  ontraport: { requestsPerMinute: number; retries: number };
  name: string;
  type: SendType;
}

export interface InitialRequest {
  method: string;
  url: string;
  headers: [string, string][];
  bodyBase64: string;
}

export const standardMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const emptyDraft: ComposeDraft = {
  method: 'POST',
  url: '',
  headers: [],
  auth: { kind: 'none' },
  bodyMode: 'json',
  body: '{\n  "email": "[Email]",\n  "first_name": "[First Name]"\n}\n',
  bodyNote: null,
  merge: true,
  signing: { scheme: 'none', secret: '' },
  policy: 'none',
  ontraport: { requestsPerMinute: 60, retries: 3 },
  name: '',
  type: 'manual',
};

export function modeForBody(text: string, contentType: string | null): BodyMode {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  const detected = detectContentType(text);
  // JSON or XML labelled a form (curl's label for any -d data) is edited, and merged into, as what it is.
  const structured = detected === 'application/json' || detected === 'application/xml';
  if (type.includes('x-www-form-urlencoded') && !structured) return 'form';
  return detected === 'application/json'
    ? 'json'
    : detected === 'application/xml'
      ? 'xml'
      : detected === 'application/x-www-form-urlencoded'
        ? 'form'
        : 'text';
}

/** A lone CR, or CRLF and bare LF together: the text editor holds one line ending, so it would rewrite these. */
const mixedLineEndings = (text: string) =>
  /\r(?!\n)/.test(text) || (/\r\n/.test(text) && /(?<!\r)\n/.test(text));

function bodyFields(
  bytes: Uint8Array,
  headers: [string, string][],
): Pick<ComposeDraft, 'body' | 'bodyMode' | 'bodyNote'> {
  if (bytes.length === 0) return { body: '', bodyMode: 'text', bodyNote: null };
  const text = utf8DecodeStrict(bytes);
  const raw = () => {
    let binary = '';
    bytes.forEach((b) => (binary += String.fromCharCode(b)));
    return btoa(binary);
  };
  if (text === null || text.includes('\0')) return { body: raw(), bodyMode: 'base64', bodyNote: null };
  if (mixedLineEndings(text))
    return {
      body: raw(),
      bodyMode: 'base64',
      bodyNote:
        'The body mixes line endings (CR, LF, CRLF), which the text editor would change, so it opened as raw bytes.',
    };
  const contentType = headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
  return { body: text, bodyMode: modeForBody(text, contentType), bodyNote: null };
}

/**
 * Header values arrive as bytes (one character each); UTF-8 ones are edited as their text. The bytes are kept so an
 * unchanged value goes out exactly as captured (a Latin-1 `caf\xE9` would otherwise be sent as UTF-8).
 */
const rows = (headers: [string, string][]): HeaderRow[] =>
  stripHopByHop(headers).map(([name, value]) => ({
    name,
    value: headerValueText(value).text,
    enabled: true,
    stored: value,
  }));

/** "Open capture in composer": the exact request, minus headers the client recomputes. */
export function draftFromInitial(initial: InitialRequest, base: ComposeDraft = emptyDraft): ComposeDraft {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(initial.bodyBase64);
  } catch {
    bytes = new Uint8Array();
  }
  return {
    ...base,
    method: initial.method,
    url: initial.url,
    headers: rows(initial.headers),
    auth: { kind: 'none' },
    ...bodyFields(bytes, initial.headers),
    merge: false,
    asCaptured: true,
    openedFrom: 'capture',
    type: 'manual',
  };
}

export function draftFromCurl(parsed: ParsedCurl, base: ComposeDraft): ComposeDraft {
  const draft = draftFromInitial(
    {
      method: parsed.method,
      url: parsed.url,
      headers: parsed.headers,
      bodyBase64: parsed.bodyBase64 ?? '',
    },
    base,
  );
  // A Host given with -H is sent by curl in place of the URL's, and by the composer too: only a capture's Host (the
  // receiver's own) is one to leave out.
  const hosts: HeaderRow[] = parsed.headers
    .filter(([name]) => name.toLowerCase() === 'host')
    .map(([name, value]) => ({ name, value: headerValueText(value).text, enabled: true, stored: value }));
  // `-H 'Content-Type:'` with a body: curl sends it with no type, so the composer adds no detected one either.
  return {
    ...draft,
    headers: [...hosts, ...draft.headers],
    merge: base.merge,
    asCaptured: parsed.noContentType === true,
    openedFrom: 'curl',
  };
}

export const enabledHeaders = (headers: HeaderRow[]): [string, string][] =>
  headers.filter((h) => h.enabled).map((h) => [h.name, h.value]);

export const languageFor: Record<BodyMode, string> = {
  json: 'json',
  form: 'plaintext',
  xml: 'xml',
  text: 'plaintext',
  base64: 'plaintext',
};

/** The policy an emulated platform delivers with. */
export const policyLabels: Record<Policy, string> = {
  none: 'None (one attempt)',
  ortto: 'Ortto (up to 12 retries, 5 min → 1 day)',
  ontraport: 'Ontraport (rate + retries)',
  standard: 'Standard Webhooks (8 tries)',
  custom: 'Custom waits',
};
