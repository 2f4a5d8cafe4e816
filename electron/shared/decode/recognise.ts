import type { ParsedBody, FormObject } from './body';
import { objectTypeOf } from './contexts';
import { ONTRAPORT_LIGHTWEIGHT_KEYS, WP_FUSION_ACTIONS } from './dictionary/ontraport';
import { isOrttoFieldId, parseFieldId } from './grammar';
import { activityLabel, ontraportEventLabel } from './labels';
import { findMergeFields, isOnlyMergeFields, isOntraportMergeName } from './merge-fields';
import type { CustomDictionary, Recognition } from './types';
import { scalarText } from './values';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, k: string) => Object.hasOwn(o, k);

export interface RecogniseInput {
  body: ParsedBody;
  query: FormObject;
}

export type OntraportFormat = 'default' | 'notify' | 'lightweight';

/** Which subscription data format a record looks like (notify: only the id is filled). */
export function ontraportFormat(data: Record<string, unknown>): OntraportFormat {
  const keys = Object.keys(data);
  const filled = keys.filter((k) => k !== 'id' && scalarText(data[k]) !== '' && data[k] !== null);
  if (filled.length === 0) return 'notify';
  const contactLight = keys.every((k) => ONTRAPORT_LIGHTWEIGHT_KEYS.has(k));
  const customLight = keys.length <= 4 && keys.filter((k) => k !== 'id').every((k) => /^f\d+$/.test(k));
  return contactLight || customLight ? 'lightweight' : 'default';
}

/**
 * The list's name for an Ortto activity. Built-in and account activity names are abbreviations (`act::s-ce`,
 * `act:o:eoj`): read as words they mean nothing ("S ce"), so an unknown one shows its ID; custom and integration names
 * (`act:cm:signed-up`) read well and keep the label made from them.
 */
function activityEventLabel(fieldId: string, custom?: CustomDictionary): string {
  const resolved = activityLabel(fieldId, custom);
  const namespace = parseFieldId(fieldId)?.namespace;
  if (resolved.source === 'grammar' && (namespace === '' || namespace === 'o')) return fieldId;
  return resolved.label;
}

/** A journey webhook names its shape (shape_title); a playbook's webhook action may name only its action. */
function journeyEventLabel(value: Record<string, unknown>): string {
  const name = scalarText(value.shape_title) || scalarText(value.action_name);
  return name ? `Journey/playbook webhook (${name})` : 'Journey/playbook webhook';
}

function orttoRecognisers(value: unknown, custom?: CustomDictionary): Recognition[] {
  if (!isRecord(value)) return [];
  const out: Recognition[] = [];
  const activity = has(value, 'activity') && isRecord(value.activity) ? value.activity : null;
  const fieldId = activity ? scalarText(activity.field_id) : null;
  const journey =
    has(value, 'webhook_id') &&
    has(value, 'contact_id') &&
    (has(value, 'campaign_id') || has(value, 'shape_id') || has(value, 'run_id') || has(value, 'action_id'));
  if (fieldId === 'act::test_webhook') {
    out.push({
      vendor: 'Ortto',
      kind: 'ortto-test',
      eventLabel: 'Test webhook',
      confidence: 0.98,
      explanation:
        "activity.field_id is act::test_webhook: the sample Ortto sends from the webhook's Test button.",
    });
  } else if (fieldId && fieldId.startsWith('act:')) {
    const label = activityEventLabel(fieldId, custom);
    if (journey) {
      out.push({
        vendor: 'Ortto',
        kind: 'ortto-journey',
        eventLabel: journeyEventLabel(value),
        confidence: 0.93,
        explanation: `Journey/playbook webhook fields (campaign_id, shape_id, webhook_id) with the triggering activity ${fieldId}${label === fieldId ? '' : ` (${label})`}.`,
      });
    } else {
      out.push({
        vendor: 'Ortto',
        kind: 'ortto-activity',
        eventLabel: label,
        confidence: has(value, 'webhook_id') ? 0.95 : 0.8,
        explanation: `Ortto activity webhook: activity.field_id ${fieldId}${has(value, 'webhook_id') ? ' with webhook_id' : ''}.`,
      });
    }
  } else if (journey) {
    out.push({
      vendor: 'Ortto',
      kind: 'ortto-journey',
      eventLabel: journeyEventLabel(value),
      confidence: 0.9,
      explanation: 'Ortto journey/playbook webhook: contact_id, webhook_id and campaign/shape fields.',
    });
  } else {
    let ids = 0;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length && i < 200; i++) if (isOrttoFieldId(keys[i]!)) ids++;
    if (ids >= 2) {
      out.push({
        vendor: 'Ortto',
        kind: 'ortto-fields',
        eventLabel: null,
        confidence: 0.5,
        explanation: `${ids} keys are Ortto field IDs (type:namespace:name).`,
      });
    }
  }
  return out;
}

/**
 * The (first) record of a delivery's `data`: the record itself, or the first of a list of them — a JSON array, or
 * an object keyed 0, 1 … as PHP bracket pairs give one (`data[0][id]=8`).
 */
function firstRecord(data: unknown): Record<string, unknown> | null {
  const items = Array.isArray(data)
    ? data
    : isRecord(data) && Object.keys(data).length > 0 && Object.keys(data).every((k) => /^\d+$/.test(k))
      ? Object.values(data)
      : [data];
  const first: unknown = items[0];
  return isRecord(first) ? first : null;
}

function ontraportSubscription(value: unknown, formatName: string): Recognition | null {
  if (!isRecord(value) || !has(value, 'event') || !isRecord(value.event)) return null;
  const type = scalarText(value.event.type);
  if (!type || !/^[a-z][a-z_]{1,60}$/.test(type)) return null;
  const envelope = has(value, 'webhook_id') || has(value, 'object_type_id');
  if (!envelope && !has(value, 'data')) return null;
  const objectType = objectTypeOf(value);
  const first = has(value, 'data') ? firstRecord(value.data) : null;
  const format = first ? ontraportFormat(first) : null;
  return {
    vendor: 'Ontraport',
    kind: 'ontraport-subscription',
    eventLabel: ontraportEventLabel(type, value.event, objectType),
    confidence: envelope && first ? 0.95 : 0.75,
    explanation:
      `Ontraport API webhook subscription delivery: event[type]=${type}` +
      `${format ? `, ${format} format` : ''}, ${formatName}.`,
  };
}

/** Deliveries read from one body (Ontraport sends subscription payloads in groups of 100, seed 001). */
const MAX_BATCH_ITEMS = 100;

/**
 * The items of a body that may hold several deliveries: a JSON array, or an object keyed 0, 1 … as PHP bracket pairs
 * give one (`0[event][type]=sub_tag&1[event][type]=unsub_tag`); null for anything else.
 */
export function batchItems(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => /^\d+$/.test(k)) ? Object.values(value) : null;
}

/** Several items, every one a subscription delivery: one recognition naming how many, and their events. */
function ontraportSubscriptionBatch(value: unknown[], formatName: string): Recognition | null {
  if (value.length === 0 || value.length > MAX_BATCH_ITEMS) return null;
  const labels = new Set<string>();
  for (const item of value) {
    const one = ontraportSubscription(item, formatName);
    if (!one) return null;
    if (one.eventLabel) labels.add(one.eventLabel);
  }
  const shown = [...labels].slice(0, 3).join(', ') + (labels.size > 3 ? ', …' : '');
  const count = `${value.length} deliver${value.length === 1 ? 'y' : 'ies'}`;
  return {
    vendor: 'Ontraport',
    kind: 'ontraport-subscription',
    eventLabel: shown ? `${shown} (${count})` : count,
    confidence: 0.9,
    explanation: `Ontraport API webhook subscription deliveries sent together as ${formatName === 'JSON' ? 'a JSON array' : 'indexed form pairs (0[event][type]=…)'} (${count}).`,
  };
}

const ONTRAPORT_ONLY_KEYS = new Set([
  'firstname',
  'lastname',
  'contact_id',
  'sms_number',
  'office_phone',
  'home_phone',
  'contact_cat',
  'Api-Appid',
  'Api-Key',
]);

function ontraportSendWebhook(body: ParsedBody, query: FormObject): Recognition | null {
  const merges = new Set<string>();
  let ontraportKeys = 0;
  const flatFormKeys = new Set<string>();
  let apiKeys = false;
  let wholeMergeValue = false;
  // A contact field's merge name seen where a merge field goes, not as the tag that starts a title.
  let contactMerge = false;
  let budget = 500;
  // Post data is flat for forms, may be nested a little for JSON/XML: look a few levels down, bounded.
  const scan = (o: Record<string, unknown>, depth: number, form: boolean) => {
    const keys = Object.keys(o);
    for (let i = 0; i < keys.length && budget > 0; i++, budget--) {
      const k = keys[i]!;
      const v = o[k];
      if (ONTRAPORT_ONLY_KEYS.has(k)) ontraportKeys++;
      if (form && depth === 0 && typeof v === 'string' && ONTRAPORT_ONLY_KEYS.has(k)) flatFormKeys.add(k);
      if (k === 'Api-Appid' || k === 'Api-Key') apiKeys = true;
      if (typeof v === 'string') {
        for (const m of findMergeFields(v)) {
          merges.add(m);
          if (!contactMerge && isOntraportMergeName(m) && isLabelCase(m) && !isTitleTag(v, m))
            contactMerge = true;
        }
        if (form && isOnlyMergeFields(v) && findMergeFields(v).every(isLabelCase)) wholeMergeValue = true;
      } else if (depth < 3 && isRecord(v)) scan(v, depth + 1, form);
    }
  };
  if (isRecord(body.value)) scan(body.value, 0, body.format === 'form');
  if (body.format === 'text' && body.text)
    for (const m of findMergeFields(body.text)) {
      merges.add(m);
      if (!contactMerge && isOntraportMergeName(m) && isLabelCase(m) && !isTitleTag(body.text, m))
        contactMerge = true;
    }
  scan(query, 0, true);
  // Brackets alone are common ("[Bug] Crash on save", "[docs](https://…)"): a literal merge field counts only with
  // something else that says Ontraport — its field names or API keys, a contact field's merge name, or
  // `label=[Merge Field]` post data, the shape of a "Send a webhook" element (seed 002).
  const ontraportEvidence = ontraportKeys > 0 || apiKeys || wholeMergeValue || contactMerge;
  if (merges.size > 0 && ontraportEvidence) {
    return {
      vendor: 'Ontraport',
      kind: 'ontraport-send-webhook',
      eventLabel: 'Send a webhook (unresolved merge fields)',
      confidence: 0.85,
      explanation: `Unresolved merge field${merges.size > 1 ? 's' : ''} ${[...merges].slice(0, 3).join(', ')} arrived literally: Ontraport could not fill ${merges.size > 1 ? 'them' : 'it'}.`,
    };
  }
  if (apiKeys) {
    return {
      vendor: 'Ontraport',
      kind: 'ontraport-send-webhook',
      eventLabel: 'Send a webhook',
      confidence: 0.8,
      explanation:
        'Post data carries Api-Appid/Api-Key, as an Ontraport "Send a webhook" element calling the Ontraport API.',
    };
  }
  // As for JSON below: any sign-up form posts firstname and lastname, so one flat field must be more than a name.
  const distinctive = [...flatFormKeys].some((k) => !NAME_KEYS.has(k));
  if (flatFormKeys.size >= 2 && distinctive && (body.format === 'form' || body.format === 'empty')) {
    return {
      vendor: 'Ontraport',
      kind: 'ontraport-send-webhook',
      eventLabel: 'Send a webhook',
      confidence: 0.55,
      explanation: `Form post data with ${flatFormKeys.size} Ontraport contact field names (firstname, lastname, contact_id …).`,
    };
  }
  // Seed 000: the same post data may be JSON or XML. Plenty of other JSON has `firstname`/`lastname` (often nested in
  // a `properties` or `contact` object), so these need the names as flat fields of the post data, one of them more
  // than a name (contact_id, sms_number …).
  const structured = structuredOntraportKeys(body);
  if (structured && structured.count >= 2 && structured.distinctive) {
    return {
      vendor: 'Ontraport',
      kind: 'ontraport-send-webhook',
      eventLabel: 'Send a webhook',
      confidence: 0.55,
      explanation: `${structured.format} post data with ${structured.count} Ontraport contact field names (firstname, lastname, contact_id …).`,
    };
  }
  return null;
}

const NAME_KEYS = new Set(['firstname', 'lastname']);

/**
 * Ontraport merge fields are field labels as the app shows them, capitalised (`[First Name]`, `[Contact ID]`):
 * `fields=[id]` or `status=[pending]` is an ordinary value, not a merge field left unfilled.
 */
const isLabelCase = (mergeField: string) => /^\[\p{Lu}/u.test(mergeField);

/**
 * `[Website] Broken link on pricing page`: a bracketed word that starts a text (or a JSON string inside one) and is
 * followed by more words is how issue trackers and changelogs tag a title, not a merge field Ontraport left unfilled.
 */
function isTitleTag(text: string, mergeField: string): boolean {
  for (let at = text.indexOf(mergeField); at >= 0; at = text.indexOf(mergeField, at + 1)) {
    const before = at === 0 ? '' : text.charAt(at - 1);
    const after = text.slice(at + mergeField.length, at + mergeField.length + 2);
    if (!((before === '' || before === '"') && /^ [\p{L}\p{N}]/u.test(after))) return false;
  }
  return true;
}
/** A start, end or empty-element tag (not `<?…?>`, `<!…>`): slash before the name, name, slash before `>`. */
const XML_TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?(\/?)>/g;

/**
 * The names of the root element's children that hold only text (or nothing): the flat fields of XML post data, as
 * the top-level scalar keys are of JSON. Read from the text with a bounded tag scan, so the receiver's acknowledge
 * path, which does not parse XML, agrees with the decoder.
 */
function flatXmlFields(text: string, onField: (name: string) => void, maxTags = 500): void {
  let depth = 0;
  let open: string | null = null; // a child of the root seen opening, with no element inside it yet
  let tags = 0;
  for (const match of text.matchAll(XML_TAG)) {
    if (tags++ >= maxTags) return;
    const [, closing, name, empty] = match;
    if (closing) {
      if (depth === 2 && open === name) onField(name);
      open = null;
      depth--;
    } else if (empty) {
      if (depth === 1) onField(name!);
      open = null;
    } else {
      depth++;
      open = depth === 2 ? name! : null;
    }
  }
}

/**
 * Ontraport field names among the flat fields of JSON post data (top-level keys with scalar values) or XML post data
 * (children of the root element that hold only text).
 */
function structuredOntraportKeys(
  body: ParsedBody,
): { format: 'JSON' | 'XML'; count: number; distinctive: boolean } | null {
  const found = new Set<string>();
  let format: 'JSON' | 'XML';
  if (body.format === 'json' && isRecord(body.value)) {
    format = 'JSON';
    const keys = Object.keys(body.value);
    for (let i = 0; i < keys.length && i < 500; i++) {
      const k = keys[i]!;
      const v = body.value[k];
      if (ONTRAPORT_ONLY_KEYS.has(k) && (v === null || typeof v !== 'object')) found.add(k);
    }
  } else if ((body.format === 'xml' || body.format === 'text') && body.text) {
    const text = body.text.trim();
    if (!text.startsWith('<') || !text.endsWith('>')) return null;
    format = 'XML';
    flatXmlFields(text, (name) => {
      if (ONTRAPORT_ONLY_KEYS.has(name)) found.add(name);
    });
  } else {
    return null;
  }
  return { format, count: found.size, distinctive: [...found].some((k) => !NAME_KEYS.has(k)) };
}

/**
 * The parameters WP Fusion reads: its `get_actions()` takes them from PHP's `$_REQUEST`, the query string merged with
 * form post data, a field posted overriding the same one in the URL (PHP's request_order "GP").
 */
export function wpFusionParams(query: FormObject, body: ParsedBody): FormObject {
  return Object.assign(Object.create(null) as FormObject, query, formPostData(body));
}

const formPostData = (body: ParsedBody): FormObject | null =>
  body.format === 'form' && isRecord(body.value) ? (body.value as FormObject) : null;

/** Whether WP Fusion's action came in form post data rather than in the URL alone. */
export function wpFusionPosted(body: ParsedBody): boolean {
  const posted = formPostData(body);
  return posted !== null && Object.hasOwn(posted, 'wpf_action');
}

function wpFusion(params: FormObject, fromBody: boolean): Recognition | null {
  const given = Object.hasOwn(params, 'wpf_action') ? params.wpf_action : undefined;
  // PHP keeps the last of a repeated parameter (`?wpf_action=update&wpf_action=add` is `add`).
  const action = Array.isArray(given) ? given[given.length - 1] : given;
  if (typeof action !== 'string') return null;
  const label = Object.hasOwn(WP_FUSION_ACTIONS, action)
    ? WP_FUSION_ACTIONS[action]!
    : action || '(no action)';
  const hasKey = Object.hasOwn(params, 'access_key') && params.access_key !== '';
  return {
    vendor: 'WP Fusion',
    kind: 'wp-fusion',
    eventLabel: label,
    confidence: hasKey ? 0.9 : 0.7,
    explanation: `WP Fusion webhook ${fromBody ? 'parameters (form post data)' : 'URL'}: wpf_action=${action}${hasKey ? ' with access_key' : ' (no access_key: WP Fusion will refuse it)'}.`,
  };
}

/** Every recogniser that fired, best first. */
export function recognise(input: RecogniseInput, custom?: CustomDictionary): Recognition[] {
  const out: Recognition[] = [];
  const formatName = input.body.format === 'json' ? 'JSON' : 'form-encoded';
  if (input.body.format === 'json' || input.body.format === 'form') {
    out.push(...orttoRecognisers(input.body.value, custom));
    const value = input.body.value;
    const items = batchItems(value);
    const sub = items
      ? ontraportSubscriptionBatch(items, formatName)
      : ontraportSubscription(value, formatName);
    if (sub) out.push(sub);
  }
  // Ortto bodies may legitimately hold brackets ("[Draft] Spring sale"): no merge-field guessing there.
  if (!out.some((r) => r.vendor === 'Ontraport' || r.vendor === 'Ortto')) {
    const send = ontraportSendWebhook(input.body, input.query);
    if (send) out.push(send);
  }
  const wpf = wpFusion(wpFusionParams(input.query, input.body), wpFusionPosted(input.body));
  if (wpf) out.push(wpf);
  return out.sort((a, b) => b.confidence - a.confidence);
}
