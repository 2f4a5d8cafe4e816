/** A request as the decoder sees it: no Node types, so it runs in the engine and in the renderer alike. */
export interface DecodeInput {
  method: string;
  path: string;
  /** Raw query string without the leading `?`. */
  query: string;
  headers: [string, string][];
  contentType: string | null;
  /**
   * An imported capture's whole Content-Type when its headers have none (its HAR's postData.mimeType, see
   * `harContentType`): the boundary and charset the media type in `contentType` leaves out.
   */
  harContentType?: string | null;
  body: Uint8Array;
}

export type WarningCode =
  | 'unresolved-merge-field'
  | 'unknown-id'
  | 'suspicious-value'
  | 'precision'
  | 'malformed'
  | 'duplicate-key'
  | 'truncated';

export interface DecodeWarning {
  code: WarningCode;
  severity: 'warning' | 'info';
  message: string;
  /** Path of the node the warning is about ('' for the whole capture). */
  path: string;
}

/** Where a node's label came from. */
export type LabelSource = 'custom' | 'dictionary' | 'activity' | 'grammar' | 'vendor' | 'none';

export interface DecodedNode {
  /** The key exactly as received (`str::cn`, `data[email]` → `email`, `[0]` for array items). */
  key: string;
  /** Where the node sits: `$.activity.attr["str::cn"]`, `query.wpf_action`. */
  path: string;
  label: string;
  /** Decoded value type: string, integer, decimal, currency, timestamp, date, phone, geo, boolean, id, id-list, … */
  type: string;
  /** The value as a person reads it. */
  display: string;
  /** The raw value as text (JSON for JSON bodies), null for objects and arrays; bounded in length. */
  raw: string | null;
  /** Set when `raw` was cut to its bound; `decode.value` gives the whole of it. */
  rawClipped?: boolean;
  /** The dictionary ID that labelled this key (Ortto field ID, Ontraport field name, …). */
  fieldId: string | null;
  labelSource: LabelSource;
  /** Instant for time values (ms since epoch), so a UI can show local time. */
  epochMs: number | null;
  /** Extra lines: the value in other units, what the ID's parts mean. */
  details: string[];
  warnings: DecodeWarning[];
  children: DecodedNode[] | null;
}

export interface Recognition {
  vendor: string;
  /** Stable identifier of the recogniser: ortto-activity, ortto-journey, ortto-test, ontraport-subscription, … */
  kind: string;
  eventLabel: string | null;
  /** 0–1. */
  confidence: number;
  /** One line saying what gave it away. */
  explanation: string;
}

export type BodyFormat = 'json' | 'form' | 'xml' | 'text' | 'binary' | 'empty' | 'invalid-json' | 'too-large';

export interface DecodeResult {
  vendor: string | null;
  eventLabel: string | null;
  recognition: Recognition | null;
  candidates: Recognition[];
  bodyFormat: BodyFormat;
  /** Why the decoder fell back to generic decoding or stopped early; null when nothing went wrong. */
  reason: string | null;
  /** Top-level sections: `query` (when there is one) and `body`. */
  sections: DecodedNode[];
  /** Every warning in the tree, plus capture-wide ones. */
  warnings: DecodeWarning[];
  nodeCount: number;
  truncated: boolean;
}

/** One user-supplied label. `activityId` set = the label of an attribute inside that activity only. */
export interface CustomEntry {
  fieldId: string;
  label: string;
  activityId: string | null;
  displayType: string | null;
}

/** Custom labels compiled for lookup; build with `compileCustomDictionary`. */
export interface CustomDictionary {
  fields: Map<string, CustomEntry>;
  activityAttributes: Map<string, Map<string, CustomEntry>>;
  size: number;
}
