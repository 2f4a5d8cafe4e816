import { describe, expect, it } from 'vitest';
import { decodeCapture } from '../../../electron/shared/decode/index';
import { escapeMarkdown, hoverLinesAt } from '../../../renderer/src/features/decode/hover';
import { input, node } from './helpers';

/**
 * Inside `obj::s`, str::lt is "Last page title" in a web session (act::ws, which lists it) and the person field
 * elsewhere: which activity the text names decides the label.
 */
const attr = '"attr": {"obj::s": {"str::lt": "Pricing"}}';

describe('a repeated activity or field_id key: the hover reads the one JSON.parse keeps (the last)', () => {
  it.each([
    [
      'two activities',
      `{"activity": {"field_id": "act::ws"},\n "activity": {"field_id": "act::c", ${attr}}}`,
    ],
    [
      'two activities, the other way',
      `{"activity": {"field_id": "act::c"},\n "activity": {"field_id": "act::ws", ${attr}}}`,
    ],
    ['two field_ids in one activity', `{"activity": {"field_id": "act::ws", "field_id": "act::c", ${attr}}}`],
    ['the last activity has no field_id', `{"activity": {"field_id": "act::ws"},\n "activity": {${attr}}}`],
    ['the last field_id is not a string', `{"activity": {"field_id": "act::ws", "field_id": 5, ${attr}}}`],
  ])('%s', (_name, text) => {
    const tree = node(decodeCapture(input(text)), '$.activity.attr["obj::s"]["str::lt"]');
    const hover = hoverLinesAt(text, text.lastIndexOf('"str::lt"') + 1, 'str::lt');
    expect(hover?.[0]).toBe(`**${escapeMarkdown(tree.label)}**`);
  });
});
