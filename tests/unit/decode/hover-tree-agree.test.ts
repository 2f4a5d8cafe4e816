import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCapture, parseFieldId, type DecodedNode } from '../../../electron/shared/decode/index';
import { escapeMarkdown, hoverLinesAt } from '../../../renderer/src/features/decode/hover';
import { fixturesDir, input } from './helpers';

/** A web session (act::ws) whose object attribute holds an ID the activity lists (str::lt) and one it does not. */
const NESTED_ATTR = JSON.stringify({
  activity: {
    id: 'a',
    field_id: 'act::ws',
    created: '2023-10-03T04:11:23Z',
    attr: {
      'str::lt': 'Pricing',
      'str::is': 'ads',
      'obj::s': { 'str::lt': 'Pricing', 'str::is': 'ads', deeper: { 'str::is': 'ads', 'str::lt': 'Home' } },
    },
  },
  contact: { 'str::is': 'ads', 'str::lt': 'Europe/Paris' },
  webhook_id: 'w',
});

/** A `field_id` before the activity's, outside it: only `activity.field_id` names the activity (act::c here). */
const OTHER_FIELD_ID_FIRST = JSON.stringify({
  meta: { field_id: 'act::ws' },
  activity: {
    id: 'a',
    field_id: 'act::c',
    created: '2023-10-03T04:11:23Z',
    attr: { 'obj::s': { 'str::lt': 'x' } },
  },
  webhook_id: 'w',
});

/** The Ortto samples that have field-ID keys (the journey webhook has only named keys). */
const payloads: [string, string][] = [
  ...readdirSync(fixturesDir)
    .filter((name) => name.startsWith('ortto-') && name.endsWith('.json'))
    .map((name): [string, string] => [name, readFileSync(join(fixturesDir, name), 'utf8')])
    .filter(([, body]) => /"[a-z]{3,4}:[a-z]*:/.test(body)),
  ['nested object attribute', NESTED_ATTR],
  ['another field_id before the activity', OTHER_FIELD_ID_FIRST],
];

/**
 * Each field-ID key of the decoded tree with where it is written in the pretty-printed text: the tree lists keys in
 * the order JSON.stringify writes them, so each is the next occurrence of `"key":` after the one before.
 */
function idKeysWithOffsets(text: string, roots: DecodedNode[]): { node: DecodedNode; offset: number }[] {
  const out: { node: DecodedNode; offset: number }[] = [];
  let cursor = 0;
  const walk = (n: DecodedNode) => {
    if (!n.key.startsWith('[')) {
      const at = text.indexOf(`${JSON.stringify(n.key)}:`, cursor);
      if (at >= 0) {
        cursor = at + 1;
        if (parseFieldId(n.key)) out.push({ node: n, offset: at + 1 });
      }
    }
    for (const child of n.children ?? []) walk(child);
  };
  for (const root of roots) for (const child of root.children ?? []) walk(child);
  return out;
}

describe('Monaco hover and Decoded tab agree on field-ID labels', () => {
  it.each(payloads)('%s', (_name, body) => {
    const text = JSON.stringify(JSON.parse(body), null, 2);
    const result = decodeCapture(input(text));
    const ids = idKeysWithOffsets(text, result.sections);
    expect(ids.length).toBeGreaterThan(0);
    const pairs = ids.map(({ node, offset }) => [
      node.path,
      hoverLinesAt(text, offset, node.key)?.[0],
      `**${escapeMarkdown(node.label)}**`,
    ]);
    expect(pairs).toEqual(pairs.map(([path, , tree]) => [path, tree, tree]));
  });

  it('an ID the activity does not list, inside its object attribute, is the person field in both', () => {
    const text = JSON.stringify(JSON.parse(NESTED_ATTR), null, 2);
    const at = text.indexOf('"str::is"', text.indexOf('"obj::s"')) + 1;
    expect(hoverLinesAt(text, at, 'str::is')?.[0]).toBe('**Initial source**');
  });
});
