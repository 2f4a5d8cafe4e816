import raw from './ortto.json';

export type Confidence = 'high' | 'medium' | 'low';

export interface OrttoFieldInfo {
  label: string;
  scope: 'person' | 'account';
  displayType?: string;
  readOnly?: boolean;
  hidden?: boolean;
  liquidName?: string;
  derivedFromActivity?: string;
  note?: string;
  confidence: Confidence;
  src: number[];
}
export interface OrttoAttributeInfo {
  label: string;
  altLabels: string[];
  displayType?: string;
  note?: string;
  confidence: Confidence;
  src: number[];
}
export interface OrttoActivityInfo {
  label: string;
  altLabels: string[];
  scope: 'person' | 'account';
  group?: string;
  displayType?: string;
  note?: string;
  confidence: Confidence;
  attributes: Record<string, string>;
  src: number[];
}
export interface OrttoDictionary {
  version: 1;
  sources: string[];
  prefixes: Record<string, { label: string; valueShape?: string; confidence: Confidence; src: number[] }>;
  namespaces: Record<string, { label: string; confidence: Confidence; src: number[] }>;
  fields: Record<string, OrttoFieldInfo>;
  attributes: Record<string, OrttoAttributeInfo>;
  activities: Record<string, OrttoActivityInfo>;
  delivery: {
    successStatus: { min: number; max: number };
    neverRetried: number[];
    maxRetries: number;
    backoffMs: number[];
    note: string;
    src: number[];
  };
}

/** Built by scripts/build-dictionary.ts from the collected Ortto facts; do not edit by hand. */
export const ortto = raw as unknown as OrttoDictionary;

const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

export const orttoField = (id: string) => own(ortto.fields, id);
export const orttoAttribute = (id: string) => own(ortto.attributes, id);
export const orttoActivity = (id: string) => own(ortto.activities, id);
export const orttoPrefix = (type: string) => own(ortto.prefixes, type);
export const orttoNamespace = (ns: string) => own(ortto.namespaces, ns);

/** Ortto's delivery rules (Ortto's webhook page): what counts as delivered and how it retries. */
export const orttoDelivery = ortto.delivery;

/** Display types whose `int` values are scaled ×1000 on the wire. */
export const SCALED_DISPLAY_TYPES = new Set(['decimal', 'currency', 'price']);
