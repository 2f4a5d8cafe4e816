import { httpToken, type HeaderPair } from '../../../../electron/shared/contract/captures';
import type { SavedWebhook } from '../../../../electron/shared/contract/delivery';
import { resolveTemplate, type Escape } from '../../../../electron/shared/send/merge-fields';
import { filledHeadersFormat } from '../../../../electron/shared/send/filled-headers-format';
import { headerByteString, textToBase64 } from '../../../../electron/shared/send/bytes';
import { fillHeaderName } from '../../../../electron/shared/send/fill-header-name';

/**
 * A saved webhook with `{{variables}}` of the active environment filled in, plus what stayed unresolved. Values are
 * escaped for where they land, as the composer and bulk sends do: percent-encoded in the URL, and JSON/form/XML-escaped
 * in a body of that format (judged from the template, so a quote in a value cannot turn JSON into text/plain).
 * An empty Content-Type is left out with a warning, as the composer does. A header name that cannot be sent as typed
 * (a `[Merge Field]` or unset `{{variable}}` in it: this send has no record to fill one from) is an `error` naming it.
 */
export function resolveSaved(webhook: SavedWebhook, env: Record<string, string>) {
  const unresolved = new Set<string>();
  const fill = (text: string, escape: Escape = 'none') => {
    const r = resolveTemplate(text, {}, env, { escape });
    r.unresolved.forEach((u) => unresolved.add(u));
    return r.text;
  };
  // Typed text: a value beyond ASCII goes out as its UTF-8 bytes, as from the composer.
  const filled: HeaderPair[] = webhook.headers.map(([name, template]) => [
    fillHeaderName(name, fill),
    headerByteString(fill(template)),
  ]);
  // Unlike a value, a name with brackets left in it cannot be "sent as typed": the send would only be refused.
  const badName = filled.findIndex(([name]) => !httpToken.test(name));
  const error =
    badName === -1
      ? null
      : `header "${webhook.headers[badName]![0]}" fills to "${filled[badName]![0].slice(0, 100)}", which is not a valid ` +
        "header name (a send from the Saved list fills only the active environment's {{variables}}; a [Merge Field] " +
        'needs the rows of a bulk send)';
  // Judged from the filled headers: a Content-Type `{{variable}}` that fills to nothing is no type of its own.
  const { format, headers, warnings } = filledHeadersFormat(filled, webhook.body);
  const body = fill(webhook.body, format.escape);
  if (format.contentType && !headers.some(([n]) => n.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', format.contentType]);
  return {
    request: {
      method: webhook.method,
      url: fill(webhook.url, 'whole-url'),
      headers,
      bodyBase64: textToBase64(body),
    },
    unresolved: [...unresolved],
    /** Why it cannot be sent at all; null when it can. */
    error,
    /** Sent only once the user confirms, as the composer's warnings. */
    warnings,
  };
}
