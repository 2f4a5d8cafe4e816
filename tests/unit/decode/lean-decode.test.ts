import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCapture, type DecodedNode, type DecodeResult } from '../../../electron/shared/decode/index';
import { fixturesDir, input, sample } from './helpers';

const contentTypeOf = (name: string) =>
  name.endsWith('.json')
    ? 'application/json'
    : name.endsWith('.xml')
      ? 'application/xml'
      : 'application/x-www-form-urlencoded';

/** Everything the full-text index reads from a decode (search-text.ts), in tree order. */
function indexWords(result: DecodeResult): unknown[] {
  const out: unknown[] = [
    result.vendor,
    result.eventLabel,
    result.candidates.map((c) => [c.vendor, c.eventLabel]),
  ];
  const stack: DecodedNode[] = [...result.sections];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push([n.labelSource, n.fieldId, n.label, n.type === 'activity' ? n.raw : null]);
    if (n.type === 'event' || n.type === 'action' || n.type === 'activity') out.push(n.display);
    out.push(n.warnings.filter((w) => w.code === 'unresolved-merge-field').length);
    if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

describe("lean decode (the full-text index's labels-only mode)", () => {
  const names = readdirSync(fixturesDir).filter((n) => /\.(json|txt)$/.test(n));

  it.each(names)(
    '%s: the same labels, field IDs, activities, events and merge-field flags as a full decode',
    (name) => {
      const body = input(sample(name), contentTypeOf(name));
      const options = { maxNodes: 2000, maxDepth: 16 };
      const full = decodeCapture(body, undefined, options);
      const lean = decodeCapture(body, undefined, { ...options, lean: true });
      expect(indexWords(lean)).toEqual(indexWords(full));
    },
  );

  it('skips what the index never reads: display and raw text of plain values; typed fields stay decoded', () => {
    const r = decodeCapture(input('{"contact":{"str::first":"Alex","custom":"value"}}'), undefined, {
      lean: true,
    });
    const [first, custom] = r.sections[0]!.children![0]!.children!;
    expect(first).toMatchObject({ fieldId: 'str::first', label: 'First name', display: 'Alex' });
    expect(custom).toMatchObject({ key: 'custom', labelSource: 'none', display: '', raw: null, path: '' });
  });
});
