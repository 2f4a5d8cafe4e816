import type { HeaderPair } from '../../shared/contract/index';
import type { EndpointAuth } from '../../shared/contract/endpoints';

const secretHeader =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|api-appid|x-auth-token|x-access-token|webhook-signature|x-hub-signature(-256)?|stripe-signature|x-shopify-hmac-sha256|x-signature|svix-signature)$/i;
/**
 * Names that carry secrets wherever they appear, in a header or the query: `client_secret`, `access_token`,
 * `hub.verify_token`, `hmac`, `api-key`, `X-Webhook-Key`, `sig`, `auth`… (a separator or the start before `key`,
 * `sig` and `auth`, so `monkey` or `author` stay).
 */
const secretName =
  /secret|token|signature|password|passwd|credential|hmac|api[-_.]?key|access[-_.]?key|private[-_.]?key|(^|[-_.])(key|sig|auth|session)$/i;

export const redactedMarker = '[redacted]';

/** Names a capture's own endpoint made secret (its header or query auth); compared case-insensitively. */
export interface Redaction {
  headerNames: ReadonlySet<string>;
  queryNames: ReadonlySet<string>;
}

export const standardRedaction: Redaction = { headerNames: new Set(), queryNames: new Set() };

/** The standard names plus every endpoint's own auth header and query parameter. */
export function redactionFor(endpoints: ReadonlyArray<{ auth: EndpointAuth }>): Redaction {
  const headerNames = new Set<string>();
  const queryNames = new Set<string>();
  for (const { auth } of endpoints) {
    if (auth.kind === 'header') headerNames.add(auth.name.toLowerCase());
    if (auth.kind === 'query') queryNames.add(auth.name.toLowerCase());
  }
  return { headerNames, queryNames };
}

export const isSecretHeader = (name: string, redaction: Redaction = standardRedaction) =>
  secretHeader.test(name) || secretName.test(name) || redaction.headerNames.has(name.toLowerCase());

const isSecretQueryName = (name: string, redaction: Redaction) =>
  secretName.test(name) || redaction.queryNames.has(name.toLowerCase());

export function redactHeaders(headers: HeaderPair[], redaction: Redaction = standardRedaction): HeaderPair[] {
  return headers.map(([n, v]) => [n, isSecretHeader(n, redaction) ? redactedMarker : v]);
}

export function redactQuery(query: string, redaction: Redaction = standardRedaction): string {
  if (!query) return query;
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq === -1 ? part : part.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        /* keep raw */
      }
      return eq !== -1 && isSecretQueryName(name, redaction)
        ? `${key}=${encodeURIComponent(redactedMarker)}`
        : part;
    })
    .join('&');
}
