import { detectContentType } from './content-type';
import { resolveTemplate } from './merge-fields';

/**
 * An Ontraport "Send a Webhook" body and the Content-Type Ontraport sends with it. Seed 000: the post data may be
 * form-encoded, JSON or XML, anything else goes as plain text, and the type is detected from it. Merge fields (and
 * the composer's `{{name}}` variables) are filled escaped for that type. `encoding` applies to `label=value` pairs
 * only: `json` sends them as one JSON object.
 */
export function pingPostData(
  template: string,
  contact: Record<string, string>,
  encoding: 'json' | 'form',
  env: Record<string, string> = {},
): { body: string; contentType: string | null } {
  // WP Fusion's setup leaves the post data blank (seed 003): nothing to detect, so no Content-Type, as in a send.
  if (template === '') return { body: '', contentType: null };
  const trimmed = template.trim();
  const marked = [
    ['json', 'application/json', /^[{[]/],
    ['xml', 'application/xml', /^</],
  ] as const;
  for (const [escape, type, start] of marked) {
    if (!start.test(trimmed)) continue;
    const merged = resolveTemplate(template, contact, env, { escape }).text;
    if (detectContentType(merged) === type) return { body: merged, contentType: type };
  }
  if (!template.includes('='))
    return { body: resolveTemplate(template, contact, env).text, contentType: 'text/plain' };
  if (encoding === 'json') {
    const fields: Record<string, string> = {};
    for (const pair of template.split('&')) {
      const at = pair.indexOf('=');
      const label = at < 0 ? pair : pair.slice(0, at);
      if (label) fields[label] = resolveTemplate(at < 0 ? '' : pair.slice(at + 1), contact, env).text;
    }
    return { body: JSON.stringify(fields), contentType: 'application/json' };
  }
  // Each value is merged then form-encoded, label by label; labels are sent as typed.
  const body = template
    .split('&')
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 0) return pair;
      return `${pair.slice(0, at)}=${resolveTemplate(pair.slice(at + 1), contact, env, { escape: 'url' }).text}`;
    })
    .join('&');
  return { body, contentType: 'application/x-www-form-urlencoded' };
}
