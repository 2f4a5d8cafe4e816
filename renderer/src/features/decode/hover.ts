import {
  activityLabel,
  attrDepth,
  fieldLabel,
  labelActivityAt,
  parseFieldId,
} from '../../../../electron/shared/decode/index';
import { addMonacoSetup, type MonacoApi } from '../../components/code-editor/monaco-setup';
import { plainTextMarkdown } from '../../components/code-editor/plain-text-markdown';
import { hoverCustomDictionary } from './custom-labels';
import { jsonKeysAt } from './json-keys-at';

// Ortto field IDs as they appear in raw text: type:namespace:name (namespace may be empty).
const ID_IN_TEXT = /[a-z][a-z0-9]{1,11}:[a-z0-9_]{0,16}:[A-Za-z0-9][A-Za-z0-9_.!-]*/g;
const MAX_LINE = 20_000;

/**
 * Markdown-escape text from payloads and custom dictionaries: it must show as characters, never as markup — nor as
 * a bare-URL autolink (`https://…`), which escaping `.` alone leaves clickable.
 */
export const escapeMarkdown = plainTextMarkdown;

/** The ID under a column of a line (1-based column, as Monaco gives it), or null. */
export function idAt(line: string, column: number): { id: string; start: number; end: number } | null {
  if (line.length > MAX_LINE) return null;
  ID_IN_TEXT.lastIndex = 0;
  for (let m = ID_IN_TEXT.exec(line); m; m = ID_IN_TEXT.exec(line)) {
    const start = m.index + 1;
    const end = start + m[0].length;
    if (column >= start && column <= end && parseFieldId(m[0])) return { id: m[0], start, end };
  }
  return null;
}

/** The lines a hover shows for an ID, given the activity whose `attr` it sits in (if any). */
export function hoverLines(id: string, activityId: string | null): string[] | null {
  const custom = hoverCustomDictionary();
  if (id.startsWith('act:')) {
    const a = activityLabel(id, custom);
    if (a.source === 'none') return null;
    return [
      `**${escapeMarkdown(a.label)}**`,
      `Ortto activity · ${sourceText(a.source)}`,
      ...a.altLabels.map((l) => `also: ${escapeMarkdown(l)}`),
    ];
  }
  const inActivity = activityId ? fieldLabel(id, activityId, custom) : null;
  const plain = fieldLabel(id, null, custom);
  if (!plain && !inActivity) return null;
  const main = inActivity ?? plain!;
  const lines = [`**${escapeMarkdown(main.label)}**`, `Ortto field · ${sourceText(main.source)}`];
  if (inActivity && plain && plain.label !== inActivity.label) {
    lines.push(
      `as a person field: ${escapeMarkdown(plain.label)} · in ${escapeMarkdown(activityId!)}: ${escapeMarkdown(inActivity.label)}`,
    );
  }
  return lines;
}

const ACTIVITY_KEY_IN_TEXT = /"activity"\s*:\s*/g;
const FIELD_ID_KEY_IN_TEXT = /"field_id"\s*:\s*/g;
const ACTIVITY_ID_VALUE = /^"(act:[^"]{1,160})"/;
const MAX_KEYS_TRIED = 20;

/** Where the value of the last `key` inside the object reached by `parentKeys` starts (JSON.parse keeps the last). */
function lastValueAt(text: string, key: RegExp, parentKeys: readonly string[]): number | null {
  const matches = [...text.matchAll(key)];
  for (let i = matches.length - 1; i >= Math.max(0, matches.length - MAX_KEYS_TRIED); i--) {
    const m = matches[i]!;
    const keys = jsonKeysAt(text, m.index + 1);
    if (keys.length === parentKeys.length && keys.every((k, j) => k === parentKeys[j]))
      return m.index + m[0].length;
  }
  return null;
}

/**
 * `activity.field_id`, as the Decoded tab reads it: the last `field_id` of the last top-level `activity`, as JSON.parse
 * keeps them; a `field_id` elsewhere in the text names no activity.
 */
function activityIdIn(text: string): string | null {
  const activity = lastValueAt(text, ACTIVITY_KEY_IN_TEXT, []);
  const fieldId = lastValueAt(text, FIELD_ID_KEY_IN_TEXT, ['activity']);
  if (activity === null || fieldId === null || fieldId < activity) return null;
  return ACTIVITY_ID_VALUE.exec(text.slice(fieldId, fieldId + 200))?.[1] ?? null;
}

/**
 * The hover lines for an ID at an offset of JSON text: an ID means the activity's attribute only inside
 * `activity.attr`, resolved as the Decoded tab resolves it; elsewhere (`contact`) it is the person field.
 */
export function hoverLinesAt(text: string, offset: number, id: string): string[] | null {
  const activityId = activityIdIn(text);
  const depth = attrDepth(jsonKeysAt(text, offset));
  return hoverLines(id, labelActivityAt(depth, activityId, id, hoverCustomDictionary()));
}

const sourceText = (source: string) =>
  source === 'custom'
    ? 'custom dictionary'
    : source === 'grammar'
      ? 'read from the ID (not in the dictionary)'
      : source === 'activity'
        ? "this activity's label"
        : 'built-in dictionary';

let registered = false;

/** Label Ortto IDs in every Monaco model (the raw view, the composer) on hover. */
export function registerDecodeHovers(): void {
  if (registered) return;
  registered = true;
  addMonacoSetup((monaco: MonacoApi) => {
    monaco.languages.registerHoverProvider('*', {
      provideHover(model, position) {
        const found = idAt(model.getLineContent(position.lineNumber), position.column);
        if (!found) return null;
        const offset = model.getOffsetAt({ lineNumber: position.lineNumber, column: found.start });
        const lines = hoverLinesAt(model.getValue(), offset, found.id);
        if (!lines) return null;
        return {
          range: new monaco.Range(position.lineNumber, found.start, position.lineNumber, found.end),
          contents: lines.map((value) => ({ value, isTrusted: false, supportHtml: false })),
        };
      },
    });
  });
}
