import type { BodyMode } from '../../../../electron/shared/send/outgoing';
import { templateBodyFormat } from '../../../../electron/shared/send/template-body';

const structured: Partial<Record<string, BodyMode>> = { json: 'json', form: 'form', xml: 'xml' };

/**
 * The mode for a body just edited: a JSON, form or XML body that now is another of the three (XML pasted over the JSON
 * template) takes that mode, or its merged values would be escaped for the old one (`<email>"mary@…"</email>`) while
 * the Content-Type detected from it names the new one. Text, raw bytes and a half-typed body keep the mode chosen.
 */
export function modeAfterEdit(mode: BodyMode, body: string): BodyMode {
  if (structured[mode] === undefined) return mode;
  return structured[templateBodyFormat([], body).escape] ?? mode;
}
