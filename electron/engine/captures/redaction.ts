import type { HeaderPair } from '../../shared/contract/index';

const secretHeader =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|api-appid|x-auth-token|x-access-token|webhook-signature|x-hub-signature(-256)?|stripe-signature|x-shopify-hmac-sha256|x-signature|svix-signature)$/i;
const secretQuery = /^(access_key|api_key|apikey|key|token|secret|password|signature|sig)$/i;

export const redactedMarker = '[redacted]';

export const isSecretHeader = (name: string) =>
  secretHeader.test(name) || /secret|token|signature|password/i.test(name);

export function redactHeaders(headers: HeaderPair[]): HeaderPair[] {
  return headers.map(([n, v]) => [n, isSecretHeader(n) ? redactedMarker : v]);
}

export function redactQuery(query: string): string {
  if (!query) return query;
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq === -1 ? part : part.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        /* keep raw */
      }
      return eq !== -1 && secretQuery.test(name) ? `${key}=${encodeURIComponent(redactedMarker)}` : part;
    })
    .join('&');
}
