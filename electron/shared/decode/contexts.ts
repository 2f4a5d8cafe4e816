import {
  ORTTO_ACTIVITY_ENVELOPE,
  ORTTO_ACTIVITY_KEYS,
  ORTTO_CONTACT_EXTRA,
  ORTTO_CONTACT_KEYS,
  ORTTO_JOURNEY_KEYS,
  type EnvelopeKey,
} from './dictionary/ortto-envelope';
import { SCALED_DISPLAY_TYPES, orttoField } from './dictionary/ortto';
import {
  ONTRAPORT_CONTACT_FIELDS,
  ONTRAPORT_ENVELOPE,
  ONTRAPORT_EVENT_KEYS,
  ONTRAPORT_EVENTS,
  ONTRAPORT_OBJECT_TYPES,
  WP_FUSION_ACTIONS,
  WP_FUSION_PARAMS,
  type OntraportField,
} from './dictionary/ontraport';
import { labelActivityAt } from './attr-scope';
import { describeParts, parseFieldId } from './grammar';
import { activityLabel, fieldLabel } from './labels';
import { formatSecret, secretPartsCtx } from './secret-mask';
import { plainInfo, type Ctx, type KeyInfo } from './tree';
import {
  formatBoolean,
  formatDate,
  formatGeo,
  formatInt,
  formatList,
  formatPhone,
  formatPlain,
  formatStarList,
  formatTimestamp,
  formatUnixDate,
  formatUnixSeconds,
  formatUnsignedSet,
  acceptsExactNumbers,
  isStarIdList,
  isStarList,
  readsExactNumbers,
  scalarText,
  type Formatted,
} from './values';
import type { CustomDictionary } from './types';

const asString = (type: string) =>
  readsExactNumbers((v: unknown): Formatted => {
    const f = formatPlain(v);
    return typeof v === 'string' ? { ...f, type } : f;
  });

/** The formatter for a value of an Ortto type prefix (and display type, which says whether `int` is ×1000). */
export function orttoFormatter(
  type: string,
  displayType: string | undefined,
): ((v: unknown) => Formatted) | undefined {
  const format = typedFormatter(type, displayType);
  return format && showsEmpty(format);
}

/** An empty string reads "(empty)", as Ontraport's empty fields do: a blank value cell says nothing. */
function showsEmpty(format: (v: unknown) => Formatted): (v: unknown) => Formatted {
  const shown = (v: unknown): Formatted => {
    const f = format(v);
    return v === '' ? { ...f, display: '(empty)' } : f;
  };
  return acceptsExactNumbers(format) ? readsExactNumbers(shown) : shown;
}

function typedFormatter(
  type: string,
  displayType: string | undefined,
): ((v: unknown) => Formatted) | undefined {
  switch (type) {
    case 'int':
      return readsExactNumbers((v) =>
        formatInt(v, displayType, displayType !== undefined && SCALED_DISPLAY_TYPES.has(displayType)),
      );
    case 'tme':
      return readsExactNumbers(formatTimestamp);
    case 'dtz':
      return formatDate;
    case 'phn':
      return formatPhone;
    case 'geo':
      return formatGeo;
    case 'bol':
      return formatBoolean;
    case 'u4s':
      return formatUnsignedSet;
    case 'ids':
      return (v) => formatList(v, 'id-list');
    case 'sst':
    case 'stl':
      // A string set reads as its display type says (text_list for sst::t and custom sets alike, DOMAIN-NOTES §1).
      return (v) => formatList(v, displayType === 'tags' ? 'tag-list' : 'string-list');
    case 'idt':
      return asString('id');
    case 'str':
    case 'txt':
    case 'strc':
      return asString('string');
    default:
      return undefined;
  }
}

// Key infos are pure functions of (custom dictionary, activity, key): cache them, bounded.
const NO_CUSTOM = {};
const infoCache = new WeakMap<object, Map<string, KeyInfo | null>>();
const CACHE_MAX = 20_000;

/** Key info for an Ortto field ID (or null when the key is not one). */
export function orttoKeyInfo(
  key: string,
  activityId: string | null,
  custom: CustomDictionary | undefined,
  bare: boolean,
): KeyInfo | null {
  // Fast path: most keys of most payloads are not field IDs.
  if (!bare && (key.length < 4 || key.indexOf(':') < 0)) return null;
  const owner = custom ?? NO_CUSTOM;
  let cache = infoCache.get(owner);
  if (!cache) infoCache.set(owner, (cache = new Map()));
  const cacheKey = `${bare ? 'b' : 'n'}${activityId ?? ''}\u0000${key}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const info = computeKeyInfo(key, activityId, custom, bare);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(cacheKey, info);
  return info;
}

function computeKeyInfo(
  key: string,
  activityId: string | null,
  custom: CustomDictionary | undefined,
  bare: boolean,
): KeyInfo | null {
  const parts = parseFieldId(key);
  if (!parts && !(bare && orttoField(key))) return null;
  const resolved = fieldLabel(key, activityId, custom);
  if (!resolved) return null;
  const type = parts?.type ?? typeFromDisplay(resolved.displayType);
  const details = parts ? describeParts(parts) : ['system field without a type prefix'];
  const info: KeyInfo = {
    label: resolved.label,
    labelSource: resolved.source,
    fieldId: key,
    details,
    ctx: genericCtx,
  };
  const format = orttoFormatter(type, resolved.displayType);
  if (format) info.format = format;
  if (type === 'int' && resolved.displayType === undefined && parts && parts.namespace !== '') {
    info.details = [
      ...details,
      'Custom number: if it is a decimal or currency field the true value is ÷ 1000 (import the instance schema to know).',
    ];
  }
  if (resolved.source === 'grammar' && parts) {
    const builtIn = parts.namespace === '' || parts.namespace === 'o';
    info.warnings = [
      {
        code: 'unknown-id',
        severity: builtIn ? 'warning' : 'info',
        message: builtIn
          ? `${key} is not in the dictionary; the label is read from the ID.`
          : `${key} is a ${parts.namespace === 'cm' || parts.namespace === 'oc' ? 'custom' : 'integration'} field; the label is read from its name (import your instance schema for exact labels).`,
      },
    ];
  }
  return info;
}

function typeFromDisplay(displayType: string | undefined): string {
  switch (displayType) {
    case 'time':
      return 'tme';
    case 'geo':
      return 'geo';
    case 'integer':
    case 'decimal':
    case 'currency':
    case 'engagement':
      return 'int';
    case 'bool':
      return 'bol';
    case 'tags':
      return 'sst';
    default:
      return 'str';
  }
}

/**
 * Any payload: Ortto field IDs are labelled wherever they appear, and so are the Ontraport custom fields (`fNNNN`) the
 * user's own dictionaries name; everything else keeps its key.
 */
export const genericCtx: Ctx = (key, _value, b) =>
  orttoKeyInfo(key, null, b.custom, false) ??
  namedOntraportCustomField(key, b.custom) ??
  plainInfo(key, genericCtx);

/**
 * An `fNNNN` key the user's dictionary lists, whatever the vendor: an exact match of such a distinctive ID is the
 * user's field. Bare names (`firstname`) are not distinctive, so they take custom labels only in recognised payloads.
 */
function namedOntraportCustomField(key: string, custom: CustomDictionary | undefined): KeyInfo | null {
  const entry = custom?.fields.get(key);
  if (!entry || !ONTRAPORT_CUSTOM_ID.test(key)) return null;
  return {
    label: entry.label,
    labelSource: 'custom',
    fieldId: key,
    ctx: genericCtx,
    format: ontraportCustomFormat(entry.displayType),
  };
}

// ---- Ortto --------------------------------------------------------------------------------------------

// Envelope infos depend only on (custom dictionary, table entry, child context): build each once.
const envelopeCache = new WeakMap<object, WeakMap<EnvelopeKey, Map<Ctx, KeyInfo>>>();

const envelopeInfo = (
  _key: string,
  e: EnvelopeKey,
  ctx: Ctx,
  custom: CustomDictionary | undefined,
): KeyInfo => {
  const owner = custom ?? NO_CUSTOM;
  let byEntry = envelopeCache.get(owner);
  if (!byEntry) envelopeCache.set(owner, (byEntry = new WeakMap()));
  let byCtx = byEntry.get(e);
  if (!byCtx) byEntry.set(e, (byCtx = new Map()));
  const hit = byCtx.get(ctx);
  if (hit) return hit;
  const info: KeyInfo = { label: e.label, labelSource: 'vendor', fieldId: null, ctx };
  if (e.type === 'activity-id') {
    info.format = (v) => {
      if (typeof v !== 'string')
        return { ...formatPlain(v), problems: ['Expected an activity ID (act::…).'] };
      const a = activityLabel(v, custom);
      return {
        type: 'activity',
        display: `${a.label} (${v})`,
        details: a.altLabels.map((l) => `also called: ${l}`),
        epochMs: null,
        problems: a.source === 'none' ? ['Not an activity ID.'] : [],
      };
    };
  } else if (e.type !== 'obj') {
    const f = orttoFormatter(e.type, undefined);
    if (f) info.format = f;
  }
  if (byCtx.size < 1000) byCtx.set(ctx, info);
  return info;
};

/** One closure per activity, reused (bounded). */
function memo(make: (activityId: string | null) => Ctx): (activityId: string | null) => Ctx {
  const cache = new Map<string | null, Ctx>();
  return (activityId) => {
    let ctx = cache.get(activityId);
    if (!ctx) {
      if (cache.size > 1000) cache.clear();
      cache.set(activityId, (ctx = make(activityId)));
    }
    return ctx;
  };
}

const attrCtx = memo((activityId) => (key, v, b) => {
  const info = orttoKeyInfo(key, labelActivityAt(1, activityId, key, b.custom), b.custom, false);
  if (!info) return plainInfo(key, nestedAttrCtx(activityId));
  return v !== null && typeof v === 'object' ? { ...info, ctx: nestedAttrCtx(activityId) } : info;
});

/** Inside an object attribute (`obj::s` of act::ws); the Monaco hover resolves labels the same way. */
const nestedAttrCtx = memo((activityId) => (key, v, b) => {
  const info = orttoKeyInfo(key, labelActivityAt(2, activityId, key, b.custom), b.custom, false);
  if (!info) return plainInfo(key, nestedAttrCtx(activityId));
  return v !== null && typeof v === 'object' ? { ...info, ctx: nestedAttrCtx(activityId) } : info;
});

/** Person keys; `bare`: system fields without a type prefix (`s`, `c`, `tags`) too, as a person record has them. */
const personCtx =
  (bare: boolean): Ctx =>
  (key, _v, b) => {
    if (Object.hasOwn(ORTTO_CONTACT_EXTRA, key))
      return envelopeInfo(key, ORTTO_CONTACT_EXTRA[key]!, genericCtx, b.custom);
    if (Object.hasOwn(ORTTO_CONTACT_KEYS, key)) {
      const id = ORTTO_CONTACT_KEYS[key]!;
      const info = orttoKeyInfo(id, null, b.custom, false);
      if (info) return { ...info, details: [`carries ${id}`, ...(info.details ?? [])] };
    }
    return orttoKeyInfo(key, null, b.custom, bare) ?? plainInfo(key, genericCtx);
  };
const contactCtx = personCtx(true);

const activityCtx = memo((activityId): Ctx => (key, _v, b) => {
  if (key === 'attr') return envelopeInfo(key, ORTTO_ACTIVITY_KEYS.attr!, attrCtx(activityId), b.custom);
  if (Object.hasOwn(ORTTO_ACTIVITY_KEYS, key))
    return envelopeInfo(key, ORTTO_ACTIVITY_KEYS[key]!, genericCtx, b.custom);
  return genericCtx(key, _v, b);
});

const orttoRoot =
  (activityId: string | null, topLevel: Ctx): Ctx =>
  (key, value, b) => {
    if (key === 'activity')
      return envelopeInfo(key, ORTTO_ACTIVITY_ENVELOPE.activity!, activityCtx(activityId), b.custom);
    if (key === 'contact') return envelopeInfo(key, ORTTO_ACTIVITY_ENVELOPE.contact!, contactCtx, b.custom);
    if (key === 'account') return envelopeInfo(key, ORTTO_ACTIVITY_ENVELOPE.account!, contactCtx, b.custom);
    return topLevel(key, value, b);
  };

/** The flat keys of a webhook's top level (id, time, webhook_id, campaign_id …); anything else is a person field. */
const webhookTopLevelCtx: Ctx = (key, value, b) => {
  if (Object.hasOwn(ORTTO_JOURNEY_KEYS, key))
    return envelopeInfo(key, ORTTO_JOURNEY_KEYS[key]!, genericCtx, b.custom);
  if (Object.hasOwn(ORTTO_ACTIVITY_ENVELOPE, key))
    return envelopeInfo(key, ORTTO_ACTIVITY_ENVELOPE[key]!, genericCtx, b.custom);
  return contactCtx(key, value, b);
};

/** The top of an Ortto webhook body (activity or journey/playbook); extra person/account fields arrive here too. */
export const orttoRootCtx = memo((activityId): Ctx => orttoRoot(activityId, webhookTopLevelCtx));

/**
 * A body recognised only by having Ortto field-ID keys: nothing shows it is an Ortto webhook or person record, so a
 * top-level `id`, `time` or `s` is the sender's own key, not a webhook envelope field or a bare Ortto system field.
 */
const looseFieldsCtx = personCtx(false);
export const orttoFieldsRootCtx = memo((activityId): Ctx => orttoRoot(activityId, looseFieldsCtx));

// ---- Ontraport -----------------------------------------------------------------------------------------

function ontraportFormat(field: OntraportField): ((v: unknown) => Formatted) | undefined {
  switch (field.kind) {
    case 'unix-time':
      return MERGED_DATE_FIELDS.has(field) ? mergedDate(formatUnixSeconds) : formatUnixSeconds;
    case 'unix-date':
      return MERGED_DATE_FIELDS.has(field) ? mergedDate(formatUnixDate) : formatUnixDate;
    case 'tag-list':
      return formatStarList;
    case 'id':
      return ontraportIdFormat;
    default:
      return ontraportFreeFormat;
  }
}

/**
 * Post data and URLs carry what merge fields rendered, and a date merge field renders a formatted date (`[nDate
 * long+0]`, slash, dash, European: DOMAIN-NOTES §3.1), not the Unix seconds of a subscription record (§3.3).
 */
const MERGED_DATE_FIELDS = new WeakSet<OntraportField>();

/** The same fields, their dates read as merged ones. */
function mergedFields(fields: Record<string, OntraportField>): Record<string, OntraportField> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => {
      if (field.kind !== 'unix-time' && field.kind !== 'unix-date') return [key, field];
      const merged = { ...field };
      MERGED_DATE_FIELDS.add(merged);
      return [key, merged];
    }),
  );
}

/** Unix seconds read as such; any other text shown as sent, as the merge field formatted it. */
const mergedDate =
  (seconds: (v: unknown) => Formatted) =>
  (v: unknown): Formatted =>
    typeof v === 'string' && !/^\s*-?\d+\s*$/.test(v) && v.trim() !== ''
      ? {
          ...formatPlain(v),
          details: ['A date as its merge field formatted it (Unix seconds are read as a time).'],
        }
      : seconds(v);

const idFormat = asString('id');
/** A notify delivery sends every field but the record id empty: an empty owner reads "(empty)" as the rest do. */
const ontraportIdFormat = (v: unknown): Formatted =>
  v === '' ? { ...idFormat(v), display: '(empty)' } : idFormat(v);

const ONTRAPORT_CUSTOM_ID = /^f\d{1,9}$/;
const ONTRAPORT_CUSTOM_DETAILS = ['Ontraport custom field (f + digits); name it in a custom dictionary'];
const ontraportFreeFormat = (v: unknown): Formatted => (isStarList(v) ? formatStarList(v) : emptyAware(v));
const emptyAware = (v: unknown): Formatted =>
  v === '' ? { ...formatPlain(v), display: '(empty)' } : formatPlain(v);

/** A custom field read as its display type says; Ontraport sends times and dates as Unix seconds (DOMAIN-NOTES §3.3). */
function ontraportCustomFormat(displayType: string | null): (v: unknown) => Formatted {
  switch (displayType) {
    case 'time':
      return formatUnixSeconds;
    case 'date':
      return formatUnixDate;
    default:
      return ontraportFreeFormat;
  }
}

/** A custom date or time field as a merge field rendered it: custom date fields take its format too. */
function mergedCustomFormat(displayType: string | null): (v: unknown) => Formatted {
  const format = ontraportCustomFormat(displayType);
  return displayType === 'time' || displayType === 'date' ? mergedDate(format) : format;
}

const ontraportInfos = new WeakMap<OntraportField, Map<Ctx, KeyInfo>>();
/** Field tables are static, so one info per (field, child context) serves every payload. */
const ontraportFieldInfo = (key: string, field: OntraportField, ctx: Ctx): KeyInfo => {
  let byCtx = ontraportInfos.get(field);
  if (!byCtx) ontraportInfos.set(field, (byCtx = new Map()));
  const hit = byCtx.get(ctx);
  if (hit) return hit;
  const info: KeyInfo = { label: field.label, labelSource: 'vendor', fieldId: key, ctx };
  const f = ontraportFormat(field);
  if (f) info.format = f;
  byCtx.set(ctx, info);
  return info;
};

/** The API credentials a "Send a webhook" element calling Ontraport's API posts (seed 002): masked as secrets. */
const ONTRAPORT_API_CREDENTIALS = new Set(['Api-Appid', 'Api-Key']);

/** Ontraport record fields: the object's field names, `fNNNN` custom fields, `*\/*` lists. */
const recordCtx =
  (fields: Record<string, OntraportField>, merged = false): Ctx =>
  (key, _v, b) => {
    const custom = b.custom?.fields.get(key);
    if (ONTRAPORT_API_CREDENTIALS.has(key))
      return {
        label: custom?.label ?? key,
        labelSource: custom ? 'custom' : 'vendor',
        fieldId: key,
        ctx: secretPartsCtx,
        format: formatSecret,
      };
    if (Object.hasOwn(fields, key)) {
      const builtIn = ontraportFieldInfo(key, fields[key]!, genericCtx);
      // Custom labels win over the built-in ones (as for Ortto IDs); the field keeps its built-in formatting.
      return custom ? { ...builtIn, label: custom.label, labelSource: 'custom' } : builtIn;
    }
    if (custom)
      return {
        label: custom.label,
        labelSource: 'custom',
        fieldId: key,
        ctx: genericCtx,
        format: (merged ? mergedCustomFormat : ontraportCustomFormat)(custom.displayType),
      };
    if (ONTRAPORT_CUSTOM_ID.test(key)) {
      return {
        label: `Custom field ${key}`,
        labelSource: 'vendor',
        fieldId: key,
        ctx: genericCtx,
        details: ONTRAPORT_CUSTOM_DETAILS,
        format: ontraportFreeFormat,
      };
    }
    // Post data names its fields freely (`Tags=[Contact Tags]`): a value of that list's exact shape is one.
    const info = genericCtx(key, _v, b);
    return info.format === undefined && isStarIdList(_v) ? { ...info, format: formatStarList } : info;
  };

/** Contact records of subscription deliveries (object type 0). */
export const ontraportRecordCtx: Ctx = recordCtx(ONTRAPORT_CONTACT_FIELDS);
/** "Send a webhook" post data and URLs: the contact's fields as merge fields rendered them. */
const ontraportMergedCtx: Ctx = recordCtx(mergedFields(ONTRAPORT_CONTACT_FIELDS), true);
const { id: _contactId, ...NAMED_CONTACT_FIELDS } = ONTRAPORT_CONTACT_FIELDS;
/** Post data that names its contact in `contact_id`: an `id` beside it is some other record's (a note's, seed 002). */
const postWithContactIdCtx: Ctx = recordCtx(mergedFields(NAMED_CONTACT_FIELDS), true);

/** How many objects down post data nested in JSON or XML is read as post data: as far as the recogniser looks. */
const POST_DATA_LEVELS = 3;

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Post data `levels` objects deep, without and with a `contact_id` (then `id` is some other record's). */
const postDataCtxs: Array<{ plain: Ctx; named: Ctx }> = [];
for (let levels = 0; levels <= POST_DATA_LEVELS; levels++) {
  const inner = postDataCtxs[levels - 1];
  // `{"contact":{"firstname":…}}`: an object's fields are read as the top-level ones are.
  const nesting =
    (ctx: Ctx): Ctx =>
    (key, v, b) => {
      const info = ctx(key, v, b);
      if (!inner || info.ctx !== genericCtx || !isObject(v)) return info;
      return { ...info, ctx: Object.hasOwn(v, 'contact_id') ? inner.named : inner.plain };
    };
  postDataCtxs.push({ plain: nesting(ontraportMergedCtx), named: nesting(postWithContactIdCtx) });
}

/**
 * "Send a webhook" post data: contact field names, and `id` as the contact only when nothing else is; the same in
 * objects nested up to `levels` deep.
 */
export function ontraportPostDataCtx(post: unknown, levels = POST_DATA_LEVELS): Ctx {
  const ctxs = postDataCtxs[Math.max(0, Math.min(levels, POST_DATA_LEVELS))]!;
  return isObject(post) && Object.hasOwn(post, 'contact_id') ? ctxs.named : ctxs.plain;
}

/** System fields every Ontraport object has; the contact-only ones (names, phones, email …) would mislabel others. */
const SHARED_RECORD_KEYS = [
  'owner',
  'date',
  'dla',
  'dlm',
  'contact_cat',
  'unique_id',
  'system_source',
  'import_id',
];
/** Records of other object types (custom objects …). */
const ontraportObjectRecordCtx: Ctx = recordCtx({
  id: { label: 'Record ID', kind: 'id' },
  ...Object.fromEntries(SHARED_RECORD_KEYS.map((k) => [k, ONTRAPORT_CONTACT_FIELDS[k]!])),
});

/** `data` sent as a list of records: each item is a record. */
const recordListCtx =
  (itemCtx: Ctx): Ctx =>
  (key, v, b) => ({ ...genericCtx(key, v, b), ctx: itemCtx });
const contactListCtx = recordListCtx(ontraportRecordCtx);
const objectListCtx = recordListCtx(ontraportObjectRecordCtx);

const ontraportEventCtx: Ctx = (key, _v, b) => {
  if (key === 'type') {
    return {
      label: 'Event type',
      labelSource: 'vendor',
      fieldId: null,
      ctx: genericCtx,
      format: (v) => {
        const t = typeof v === 'string' ? v : '';
        const known = Object.hasOwn(ONTRAPORT_EVENTS, t) ? ONTRAPORT_EVENTS[t]!.label : null;
        return { ...formatPlain(v), type: 'event', display: known ? `${known} (${t})` : String(v) };
      },
    };
  }
  if (Object.hasOwn(ONTRAPORT_EVENT_KEYS, key))
    return ontraportFieldInfo(key, ONTRAPORT_EVENT_KEYS[key]!, genericCtx);
  return genericCtx(key, _v, b);
};

/** XML post data parses to `{'?xml': …, contact: {…}}`: the record's fields are the root element's children. */
export const ontraportXmlPostCtx: Ctx = (key, v, b) => {
  const info = genericCtx(key, v, b);
  // The root element is already one of the levels the recogniser looks through.
  return key.startsWith('?') ? info : { ...info, ctx: ontraportPostDataCtx(v, POST_DATA_LEVELS - 1) };
};

/** A subscription delivery's envelope; `data` is read as the records of `object_type_id` (contacts when absent). */
export function ontraportRootCtx(objectTypeId: string | null): Ctx {
  return objectTypeId === null || objectTypeId === '0' ? contactRootCtx : objectRootCtx;
}

/** A delivery's `object_type_id` as text, or null when it has none. */
export function objectTypeOf(delivery: unknown): string | null {
  if (delivery === null || typeof delivery !== 'object' || Array.isArray(delivery)) return null;
  return scalarText((delivery as Record<string, unknown>).object_type_id);
}

/**
 * Deliveries sent together (a JSON array's `[0]`, indexed form pairs' `0`): each item is read as a delivery of its own
 * object type.
 */
export const ontraportBatchCtx: Ctx = (key, v) => ({
  label: /^\[?\d+\]?$/.test(key) ? `Delivery ${Number(key.replace(/[[\]]/g, '')) + 1}` : key,
  labelSource: 'vendor',
  fieldId: null,
  ctx: ontraportRootCtx(objectTypeOf(v)),
});

/** A list of records as PHP bracket pairs give it (`data[0][id]=8&data[1][id]=9`): an object keyed 0, 1 …. */
function isIndexedRecords(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length > 0 &&
    entries.every(([k, item]) => /^\d+$/.test(k) && item !== null && typeof item === 'object')
  );
}

const rootCtx =
  (record: Ctx, list: Ctx): Ctx =>
  (key, v, b) => {
    if (key === 'data')
      return ontraportFieldInfo(
        key,
        ONTRAPORT_ENVELOPE.data!,
        Array.isArray(v) || isIndexedRecords(v) ? list : record,
      );
    return ontraportEnvelopeCtx(key, v, b);
  };

const ontraportEnvelopeCtx: Ctx = (key, _v, b) => {
  if (key === 'event') return ontraportFieldInfo(key, ONTRAPORT_ENVELOPE.event!, ontraportEventCtx);
  if (key === 'object_type_id') {
    return {
      label: 'Object type',
      labelSource: 'vendor',
      fieldId: key,
      ctx: genericCtx,
      format: readsExactNumbers((v) => {
        const id = scalarText(v) ?? '';
        const name = Object.hasOwn(ONTRAPORT_OBJECT_TYPES, id)
          ? ONTRAPORT_OBJECT_TYPES[id]
          : Number(id) >= 10000
            ? 'Custom object'
            : null;
        return { ...formatPlain(v), type: 'id', display: name ? `${name} (${id})` : id };
      }),
    };
  }
  if (Object.hasOwn(ONTRAPORT_ENVELOPE, key))
    return ontraportFieldInfo(key, ONTRAPORT_ENVELOPE[key]!, genericCtx);
  return genericCtx(key, _v, b);
};

const contactRootCtx = rootCtx(ontraportRecordCtx, contactListCtx);
const objectRootCtx = rootCtx(ontraportObjectRecordCtx, objectListCtx);

// ---- WP Fusion -----------------------------------------------------------------------------------------

export const wpFusionQueryCtx: Ctx = (key, _v, b) => {
  if (!Object.hasOwn(WP_FUSION_PARAMS, key)) return ontraportMergedCtx(key, _v, b);
  const info: KeyInfo = {
    label: WP_FUSION_PARAMS[key]!,
    labelSource: 'vendor',
    fieldId: key,
    ctx: genericCtx,
  };
  if (key === 'wpf_action') {
    info.format = (v) => {
      // A repeated parameter: PHP keeps the last one.
      const last = Array.isArray(v) ? v[v.length - 1] : v;
      const a = typeof last === 'string' ? last : '';
      const known = Object.hasOwn(WP_FUSION_ACTIONS, a) ? WP_FUSION_ACTIONS[a]! : null;
      const problems = known ? [] : ['Not one of update_tags, update, add.'];
      // Only wpf_action[]=x gives a one-element list; PHP then reads an array, which names no WP Fusion action.
      if (Array.isArray(v) && v.length === 1)
        problems.push(
          `wpf_action is sent as a list with one value (wpf_action[]=${a}): WP Fusion expects a single value and does not recognise a list as an action.`,
        );
      else if (Array.isArray(v))
        problems.push(`wpf_action is repeated (${v.join(', ')}): WP Fusion uses the last one, ${a}.`);
      return {
        ...formatPlain(v),
        type: 'action',
        display: known ? `${known} (${a})` : String(v),
        problems,
      };
    };
  } else if (key === 'access_key') {
    info.ctx = secretPartsCtx;
    info.format = (v) => ({
      ...formatSecret(v),
      problems: v === '' ? ['access_key is empty: WP Fusion refuses webhooks without the key.'] : [],
    });
  } else if (key === 'role') {
    info.format = (v) => ({
      ...formatPlain(v),
      problems: v === 'administrator' ? ['WP Fusion refuses the administrator role.'] : [],
    });
  } else if (key === 'send_notification' || key === 'async') {
    info.format = (v) => ({
      ...formatPlain(v),
      type: 'boolean',
      problems: v === 'true' || v === 'false' ? [] : ['WP Fusion expects true.'],
    });
  }
  if (key !== 'wpf_action') info.format = lastOfRepeated(key, info.format ?? formatPlain);
  return info;
};

/**
 * Form post data sent to WP Fusion: it reads its parameters from the post data as from the URL (PHP's `$_REQUEST`),
 * so they are labelled, checked and masked as in the query string; other fields keep the post data's own reading.
 */
export function wpFusionPostCtx(postData: Ctx): Ctx {
  return (key, v, b) => (Object.hasOwn(WP_FUSION_PARAMS, key) ? wpFusionQueryCtx : postData)(key, v, b);
}

/**
 * A repeated parameter (`role=customer&role=administrator`): PHP keeps the last one, so that is the value read —
 * checked, and masked when it is the access key — and the repeat is named (an access key's values are not).
 */
function lastOfRepeated(key: string, format: (v: unknown) => Formatted): (v: unknown) => Formatted {
  return (v) => {
    if (!Array.isArray(v) || v.length === 0 || v.some((item) => typeof item !== 'string')) return format(v);
    const last: unknown = v[v.length - 1];
    const read = format(last);
    const values = key === 'access_key' ? `${v.length} values` : v.join(', ');
    const repeat =
      v.length === 1
        ? `${key} is sent as a list with one value (${key}[]=…): WP Fusion expects a single value.`
        : `${key} is repeated (${values}): WP Fusion uses the last one.`;
    return { ...read, problems: [...read.problems, repeat] };
  };
}
