import type { HeaderPair } from '../../shared/contract/captures';
import {
  isSecretField,
  redactBody,
  redactedMarker,
  redactHeaders,
  redactUrl,
  standardRedaction,
} from '../captures/redaction';

/** What a saved webhook export holds of one webhook. */
export interface ExportedWebhook {
  url: string;
  headers: HeaderPair[];
  body: string;
  options: Record<string, unknown>;
}

/**
 * A value that holds no secret itself: empty, or only `{{variables}}` (the environment holds the secret) after an
 * auth scheme word, as in `Bearer {{token}}`.
 */
const holdsNoSecret = (value: string) =>
  value
    .replace(/%7B%7B|%7D%7D/gi, (b) => (b.toUpperCase() === '%7B%7B' ? '{{' : '}}'))
    .replace(/\{\{[^{}]*\}\}/g, '')
    .replace(/^\s*(bearer|basic|digest|token)\b/i, '')
    .trim() === '';

/**
 * The webhook fit to share: secret headers, secret URL query parameters and user info, secret-named body fields and
 * secret-named options (`signing.secret`, an `auth` password…) become `[redacted]`. `{{variables}}` stay.
 */
export function redactWebhook<W extends ExportedWebhook>(webhook: W): W {
  const contentType = webhook.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
  const body = Buffer.from(webhook.body);
  const redactedBody = redactBody(body, contentType, null, standardRedaction, holdsNoSecret);
  return {
    ...webhook,
    url: redactUrl(webhook.url, standardRedaction, holdsNoSecret),
    headers: redactHeaders(webhook.headers, standardRedaction, holdsNoSecret),
    body: redactedBody === body ? webhook.body : redactedBody.toString('utf8'),
    options: redactOptions(webhook.options) as Record<string, unknown>,
  };
}

function redactOptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactOptions);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      isSecretField(key) && (typeof v === 'string' || typeof v === 'number') && !holdsNoSecret(String(v))
        ? redactedMarker
        : redactOptions(v),
    ]),
  );
}

/**
 * Where an imported webhook still holds a `[redacted]` placeholder (as written in a redacted export), named as the
 * fields to fill in again: `headers.Authorization`, `url`, `body`, `options.signing.secret`.
 */
export function redactedFields(webhook: ExportedWebhook): string[] {
  const has = (text: string) =>
    text.includes(redactedMarker) || text.includes(encodeURIComponent(redactedMarker));
  const fields: string[] = [];
  if (has(webhook.url)) fields.push('url');
  for (const [name, value] of webhook.headers) if (has(value)) fields.push(`headers.${name}`);
  if (has(webhook.body)) fields.push('body');
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string' && has(value)) fields.push(path);
    else if (value !== null && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
  };
  walk(webhook.options, 'options');
  return fields;
}
