import type { FormObject, ParsedBody } from './body';
import { isRecord } from './recognise';

/**
 * The `contact_id` a JSON or XML body gives: a JSON object's top-level key, or a `<contact_id>` child of the XML root
 * element (its flat fields, as Ontraport's XML post data has them). Undefined when it gives none.
 */
function bodyContactId(body: ParsedBody): unknown {
  if (!isRecord(body.value)) return undefined;
  if (body.format === 'json')
    return Object.hasOwn(body.value, 'contact_id') ? body.value.contact_id : undefined;
  if (body.format !== 'xml') return undefined;
  // The parsed document: the root element, beside an `<?xml …?>` declaration when there is one.
  for (const root of Object.values(body.value))
    if (isRecord(root) && Object.hasOwn(root, 'contact_id')) return root.contact_id;
  return undefined;
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * WP Fusion's parameters from the URL, with the contact a JSON or XML body names when the URL gives none (a blank
 * one reads as blank): such a body carries the contact of a URL action as form post data does (Ortto's in JSON).
 */
export function withBodyContact(params: FormObject, body: ParsedBody): FormObject {
  const inBody = bodyContactId(body);
  if (inBody === undefined || given(params.contact_id)) return params;
  // A list is a repeated XML element: the last one is read, as PHP reads a repeated parameter.
  const last: unknown = Array.isArray(inBody) ? inBody[inBody.length - 1] : inBody;
  const value = given(last) ? (typeof last === 'string' ? last : JSON.stringify(last)) : '';
  return Object.assign(Object.create(null) as FormObject, params, { contact_id: value });
}
