import { orttoActivity, orttoAttribute } from './dictionary/ortto';
import { decodeCapture } from './decode';
import { activityLabel } from './labels';
import type { CustomDictionary, DecodedNode, DecodeInput } from './types';

const MAX_CHARS = 16_384;
// Beyond this the index gets the vendor and labels of what a bounded decode saw, nothing more.
const MAX_NODES = 2000;

/**
 * Words for the full-text index: vendor, event label, every field ID seen and its label (and other names the same
 * ID goes by), so "Campaign name" or "Tag added" find the capture. Never throws; bounded.
 */
export function searchTextFor(input: DecodeInput, custom?: CustomDictionary): string {
  try {
    const result = decodeCapture(input, custom, { maxNodes: MAX_NODES, maxDepth: 16, lean: true });
    const words = new Set<string>();
    let size = 0;
    const add = (w: string | null | undefined) => {
      if (!w || size > MAX_CHARS || words.has(w)) return;
      words.add(w);
      size += w.length + 1;
    };
    add(result.vendor);
    add(result.eventLabel);
    for (const c of result.candidates) {
      add(c.vendor);
      add(c.eventLabel);
    }
    const stack: DecodedNode[] = [...result.sections];
    while (stack.length > 0 && size <= MAX_CHARS) {
      const node = stack.pop()!;
      if (node.labelSource !== 'none') {
        add(node.fieldId);
        add(node.label);
        if (node.fieldId) for (const alt of orttoAttribute(node.fieldId)?.altLabels ?? []) add(alt);
      }
      if (node.type === 'activity' && node.raw) {
        const id = node.raw.replace(/^"|"$/g, '');
        add(id);
        // The label the Decoded tab shows (a custom one first), then the built-in names.
        add(activityLabel(id, custom).label);
        const a = orttoActivity(id);
        add(a?.label ?? node.display);
        for (const alt of a?.altLabels ?? []) add(alt);
      }
      if (node.type === 'event' || node.type === 'action') add(node.display);
      for (const w of node.warnings) if (w.code === 'unresolved-merge-field') add('unresolved merge field');
      if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    return [...words].join('\n');
  } catch {
    return '';
  }
}
