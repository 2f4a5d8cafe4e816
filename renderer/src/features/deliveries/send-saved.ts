import type { HeaderPair } from '../../../../electron/shared/contract/captures';
import type { SavedWebhook } from '../../../../electron/shared/contract/delivery';
import { contentTypeHeaderFor } from '../../../../electron/shared/send/content-type';
import { resolveTemplate } from '../../../../electron/shared/send/merge-fields';
import { textToBase64 } from '../../../../electron/shared/send/bytes';

/** A saved webhook with `{{variables}}` of the active environment filled in, plus what stayed unresolved. */
export function resolveSaved(webhook: SavedWebhook, env: Record<string, string>) {
  const unresolved = new Set<string>();
  const fill = (text: string) => {
    const r = resolveTemplate(text, {}, env);
    r.unresolved.forEach((u) => unresolved.add(u));
    return r.text;
  };
  const headers: HeaderPair[] = webhook.headers.map(([n, v]) => [n, fill(v)]);
  const body = fill(webhook.body);
  const contentType = contentTypeHeaderFor(headers, body);
  if (contentType && !headers.some(([n]) => n.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', contentType]);
  return {
    request: { method: webhook.method, url: fill(webhook.url), headers, bodyBase64: textToBase64(body) },
    unresolved: [...unresolved],
  };
}
