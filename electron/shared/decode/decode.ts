import { findDuplicateKeys } from './duplicate-keys';
import { LIMITS, parseBody, parseQuery, parseQueryForm, type ParsedBody } from './body';
import {
  genericCtx,
  objectTypeOf,
  ontraportBatchCtx,
  ontraportPostDataCtx,
  ontraportRootCtx,
  ontraportXmlPostCtx,
  orttoFieldsRootCtx,
  orttoRootCtx,
  wpFusionPostCtx,
  wpFusionQueryCtx,
} from './contexts';
import { batchItems, isRecord, recognise, wpFusionParams, wpFusionPosted } from './recognise';
import { Builder, buildNode, setRaw, type Ctx } from './tree';
import { clip } from './values';
import { findMergeFields } from './merge-fields';
import { warnWpFusionParams } from './wp-fusion-warnings';
import { withBodyContact } from './wp-fusion-body-contact';
import { jsonKeyOrder } from './json-key-order';
import { utf8DecodeStrict } from '../send/bytes';
import type { CustomDictionary, DecodedNode, DecodeInput, DecodeResult, Recognition } from './types';

export interface DecodeOptions {
  /** Stop building the tree after this many nodes (default 5000). */
  maxNodes?: number;
  /** Stop descending after this depth (default 64). */
  maxDepth?: number;
  /** Labels only: skip display/raw text of plain values (see BuilderOptions.lean). */
  lean?: boolean;
  /** Raw values whole instead of bounded (see BuilderOptions.fullRaw). */
  fullRaw?: boolean;
  /** Also give this object or array its raw JSON (see BuilderOptions.rawAt). */
  rawAt?: string;
}

/** Bodies whose absent contact_id leaves a WP Fusion URL action with no contact: none, or one that could give it. */
const CONTACT_CARRYING = new Set<ParsedBody['format']>(['empty', 'form', 'json', 'xml']);

const BODY_LABEL: Record<string, string> = {
  json: 'JSON body',
  form: 'Form body',
  xml: 'XML body',
  text: 'Text body',
  'invalid-json': 'Body (invalid JSON)',
  binary: 'Binary body',
  empty: 'Empty body',
  'too-large': 'Body (too large to decode)',
};

function bodyCtx(candidates: Recognition[], body: ParsedBody): Ctx {
  const ctx = vendorBodyCtx(candidates, body);
  return body.format === 'form' && candidates.some((c) => c.kind === 'wp-fusion')
    ? wpFusionPostCtx(ctx)
    : ctx;
}

function vendorBodyCtx(candidates: Recognition[], body: ParsedBody): Ctx {
  for (const c of candidates) {
    switch (c.kind) {
      case 'ortto-activity':
      case 'ortto-journey':
      case 'ortto-test':
      case 'ortto-fields': {
        const v = body.value;
        const activity = isRecord(v) && isRecord(v.activity) ? v.activity : null;
        const root = c.kind === 'ortto-fields' ? orttoFieldsRootCtx : orttoRootCtx;
        return root(activity && typeof activity.field_id === 'string' ? activity.field_id : null);
      }
      case 'ontraport-subscription':
        return batchItems(body.value) ? ontraportBatchCtx : ontraportRootCtx(objectTypeOf(body.value));
      case 'ontraport-send-webhook':
        return body.format === 'xml' ? ontraportXmlPostCtx : ontraportPostDataCtx(body.value);
    }
  }
  return genericCtx;
}

function leaf(
  key: string,
  path: string,
  label: string,
  type: string,
  display: string,
  raw: string | null,
): DecodedNode {
  return {
    key,
    path,
    label,
    type,
    display,
    raw,
    fieldId: null,
    labelSource: 'none',
    epochMs: null,
    details: [],
    warnings: [],
    children: null,
  };
}

/** On the field itself when it is a plain top-level one (`note=50%`), else on the whole form. */
function warnStrayPercent(b: Builder, section: DecodedNode, names: string[]) {
  for (const name of names) {
    const field = section.children?.find((c) => c.key === name) ?? section;
    b.warn(
      field,
      'malformed',
      'info',
      `${name}: a % that starts no %XX escape was kept as a literal %; the rest was decoded as UTF-8.`,
    );
  }
}

function decodeInner(
  input: DecodeInput,
  custom: CustomDictionary | undefined,
  options: DecodeOptions,
): DecodeResult {
  const body = parseBody(input, LIMITS.maxParseBytes, { xml: true, exactNumbers: true });
  const parsedQuery = parseQueryForm(input.query ?? '');
  const query = parsedQuery.value;
  const candidates = recognise({ body, query }, custom);
  const best = candidates[0] ?? null;
  // Merge fields are Ontraport's: in anything else brackets are just text. A WP Fusion URL may carry an Ortto body
  // (WP Fusion takes both), and Ortto fills its own values: "[Draft] Spring sale" there is a name, not a merge field.
  const orttoBody = candidates.some((c) => c.vendor === 'Ortto');
  const ontraportSender = candidates.some(
    (c) => c.vendor === 'Ontraport' || (c.kind === 'wp-fusion' && !orttoBody),
  );
  const b = new Builder({
    maxNodes: options.maxNodes ?? 5000,
    maxDepth: options.maxDepth ?? 64,
    mergeCheck: ontraportSender,
    custom,
    lean: options.lean,
    fullRaw: options.fullRaw,
    rawAt: options.rawAt,
  });
  const sections: DecodedNode[] = [];
  const wpf = candidates.some((c) => c.kind === 'wp-fusion');
  // A "Send a Webhook" sent with GET carries its post data in the URL (seed 000): read as the body's would be.
  const sendWebhook = candidates.some((c) => c.kind === 'ontraport-send-webhook');
  // WP Fusion's warnings go on the section its parameters came in: the form post data when it names the action.
  const wpfPosted = wpf && wpFusionPosted(body);
  const wpfParams = wpFusionParams(query, body);
  const queryKeys = Object.keys(query);
  if (queryKeys.length > 0) {
    const node = buildNode(b, {
      key: 'query',
      path: 'query',
      value: query,
      info: {
        label: 'Query string',
        labelSource: 'none',
        fieldId: null,
        ctx: wpf ? wpFusionQueryCtx : sendWebhook ? ontraportPostDataCtx(query) : genericCtx,
      },
      depth: 0,
      json: false,
    });
    node.display = `${queryKeys.length} parameter${queryKeys.length === 1 ? '' : 's'}`;
    // Ontraport's Ping URL carries the contact in the URL or its form post data (`contact_id=[Contact ID]`), which
    // WP Fusion reads merged; Ortto's carries it in a JSON body, others in XML. With none of these, WP Fusion has no
    // contact to load.
    if (wpf && !wpfPosted)
      warnWpFusionParams(b, node, withBodyContact(wpfParams, body), CONTACT_CARRYING.has(body.format));
    warnStrayPercent(b, node, parsedQuery.strayPercent);
    sections.push(node);
  }
  const label = BODY_LABEL[body.format] ?? 'Body';
  if (body.format === 'json' || body.format === 'form' || body.format === 'xml') {
    // The index reads labels only: the order of the keys changes none of them.
    if (body.format === 'json' && body.text !== null && !options.lean)
      b.keyOrder = jsonKeyOrder(body.text, body.value);
    const node = buildNode(b, {
      key: 'body',
      path: '$',
      value: body.value,
      info: { label, labelSource: 'none', fieldId: null, ctx: bodyCtx(candidates, body) },
      depth: 0,
      json: body.format === 'json',
    });
    if (body.strayPercent) warnStrayPercent(b, node, body.strayPercent);
    if (wpfPosted) warnWpFusionParams(b, node, wpfParams, true);
    if (body.format === 'json' && body.text !== null) {
      for (const d of findDuplicateKeys(body.text))
        b.warn(
          node,
          'duplicate-key',
          'warning',
          `Key ${JSON.stringify(d.key)} is written ${d.count} times in ${d.objectPath}: a JSON parser keeps the last value only, so the others are not shown here (Raw has them).`,
        );
    }
    sections.push(node);
  } else {
    const display = body.text !== null ? clip(body.text, 5000) : (body.reason ?? '');
    const node = leaf('body', '$', label, body.format, display, null);
    setRaw(node, body.text, b);
    if (body.format === 'invalid-json') b.warn(node, 'malformed', 'warning', body.reason ?? 'Invalid JSON.');
    if (body.format === 'too-large') b.warn(node, 'truncated', 'info', body.reason ?? 'Too large.');
    if (body.format === 'text' && body.text && b.options.mergeCheck) {
      const merges = findMergeFields(body.text);
      if (merges.length > 0)
        b.warn(
          node,
          'unresolved-merge-field',
          'warning',
          `Unresolved merge field ${merges.join(', ')}: the sender did not fill it for this contact.`,
        );
    }
    sections.push(node);
    b.nodeCount++;
  }
  // Text read as UTF-8 shows bytes that are not UTF-8 as U+FFFD: the value shown is not what was sent.
  if (body.text?.includes('\uFFFD') && utf8DecodeStrict(input.body) === null) {
    b.warn(
      sections[sections.length - 1]!,
      'malformed',
      'warning',
      'Body is not valid UTF-8 and declares no charset that reads it: bytes that are not UTF-8 are shown as U+FFFD (�). The Hex view has them as sent.',
    );
  }
  let reason = body.reason;
  if (!best) reason = reason ?? 'No vendor recognised; decoded generically.';
  return {
    vendor: best?.vendor ?? null,
    eventLabel: best?.eventLabel ?? null,
    recognition: best,
    candidates,
    bodyFormat: body.format,
    reason,
    sections,
    warnings: b.warnings,
    nodeCount: b.nodeCount,
    truncated: b.truncated,
  };
}

/** Full decode for the Decoded tab. Never throws; bounded time/memory for 10 MB and 10k-deep input. */
export function decodeCapture(
  input: DecodeInput,
  custom?: CustomDictionary,
  options: DecodeOptions = {},
): DecodeResult {
  try {
    return decodeInner(input, custom, options);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      vendor: null,
      eventLabel: null,
      recognition: null,
      candidates: [],
      bodyFormat: 'text',
      reason: `Decoding failed (${why}); showing nothing decoded.`,
      sections: [],
      warnings: [{ code: 'malformed', severity: 'warning', message: `Decoding failed: ${why}`, path: '' }],
      nodeCount: 0,
      truncated: true,
    };
  }
}

/** Cheap: vendor and event label only (no tree). Skips bodies over `maxBytes` (64 KB by default). Never throws. */
export function classifyCapture(
  input: DecodeInput,
  custom?: CustomDictionary,
  maxBytes: number = LIMITS.maxClassifyBytes,
): { vendor: string | null; eventLabel: string | null } {
  try {
    if (input.body.length > maxBytes) return { vendor: null, eventLabel: null };
    // Exact numbers as decodeCapture reads them: an ID past 2^53 in the label is the digits sent, not a rounded double.
    const body = parseBody(input, maxBytes, { xml: false, exactNumbers: true });
    // Parsed whole, as decodeCapture does: a GET "Send a webhook" carries its contact fields only in the URL.
    const query = parseQuery(input.query ?? '');
    const best = recognise({ body, query }, custom)[0];
    return best ? { vendor: best.vendor, eventLabel: best.eventLabel } : { vendor: null, eventLabel: null };
  } catch {
    return { vendor: null, eventLabel: null };
  }
}
